import { RateLimitedError } from './errors';

/**
 * Heavy imports (directory XLSX/CSV, Word KAK) parse in bounded memory, but each still costs a core for a while:
 * this process runs one at a time and answers 429 to the next instead of queueing (several processes behind a
 * load balancer each have their own slot).
 */
let running = 0;
export const maxConcurrentImports = 1;
export const importBusyMessage = 'Impor lain sedang berjalan. Coba lagi dalam beberapa saat.';

export async function withImportSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrentImports) throw new RateLimitedError(importBusyMessage);
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
  }
}
