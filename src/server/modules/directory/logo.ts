import { eq } from 'drizzle-orm';
import { institutions } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { authorize, can } from '../../core/policy';
import { getInstitution } from './institutions';
import { deleteFileIfUnused, readFile, storeImage } from '../../core/files';

export { imageMaxBytes as logoMaxBytes } from '../../core/files';

/** Stores a new logo for the institution (replacing and removing the old file). */
export async function uploadLogo(ctx: Ctx, institutionId: string, file: { buffer: Buffer; filename: string }) {
  authorize(ctx.actor, 'directory.read');
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(institutions).where(eq(institutions.id, institutionId)).for('update');
    if (!before) throw new NotFoundError('Lembaga tidak ditemukan');
    if (!can(ctx.actor, 'institution.update', { institutionId }))
      throw new ForbiddenError('Anda hanya dapat mengubah logo lembaga Anda sendiri');
    const stored = await storeImage(tx, file);
    const [after] = await tx.db
      .update(institutions)
      .set({ logoFileId: stored.id, version: before.version + 1, updatedAt: new Date() })
      .where(eq(institutions.id, institutionId))
      .returning();
    // The old logo goes, unless something else still points at the same file (another institution, the letterhead).
    if (before.logoFileId) await deleteFileIfUnused(tx, before.logoFileId);
    await audit(tx, {
      action: 'institution.logo',
      entityType: 'institution',
      entityId: institutionId,
      before,
      after: { ...after, logo: stored },
    });
  });
  return getInstitution(ctx, institutionId);
}

/** The logo's bytes, for any signed-in user (institutions are public to members). */
export async function getLogo(ctx: Ctx, institutionId: string): Promise<{ mime: string; content: Buffer; sha256: string }> {
  authorize(ctx.actor, 'directory.read');
  const [row] = await ctx.db.select({ logoFileId: institutions.logoFileId }).from(institutions).where(eq(institutions.id, institutionId));
  return readFile(ctx, row?.logoFileId, 'Lembaga ini belum memiliki logo');
}
