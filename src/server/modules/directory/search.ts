import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { escapeLike, searchTerms } from '../../../shared/text';

/**
 * Accent- and case-insensitive search on a search_text column: every term of the query must occur.
 * The column holds normalised text (see shared/text.ts), so a plain LIKE does the work on both PGlite and PostgreSQL.
 */
export function searchCondition(column: AnyPgColumn, query: string | null | undefined): SQL | undefined {
  const terms = searchTerms(query);
  if (!terms.length) return undefined;
  return and(...terms.map((t) => sql`${column} like ${`%${escapeLike(t)}%`}`));
}
