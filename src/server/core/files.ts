import { createHash } from 'node:crypto';
import { and, eq, notExists, sql } from 'drizzle-orm';
import { files, institutions, settings } from '../db/schema/index';
import type { Ctx } from './context';
import { DomainError, NotFoundError, ValidationError } from './errors';

/** Uploaded images (logos) are stored in the database, so a backup of it holds them too. */
export const imageMaxBytes = 1024 * 1024;

/** PNG or JPEG by their magic bytes; anything else (SVG with scripts, renamed files) is refused. */
export function detectImage(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Checks and stores an uploaded logo inside the caller's transaction; returns the stored file's metadata. */
export async function storeImage(ctx: Ctx, file: { buffer: Buffer; filename: string }) {
  if (file.buffer.length > imageMaxBytes) throw new DomainError('payload_too_large', 'Logo terlalu besar: maksimal 1 MB');
  const mime = detectImage(file.buffer);
  if (!mime) throw new ValidationError('Logo harus berupa gambar PNG atau JPEG', { file: 'Hanya PNG atau JPEG (SVG tidak diterima)' });
  const [stored] = await ctx.db
    .insert(files)
    .values({
      name: file.filename.slice(0, 200),
      mime,
      size: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
    })
    .returning({ id: files.id, name: files.name, mime: files.mime, size: files.size, sha256: files.sha256 });
  return stored!;
}

/** Deletes a replaced file unless something still points at it (an institution's logo, the letterhead). */
export async function deleteFileIfUnused(ctx: Ctx, fileId: string) {
  await ctx.db.delete(files).where(
    and(
      eq(files.id, fileId),
      notExists(ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.logoFileId, files.id))),
      notExists(ctx.db.select({ key: settings.key }).from(settings).where(sql`${settings.value}->>'logoFileId' = ${files.id}::text`)),
    ),
  );
}

/** A stored file's bytes, or NotFound with the given message. */
export async function readFile(ctx: Ctx, fileId: string | null | undefined, missing: string) {
  const [row] = fileId ? await ctx.db.select({ mime: files.mime, content: files.content, sha256: files.sha256 }).from(files).where(eq(files.id, fileId)) : [];
  if (!row?.content) throw new NotFoundError(missing);
  return { mime: row.mime, content: row.content, sha256: row.sha256 };
}
