/**
 * A civil servant's NIP (18 digits) as printed under a signature: "19780101 200501 2 001"
 * (birth date, appointment year and month, sex, sequence). Anything else is returned as typed.
 */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  const m = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(digits);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : nip.trim();
}
