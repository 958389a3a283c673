import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityDetailOutput } from '../../../shared/schemas/activities';
import { z } from '../../../shared/zod';
import { readUpload } from '../../core/upload';
import { authorize } from '../../core/policy';
import { createActivity } from './createActivity';
import { parseKakDocx } from './importKak';

const importOutput = z.object({
  activity: activityDetailOutput,
  /** What was found and imported, e.g. "Latar Belakang", "Jadwal kegiatan", "Rincian per triwulan". */
  recognised: z.array(z.string()),
  /** What was left out or changed, to check by hand (paragraphs outside any section, unknown tables, cut texts). */
  unrecognised: z.array(z.string()),
});

/** POST /api/activities/import: an existing KAK in Word becomes a draft activity (validated, authorised and audited by createActivity). */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/activities/import',
    {
      schema: {
        tags: ['activities'],
        summary: 'Import an existing KAK from a Word (.docx) file as a draft activity',
        description: 'multipart/form-data with the .docx in field `file`. Answers the draft and what was (not) recognised.',
        consumes: ['multipart/form-data'],
        response: { 201: importOutput },
      },
    },
    async (req, reply) => {
      // Refuse early, before reading the upload; createActivity checks again inside the use case.
      authorize(req.ctx.actor, 'activity.write');
      const upload = await readUpload(req, { maxBytes: req.ctx.config.uploadLimitBytes, what: 'Berkas KAK', choose: 'berkas KAK (.docx)' });
      const parsed = await parseKakDocx(upload.buffer, { fileName: upload.filename });
      const activity = await createActivity(req.ctx, parsed.draft);
      reply.status(201);
      return { activity, recognised: parsed.recognised, unrecognised: parsed.unrecognised };
    },
  );
};
