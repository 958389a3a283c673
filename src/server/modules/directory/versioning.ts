import { ConflictError } from '../../core/errors';

/** Optimistic concurrency: refuse a save based on an older version than the stored one. */
export function assertVersion(current: number, sent: number | undefined): void {
  if (sent === undefined || sent === current) return;
  throw new ConflictError(
    `Data ini sudah diubah orang lain sejak Anda membukanya (versi Anda ${sent}, versi terbaru ${current}). Muat ulang data, lalu ulangi perubahan Anda.`,
    { version: 'Versi data sudah usang' },
  );
}
