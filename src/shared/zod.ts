import { z } from 'zod';

// Validation messages in Indonesian everywhere (server answers and SPA forms).
z.config(z.locales.id());

export { z };

/** Common building blocks with limits, so that no field accepts unbounded input. */
export const text = (max = 200) => z.string().trim().max(max, `Maksimal ${max} karakter`);
export const requiredText = (max = 200, label = 'Isian') => text(max).min(1, `${label} wajib diisi`);
export const optionalText = (max = 200) =>
  z.union([text(max), z.null()]).optional().transform((v) => (v === '' ? null : v));
export const email = () => z.string().trim().toLowerCase().max(254).pipe(z.email('Alamat e-mail tidak valid'));
export const password = () => z.string().min(10, 'Kata sandi minimal 10 karakter').max(200, 'Kata sandi maksimal 200 karakter');
export const uuid = () => z.uuid('ID tidak valid');
