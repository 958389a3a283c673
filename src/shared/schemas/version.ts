import { z } from '../zod';

/**
 * Optimistic concurrency, one rule everywhere: every write of an aggregate names the version the client read;
 * a write without it is refused (400) and a stale one answers 409 with the current version.
 */
export const versionField = () =>
  z
    .number({ error: 'Versi data wajib dikirim (muat ulang halaman, lalu ulangi)' })
    .int('Versi data harus bilangan bulat')
    .min(1, 'Versi data tidak valid');

/** `?version=N` for writes without a body (DELETE). */
export const versionQuery = z.strictObject({
  version: z.coerce
    .number({ error: 'Versi data wajib dikirim (muat ulang halaman, lalu ulangi)' })
    .int('Versi data harus bilangan bulat')
    .min(1, 'Versi data tidak valid'),
});
