import { createHash } from 'node:crypto';
import { and, eq, notExists } from 'drizzle-orm';
import { files, institutions, settings } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { DomainError, NotFoundError, UnauthenticatedError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { isSupportedImage } from '../../documents/letterhead';
import type { OrganisationSettings } from '../../../shared/schemas/settings';
import { getOrganisationSettings } from './organisationSettings';

export const organisationLogoMaxBytes = 1024 * 1024;

/** Stores the letterhead logo (PNG or JPEG, at most 1 MB) and points the settings at it; administrators only. */
export async function uploadOrganisationLogo(ctx: Ctx, file: { buffer: Buffer; filename: string }): Promise<OrganisationSettings> {
  authorize(ctx.actor, 'settings.manage');
  if (file.buffer.length > organisationLogoMaxBytes) throw new DomainError('payload_too_large', 'Logo terlalu besar: maksimal 1 MB');
  if (!isSupportedImage(file.buffer)) {
    throw new ValidationError('Logo harus berupa gambar PNG atau JPEG', { file: 'Hanya PNG atau JPEG (SVG tidak diterima)' });
  }
  const mime = file.buffer[0] === 0x89 ? 'image/png' : 'image/jpeg';
  return inTransaction(ctx, async (tx) => {
    const before = await getOrganisationSettings(tx.db);
    const [stored] = await tx.db
      .insert(files)
      .values({
        name: file.filename.slice(0, 200),
        mime,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
      })
      .returning({ id: files.id });
    const after = { ...before, logoFileId: stored!.id };
    await tx.db
      .insert(settings)
      .values({ key: 'organisation', value: after })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: new Date() } });
    // The previous logo goes, unless an institution uses the same file as its own logo.
    if (before.logoFileId) {
      await tx.db
        .delete(files)
        .where(and(eq(files.id, before.logoFileId), notExists(tx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.logoFileId, files.id)))));
    }
    await audit(tx, { action: 'settings.logo', entityType: 'settings', entityId: 'organisation', before, after: { ...after, logo: { name: file.filename, mime, size: file.buffer.length } } });
    return after;
  });
}

/** The letterhead logo's bytes, for any signed-in user (the SPA shows it in the settings and previews). */
export async function getOrganisationLogo(ctx: Ctx): Promise<{ mime: string; content: Buffer; sha256: string }> {
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  const { logoFileId } = await getOrganisationSettings(ctx.db);
  if (!logoFileId) throw new NotFoundError('Logo kop surat belum diunggah');
  const [row] = await ctx.db.select({ mime: files.mime, content: files.content, sha256: files.sha256 }).from(files).where(eq(files.id, logoFileId));
  if (!row?.content) throw new NotFoundError('Logo kop surat belum diunggah');
  return { mime: row.mime, content: row.content, sha256: row.sha256 };
}
