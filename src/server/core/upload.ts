import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationError } from './errors';

export type Upload = { buffer: Buffer; filename: string; mimetype: string; fields: Record<string, string> };

/**
 * Reads a multipart/form-data request: the file of field `file` (at most maxBytes) and the text fields.
 * Every way the upload can be wrong becomes a clear 4xx in Indonesian, never a 500.
 */
export async function readUpload(
  req: FastifyRequest,
  /** `what` names the file in messages ("Logo", "Berkas KAK"); `choose` is what to pick when none was sent. */
  opts: { maxBytes: number; what: string; choose?: string },
): Promise<Upload> {
  const limitMb = (opts.maxBytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 });
  let file: Omit<Upload, 'fields'> | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits: { fileSize: opts.maxBytes, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === 'file') file = { buffer, filename: part.filename ?? 'berkas', mimetype: part.mimetype };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('payload_too_large', `${opts.what} terlalu besar: maksimal ${limitMb} MB`);
    if (code === 'FST_FILES_LIMIT') throw new ValidationError('Kirim satu berkas saja pada isian "file"');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new DomainError('unsupported_media_type', 'Kirim berkas sebagai multipart/form-data pada isian "file"');
    }
    throw new ValidationError('Unggahan tidak terbaca (multipart/form-data rusak). Coba unggah ulang berkasnya.');
  }
  const choose = opts.choose ?? opts.what.toLowerCase();
  if (!file) throw new ValidationError(`Pilih ${choose} untuk diunggah (isian "file")`, { file: 'Berkas wajib dipilih' });
  if (!file.buffer.length) throw new ValidationError(`${opts.what} kosong`, { file: 'Berkas kosong' });
  return { ...file, fields };
}
