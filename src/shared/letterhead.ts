/** Contact fields of the organisation, as printed under the unit name of a letterhead (kop). */
export type LetterheadContacts = { address?: string | null; phone?: string | null; email?: string | null; website?: string | null };

/** The lines under the unit name: "address, Telp. ..." and "E-mail: ..., Website: ...". Zod-free, so the SPA's first bundle can use it. */
export function letterheadDetailLines(s: LetterheadContacts): string[] {
  const first = [s.address, s.phone].filter(Boolean).join(', ');
  const second = [s.email && `E-mail: ${s.email}`, s.website && `Website: ${s.website}`].filter(Boolean).join(', ');
  return [first, second].filter(Boolean);
}
