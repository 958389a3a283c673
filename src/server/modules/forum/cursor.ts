import { ValidationError } from '../../core/errors';

/**
 * Keyset paging: a cursor is the sort key and id of the last row of a page, opaque to the client (base64url JSON).
 * Timestamps travel as PostgreSQL's own text (microseconds), so the next page starts exactly after the last row.
 */
export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

const timestampPattern = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor<K extends 'string' | 'number'>(
  cursor: string | undefined,
  kind: K,
): { key: K extends 'string' ? string : number; id: string } | null {
  if (!cursor) return null;
  const bad = () => new ValidationError('Kursor halaman tidak valid: muat ulang daftar dari awal', { cursor: 'Kursor tidak valid' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw bad();
  const [key, id] = parsed as [unknown, unknown];
  if (typeof id !== 'string' || !uuidPattern.test(id)) throw bad();
  if (kind === 'number' ? typeof key !== 'number' || !Number.isFinite(key) : typeof key !== 'string' || key.length > 64) throw bad();
  if (kind === 'string' && !timestampPattern.test(key as string)) throw bad();
  return { key: key as K extends 'string' ? string : number, id };
}

/** The page and the cursor of the next one, from `limit + 1` fetched rows. */
export function pageOf<R>(rows: R[], limit: number, cursorOf: (last: R) => string): { rows: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, nextCursor: more ? cursorOf(page[page.length - 1]!) : null };
}
