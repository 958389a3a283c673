import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, httpStatusOf } from './errors';
import { scrubError } from './logging';

type Body = { error: { code: string; message: string; fields?: Record<string, string>; [k: string]: unknown } };

const pgCodes: Record<string, [number, string, string]> = {
  '23505': [409, 'conflict', 'Data yang sama sudah ada'],
  '23503': [409, 'conflict', 'Data masih dirujuk oleh data lain atau rujukannya tidak ada'],
  '22001': [400, 'validation_failed', 'Isian terlalu panjang'],
  '22P02': [400, 'validation_failed', 'Format isian tidak valid'],
  '22003': [400, 'validation_failed', 'Angka di luar batas yang diizinkan'],
  // Second line behind the text schemas, which refuse control characters: NUL in text (22021) or in JSON (22P05).
  '22021': [400, 'validation_failed', 'Isian mengandung karakter yang tidak diizinkan (mis. karakter NUL)'],
  '22P05': [400, 'validation_failed', 'Isian mengandung karakter yang tidak diizinkan (mis. karakter NUL)'],
};

/** Field path "a.b.0" -> message, in Indonesian, from zod issues. */
function zodFields(error: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  const validation = (
    error as unknown as { validation: { instancePath: string; message?: string; params?: { issue?: { path?: unknown[] } } }[] }
  ).validation;
  for (const v of validation ?? []) {
    const issuePath = v.params?.issue?.path;
    const key =
      Array.isArray(issuePath) && issuePath.length ? issuePath.join('.') : v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
    if (!fields[key]) fields[key] = v.message ?? 'Isian tidak valid';
  }
  return fields;
}

/** Maps every error to a JSON answer; client mistakes never become 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let status = 500;
  let body: Body = { error: { code: 'internal', message: 'Terjadi kesalahan pada server' } };
  const pg = (error as unknown as { cause?: { code?: string } }).cause?.code ?? (error as unknown as { code?: string }).code;

  if (error instanceof DomainError) {
    const domain = error as DomainError;
    status = httpStatusOf[domain.code] ?? 400;
    body = { error: { code: domain.code, message: domain.message, ...domain.details } };
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    status = 400;
    const fields = zodFields(error);
    const list = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
    body = { error: { code: 'validation_failed', message: `Isian tidak valid: ${list}`, fields } };
  } else if (pg && pgCodes[pg]) {
    const [s, code, message] = pgCodes[pg];
    status = s;
    body = { error: { code, message } };
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    const messages: Record<number, [string, string]> = {
      400: ['bad_request', 'Permintaan tidak valid (periksa format JSON dan isiannya)'],
      404: ['not_found', 'Data tidak ditemukan'],
      406: ['not_acceptable', 'Format tidak didukung'],
      413: ['payload_too_large', 'Berkas atau isian terlalu besar'],
      415: ['unsupported_media_type', 'Jenis isi (Content-Type) tidak didukung'],
      429: ['rate_limited', 'Terlalu banyak permintaan. Coba lagi nanti.'],
    };
    const [code, message] = messages[status] ?? ['bad_request', 'Permintaan tidak valid'];
    body = { error: { code, message, detail: error.message } };
  }
  // Never the failing query's parameters (they may hold a password hash): see core/logging.ts.
  if (status >= 500) request.log.error({ err: scrubError(error), requestId: request.id }, 'unhandled error');
  reply.status(status).send(body);
}
