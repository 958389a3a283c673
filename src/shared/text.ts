/**
 * Search normalisation shared by the server (search_text columns) and the SPA: lower-case, accents stripped
 * (NFD, then combining marks removed) and whitespace collapsed, so "Universitas Andalas" and "universitas ándalas"
 * compare equal.
 */
export function normalizeSearch(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The search_text of a row: its searchable parts, normalised and joined. */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  return parts.map(normalizeSearch).filter(Boolean).join(' ');
}

/** Splits a query into normalised terms (at most `max`), each of which must occur in the search text. */
export function searchTerms(query: string | null | undefined, max = 8): string[] {
  return normalizeSearch(query).split(' ').filter(Boolean).slice(0, max);
}

/** Escapes LIKE wildcards so a term matches literally. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
