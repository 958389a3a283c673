import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityDetailOutput } from '../../../shared/schemas/activities';
import { z } from '../../../shared/zod';
import { DomainError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { createActivity } from './createActivity';
import { parseKakDocx } from './importKak';

/** The .docx of field `file` of a multipart request; every way the upload is wrong becomes a 4xx in Indonesian. */
async function readDocxUpload(req: FastifyRequest, maxBytes: number): Promise<{ buffer: Buffer; filename: string }> {
  const limitMb = (maxBytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 });
  let file: { buffer: Buffer; filename: string } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      const buffer = await part.toBuffer();
      if (part.fieldname === 'file') file = { buffer, filename: part.filename ?? 'kak.docx' };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('payload_too_large', `Berkas KAK terlalu besar: maksimal ${limitMb} MB`);
    if (code === 'FST_FILES_LIMIT') throw new ValidationError('Kirim satu berkas .docx saja pada isian "file"');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new DomainError('unsupported_media_type', 'Kirim berkas .docx sebagai multipart/form-data pada isian "file"');
    }
    throw new ValidationError('Unggahan tidak terbaca (multipart/form-data rusak). Coba unggah ulang berkasnya.');
  }
  if (!file) throw new ValidationError('Pilih berkas KAK (.docx) untuk diunggah (isian "file")', { file: 'Berkas wajib dipilih' });
  return file;
}

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
      const upload = await readDocxUpload(req, req.ctx.config.uploadLimitBytes);
      const parsed = await parseKakDocx(upload.buffer, { fileName: upload.filename });
      const activity = await createActivity(req.ctx, parsed.draft);
      reply.status(201);
      return { activity, recognised: parsed.recognised, unrecognised: parsed.unrecognised };
    },
  );
};
