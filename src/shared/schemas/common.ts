import { z } from '../zod';

/**
 * Building blocks of the API's answers, shared by every module's routes (and, as types, by the SPA).
 * Every route declares its 2xx answer with these or its own output schema: fastify serializes with it,
 * so a field the schema does not list never leaves the server.
 */

/** `{ ok: true }`: a write that has nothing else to say (delete, revoke, log out). */
export const okOutput = z.object({ ok: z.literal(true) });

/**
 * Paging of every list endpoint: `?limit=&offset=` (limit 1..200, default 50), answered as `{ items, total }`
 * where total counts every matching row, not just this page.
 */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman').default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
export const pageOutput = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/**
 * A file answer (DOCX, PDF, XLSX, an image): its content types with a binary string schema, the form
 * @fastify/swagger documents as `content: { <mime>: { schema: { type: string, format: binary } } }`.
 * The handler sends a Buffer with `reply.type(mime)`, which is never run through a serializer.
 */
export function binaryResponse(mimes: readonly string[], description: string) {
  // Typed as a Buffer for the handler (the type provider reads it), documented as a binary string.
  const schema = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<Buffer | Uint8Array>;
  return { description, content: Object.fromEntries(mimes.map((m) => [m, { schema }])) as Record<string, { schema: typeof schema }> };
}

export const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;
