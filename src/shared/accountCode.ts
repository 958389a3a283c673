/**
 * Account codes (kode rekening) of the regional chart of accounts (Permendagri 90/2019): six levels,
 * e.g. 5.1.02.02.01.0003 = akun . kelompok . jenis . objek . rincian objek . sub rincian objek.
 */
export const accountCodePattern = /^\d\.\d\.\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export const accountCodeExample = '5.1.02.02.01.0003';

export const accountCodeMessage = `Kode rekening harus terdiri atas 6 tingkat angka yang dipisah titik (1.1.2.2.2.4 digit), contoh ${accountCodeExample}`;

/** Trims blanks around the code and around its dots ("5.1.02. 02.01.0003" -> "5.1.02.02.01.0003"). */
export function normalizeAccountCode(code: string): string {
  return code.trim().replace(/\s*\.\s*/g, '.');
}

export function isAccountCode(code: string): boolean {
  return accountCodePattern.test(normalizeAccountCode(code));
}

/** The Indonesian message for an invalid code, or null when it is valid. */
export function accountCodeError(code: string): string | null {
  if (!code.trim()) return 'Kode rekening wajib diisi';
  return isAccountCode(code) ? null : accountCodeMessage;
}

/** The six levels of a valid code, e.g. ['5', '1', '02', '02', '01', '0003']; null when invalid. */
export function accountCodeLevels(code: string): string[] | null {
  const normalized = normalizeAccountCode(code);
  return accountCodePattern.test(normalized) ? normalized.split('.') : null;
}
