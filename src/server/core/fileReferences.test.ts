import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { files, institutions } from '../db/schema/index';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../test/helpers/testApp';
import { buildInstitution, multipart } from '../../../test/builders/directory';
import { deleteFileIfUnused } from './files';
import { anonymous, inTransaction, type Ctx } from './context';

/** A stored file is freed only when no declared foreign key (institution logo, letterhead) still points at it. */
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
});
afterAll(async () => {
  await t?.close();
});

async function uploadInstitutionLogo(institutionId: string, colour: string) {
  const png = await sharp({ create: { width: 24, height: 24, channels: 3, background: colour } })
    .png()
    .toBuffer();
  const up = await multipart({}, { name: 'logo.png', content: png, type: 'image/png' });
  const res = await admin.request('POST', `/api/institutions/${institutionId}/logo`, up.payload, up.headers);
  expect(res.statusCode).toBe(200);
  const [row] = await t.database.db
    .select({ logoFileId: institutions.logoFileId })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  return row!.logoFileId!;
}

describe('freeing replaced files', () => {
  it('keeps a replaced institution logo that the letterhead still uses, and frees it once nothing does', async () => {
    const inst = await buildInstitution(t);
    const first = await uploadInstitutionLogo(inst.id, '#aa0000');
    const settings = (await admin.request('GET', '/api/settings/organisation')).json();
    expect((await admin.request('PUT', '/api/settings/organisation', { ...settings, logoFileId: first })).statusCode).toBe(200);

    await uploadInstitutionLogo(inst.id, '#00aa00');
    // The institution moved on, the letterhead did not: its logo is still there and still served.
    expect(await t.database.db.select({ id: files.id }).from(files).where(eq(files.id, first))).toHaveLength(1);
    expect((await admin.request('GET', '/api/settings/organisation/logo')).statusCode).toBe(200);

    expect((await admin.request('PUT', '/api/settings/organisation', { ...settings, logoFileId: null })).statusCode).toBe(200);
    const ctx = { actor: anonymous, db: t.database.db, requestId: 'test', config: t.config, mailer: { send: async () => {} } };
    expect(await inTransaction(ctx as Ctx, (tx) => deleteFileIfUnused(tx, first))).toBe(true);
    expect(await t.database.db.select({ id: files.id }).from(files).where(eq(files.id, first))).toHaveLength(0);
  });

  it('leaves the surrounding transaction usable when a file is still referenced', async () => {
    const inst = await buildInstitution(t);
    const logo = await uploadInstitutionLogo(inst.id, '#0000aa');
    const ctx = { actor: anonymous, db: t.database.db, requestId: 'test', config: t.config, mailer: { send: async () => {} } };
    const kept = await inTransaction(ctx as Ctx, async (tx) => {
      const freed = await deleteFileIfUnused(tx, logo);
      // The refused delete was rolled back to its savepoint: the transaction goes on.
      await tx.db.update(institutions).set({ shortName: 'Masih jalan' }).where(eq(institutions.id, inst.id));
      return !freed;
    });
    expect(kept).toBe(true);
    const [row] = await t.database.db
      .select({ shortName: institutions.shortName, logoFileId: institutions.logoFileId })
      .from(institutions)
      .where(eq(institutions.id, inst.id));
    expect(row).toEqual({ shortName: 'Masih jalan', logoFileId: logo });
  });
});
