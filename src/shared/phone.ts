import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Normalises an Indonesian phone or WhatsApp number to E.164 (+62...). Accepts 08xx, +62, 62xx (as copied from
 * wa.me links) and numbers whose leading zero a spreadsheet dropped (812...). Foreign numbers need their +code.
 * Returns null when the text is not a valid number.
 */
export function normalizePhone(input: string | null | undefined): string | null {
  if (!input) return null;
  let text = input.trim();
  const digits = text.replace(/[^\d]/g, '');
  if (!text.startsWith('+') && digits.startsWith('62') && digits.length >= 10) text = `+${digits}`;
  const phone = parsePhoneNumberFromString(text, 'ID');
  if (!phone || !phone.isValid()) return null;
  return phone.number;
}

export const phoneMessage = 'Nomor telepon tidak valid (contoh: 0812-3456-7890 atau +62 812 3456 7890)';
