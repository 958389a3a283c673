import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityDetailOutput } from '../../../shared/schemas/activities';
import { z } from '../../../shared/zod';
import { readUpload } from '../../core/upload';
import { authorize } from '../../core/policy';
import { createActivity } from './createActivity';
import { parseKakFile } from './importKak';

/** Field by field what the import read, and from where ("paragraf 12", "tabel 2, baris 3, kolom 2", "halaman 1"). */
const importedField = z.object({ field: z.string(), value: z.string(), at: z.string() });
const importedBudgetLine = z.object({
  accountCode: z.string(),
  codeKind: z.enum(['current', 'old', 'none']),
  description: z.string(),
  volume: z.number(),
  volumeText: z.string(),
  unit: z.string(),
  unitPrice: z.number(),
  amount: z.number(),
  at: z.string(),
});
const importedSigner = z.object({
  role: z.enum(['pptk', 'mengetahui']),
  name: z.string(),
  position: z.string(),
  nip: z.string(),
  at: z.string(),
});
const importReport = {
  /** What was found and imported, e.g. "Latar Belakang", "Jadwal kegiatan", "Rincian per triwulan". */
  recognised: z.array(z.string()),
  /** What was left out or changed, to check by hand (paragraphs outside any section, unknown tables, cut texts). */
  unrecognised: z.array(z.string()),
  fields: z.array(importedField),
  /** The budget table as written, also lines that cannot become budget lines (old five-level or missing codes). */
  budget: z.array(importedBudgetLine),
  /** The PPTK and the other signers ("Mengetahui"), as written. */
  signers: z.array(importedSigner),
};
const importOutput = z.object({ activity: activityDetailOutput, ...importReport });
const previewOutput = z.object({
  /**
   * The draft as it would be created: a valid body of POST /api/activities (createActivityInput), sent back by the
   * SPA to save it. Typed loosely here because the input schema's transforms cannot be encoded as an answer.
   */
  draft: z.looseObject({ title: z.string(), fiscalYear: z.number(), orgUnit: z.string().optional() }),
  ...importReport,
});

const uploadOptions = { what: 'Berkas KAK', choose: 'berkas KAK (.docx atau .pdf)' };

/**
 * POST /api/activities/import/preview: reads a KAK (Word or PDF with text) and answers the draft and what was
 * (not) recognised, field by field, without saving anything; the SPA saves the confirmed draft via POST /api/activities.
 * POST /api/activities/import: the same, creating the draft at once (validated, authorised and audited by createActivity).
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/activities/import/preview',
    {
      schema: {
        tags: ['activities'],
        summary: 'Read a KAK (Word .docx or PDF with text) into a draft activity without saving it',
        description:
          'multipart/form-data with the file in field `file`. Nothing is saved: answers the draft and what was (not) recognised, with where.',
        consumes: ['multipart/form-data'],
        response: { 200: previewOutput },
      },
    },
    async (req) => {
      authorize(req.ctx.actor, 'activity.write');
      const upload = await readUpload(req, { maxBytes: req.ctx.config.uploadLimitBytes, ...uploadOptions });
      const parsed = await parseKakFile(upload.buffer, { fileName: upload.filename });
      return parsed;
    },
  );
  app.post(
    '/api/activities/import',
    {
      schema: {
        tags: ['activities'],
        summary: 'Import an existing KAK (Word .docx or PDF with text) as a draft activity',
        description: 'multipart/form-data with the file in field `file`. Answers the draft and what was (not) recognised.',
        consumes: ['multipart/form-data'],
        response: { 201: importOutput },
      },
    },
    async (req, reply) => {
      // Refuse early, before reading the upload; createActivity checks again inside the use case.
      authorize(req.ctx.actor, 'activity.write');
      const upload = await readUpload(req, { maxBytes: req.ctx.config.uploadLimitBytes, ...uploadOptions });
      const parsed = await parseKakFile(upload.buffer, { fileName: upload.filename });
      const activity = await createActivity(req.ctx, parsed.draft);
      reply.status(201);
      return {
        activity,
        recognised: parsed.recognised,
        unrecognised: parsed.unrecognised,
        fields: parsed.fields,
        budget: parsed.budget,
        signers: parsed.signers,
      };
    },
  );
};
