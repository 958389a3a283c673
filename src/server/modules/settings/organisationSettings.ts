import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { files, settings } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { UnauthenticatedError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { documentLogo, type DocumentSettings } from '../../documents/letterhead';
import { defaultOrganisationSettings, organisationSettingsSchema, type OrganisationSettings } from '../../../shared/schemas/settings';

const key = 'organisation';
const logoMimes = new Set(['image/png', 'image/jpeg']);

/**
 * The organisation settings the documents print (letterhead, rupiah style). Fields missing from the stored
 * row, or no longer valid, fall back to the defaults, so a renderer always gets a complete object.
 */
export async function getOrganisationSettings(db: Db): Promise<OrganisationSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  const stored = (row?.value && typeof row.value === 'object' ? row.value : {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...defaultOrganisationSettings };
  for (const field of Object.keys(defaultOrganisationSettings) as (keyof OrganisationSettings)[]) {
    if (!(field in stored)) continue;
    const one = organisationSettingsSchema.shape[field].safeParse(stored[field]);
    if (one.success) merged[field] = one.data;
  }
  return merged as OrganisationSettings;
}

/** The settings with the logo's bytes, as the document renderers take them (no logo when its file is gone). */
export async function loadDocumentSettings(db: Db): Promise<DocumentSettings> {
  const value = await getOrganisationSettings(db);
  if (!value.logoFileId) return { ...value, logo: null };
  const [file] = await db.select({ content: files.content }).from(files).where(eq(files.id, value.logoFileId));
  // Never the stored bytes as such: documentLogo re-encodes a logo stored before uploads were normalised.
  return { ...value, logo: await documentLogo(file?.content) };
}

/** Any signed-in user may read the settings (the SPA shows the letterhead in previews). */
export async function readOrganisationSettings(ctx: Ctx): Promise<OrganisationSettings> {
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  return getOrganisationSettings(ctx.db);
}

/** Replaces the organisation settings (administrators only); the change is audited. */
export async function updateOrganisationSettings(ctx: Ctx, input: OrganisationSettings): Promise<OrganisationSettings> {
  authorize(ctx.actor, 'settings.manage');
  const value = organisationSettingsSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    if (value.logoFileId) {
      const [file] = await tx.db.select({ mime: files.mime }).from(files).where(eq(files.id, value.logoFileId));
      if (!file) throw new ValidationError('Berkas logo tidak ditemukan', { logoFileId: 'Berkas logo tidak ditemukan' });
      if (!logoMimes.has(file.mime)) {
        throw new ValidationError('Logo harus berupa gambar PNG atau JPEG', { logoFileId: 'Logo harus berupa gambar PNG atau JPEG' });
      }
    }
    const before = await getOrganisationSettings(tx.db);
    await tx.db
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await audit(tx, { action: 'settings.update', entityType: 'settings', entityId: key, before, after: value });
    return value;
  });
}
