import { settings } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { UnauthenticatedError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { deleteFileIfUnused, readFile, storeImage } from '../../core/files';
import type { OrganisationSettings } from '../../../shared/schemas/settings';
import { getOrganisationSettings } from './organisationSettings';

export { imageMaxBytes as organisationLogoMaxBytes } from '../../core/files';

/** Stores the letterhead logo (PNG or JPEG, at most 1 MB) and points the settings at it; administrators only. */
export async function uploadOrganisationLogo(ctx: Ctx, file: { buffer: Buffer; filename: string }): Promise<OrganisationSettings> {
  authorize(ctx.actor, 'settings.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await getOrganisationSettings(tx.db);
    const stored = await storeImage(tx, file);
    const after = { ...before, logoFileId: stored.id };
    await tx.db
      .insert(settings)
      .values({ key: 'organisation', value: after })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: new Date() } });
    if (before.logoFileId) await deleteFileIfUnused(tx, before.logoFileId);
    await audit(tx, {
      action: 'settings.logo',
      entityType: 'settings',
      entityId: 'organisation',
      before,
      after: { ...after, logo: stored },
    });
    return after;
  });
}

/** The letterhead logo's bytes, for any signed-in user (the SPA shows it in the settings and previews). */
export async function getOrganisationLogo(ctx: Ctx): Promise<{ mime: string; content: Buffer; sha256: string }> {
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  const { logoFileId } = await getOrganisationSettings(ctx.db);
  return readFile(ctx, logoFileId, 'Logo kop surat belum diunggah');
}
