import type { z } from 'zod';
import { DomainError, ValidationError } from '../../core/errors';

/** Parses input given to a use case directly (not through a route); zod issues become per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  const list = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  throw new ValidationError(`Isian tidak valid: ${list}`, fields);
}

export const staleVersionMessage =
  'Kegiatan ini telah diubah oleh pengguna lain sejak Anda membukanya. Muat ulang untuk melihat perubahan terbaru.';

/** 409: the client saved on top of a version that is no longer current. */
export function staleVersion(currentVersion: number): DomainError {
  return new DomainError('conflict', staleVersionMessage, { currentVersion });
}
