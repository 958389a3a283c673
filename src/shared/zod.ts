import { z } from 'zod';

// Validation messages in Indonesian everywhere (server answers and SPA forms).
z.config(z.locales.id());

export { z };

const isEmptyChoice = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
// An empty choice is a missing one: "Wajib dipilih", not "Pilihan tidak valid: diharapkan salah satu dari ...".
z.config({ customError: (iss) => (iss.code === 'invalid_value' && isEmptyChoice(iss.input) ? 'Wajib dipilih' : undefined) });

/** A required choice among `values`: left empty it says "<label> wajib dipilih", anything else `unknown`. */
export const requiredEnum = <const T extends readonly [string, ...string[]]>(
  values: T,
  label: string,
  unknown = `${label} tidak dikenal`,
) => z.enum(values, { error: (iss) => (isEmptyChoice(iss.input) ? `${label} wajib dipilih` : unknown) });

/**
 * Control characters no text field accepts: NUL (PostgreSQL refuses it in text, error 22021) and the other C0
 * controls and DEL. Tab, line feed and carriage return stay allowed (paragraphs, pasted Windows line ends).
 */
export const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const controlCharacterMessage = 'Isian mengandung karakter kontrol yang tidak diizinkan (mis. karakter NUL)';
/** A string without control characters (see `controlCharacters`); the base of every free-text field. */
export const safeString = () => z.string().refine((v) => !controlCharacters.test(v), controlCharacterMessage);

/** Common building blocks with limits, so that no field accepts unbounded input. */
export const text = (max = 200) => safeString().trim().max(max, `Maksimal ${max} karakter`);
export const requiredText = (max = 200, label = 'Isian') => text(max).min(1, `${label} wajib diisi`);
export const optionalText = (max = 200) =>
  z
    .union([text(max), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v));
export const email = () => safeString().trim().toLowerCase().max(254).pipe(z.email('Alamat e-mail tidak valid'));
export const password = () => z.string().min(10, 'Kata sandi minimal 10 karakter').max(200, 'Kata sandi maksimal 200 karakter');
export const uuid = () => z.uuid('ID tidak valid');
