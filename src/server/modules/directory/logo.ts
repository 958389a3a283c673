import { createHash } from 'node:crypto';
import { and, eq, notExists, sql } from 'drizzle-orm';
import { files, institutions, settings } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors';
import { authorize, can } from '../../core/policy';
import { getInstitution } from './institutions';

export const logoMaxBytes = 1024 * 1024;

/** PNG or JPEG by their magic bytes; anything else (SVG with scripts, renamed files) is refused. */
export function detectImage(buffer: Buffer): 'image/png' | 'image/jpeg' | null {
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Stores a new logo for the institution (replacing and removing the old file). */
export async function uploadLogo(ctx: Ctx, institutionId: string, file: { buffer: Buffer; filename: string }) {
  authorize(ctx.actor, 'directory.read');
  if (file.buffer.length > logoMaxBytes) throw new DomainError('payload_too_large', 'Logo terlalu besar: maksimal 1 MB');
  const mime = detectImage(file.buffer);
  if (!mime) throw new ValidationError('Logo harus berupa gambar PNG atau JPEG', { file: 'Hanya PNG atau JPEG (SVG tidak diterima)' });
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(institutions).where(eq(institutions.id, institutionId)).for('update');
    if (!before) throw new NotFoundError('Lembaga tidak ditemukan');
    if (!can(ctx.actor, 'institution.update', { institutionId })) throw new ForbiddenError('Anda hanya dapat mengubah logo lembaga Anda sendiri');
    const [stored] = await tx.db
      .insert(files)
      .values({
        name: file.filename.slice(0, 200),
        mime,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
      })
      .returning({ id: files.id, name: files.name, mime: files.mime, size: files.size, sha256: files.sha256 });
    const [after] = await tx.db
      .update(institutions)
      .set({ logoFileId: stored!.id, version: before.version + 1, updatedAt: new Date() })
      .where(eq(institutions.id, institutionId))
      .returning();
    // The old logo goes, unless something else still points at the same file (another institution, the letterhead).
    if (before.logoFileId) {
      await tx.db.delete(files).where(
        and(
          eq(files.id, before.logoFileId),
          notExists(tx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.logoFileId, files.id))),
          notExists(tx.db.select({ key: settings.key }).from(settings).where(sql`${settings.value}->>'logoFileId' = ${files.id}::text`)),
        ),
      );
    }
    await audit(tx, { action: 'institution.logo', entityType: 'institution', entityId: institutionId, before, after: { ...after, logo: stored } });
  });
  return getInstitution(ctx, institutionId);
}

/** The logo's bytes, for any signed-in user (institutions are public to members). */
export async function getLogo(ctx: Ctx, institutionId: string): Promise<{ mime: string; content: Buffer; sha256: string }> {
  authorize(ctx.actor, 'directory.read');
  const [row] = await ctx.db
    .select({ mime: files.mime, content: files.content, sha256: files.sha256 })
    .from(institutions)
    .innerJoin(files, eq(files.id, institutions.logoFileId))
    .where(eq(institutions.id, institutionId));
  if (!row?.content) throw new NotFoundError('Lembaga ini belum memiliki logo');
  return { mime: row.mime, content: row.content, sha256: row.sha256 };
}
