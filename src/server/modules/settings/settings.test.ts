import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type TestApp } from '../../../../test/helpers/testApp';
import { auditLog, files } from '../../db/schema/index';
import { defaultOrganisationSettings } from '../../../shared/schemas/settings';
import { multipart } from '../../../../test/builders/directory';
import { getOrganisationSettings, loadDocumentSettings } from './organisationSettings';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = '/api/settings/organisation';
const custom = {
  unitNameLines: ['PEMERINTAH PROVINSI SUMATERA BARAT', 'SEKRETARIAT DAERAH', 'BIRO HUBUNGAN MASYARAKAT'],
  address: 'Jalan Jenderal Sudirman No. 51 Padang 25121',
  phone: 'Telp. (0751) 31401',
  email: 'Humas@Sumbarprov.go.id',
  website: 'humas.sumbarprov.go.id',
  logoFileId: null,
  rupiahStyle: 'Rp',
};

describe('organisation settings', () => {
  it('gives every signed-in user the defaults before anything is saved, and refuses anonymous callers', async () => {
    const { session } = await sessionFor(t, 'member');
    const res = await session.request('GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(defaultOrganisationSettings);
    expect(res.json().unitNameLines).toEqual(['PEMERINTAH PROVINSI SUMATERA BARAT', 'SEKRETARIAT DAERAH', 'BIRO ADMINISTRASI PIMPINAN']);
    expect(res.json().rupiahStyle).toBe('Rp.');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('lets an administrator replace them, audits the change, and the renderers read the new values', async () => {
    const { session, user } = await sessionFor(t, 'admin');
    const res = await session.request('PUT', url, custom);
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe('humas@sumbarprov.go.id');
    const { session: member } = await sessionFor(t, 'member');
    expect((await member.request('GET', url)).json().unitNameLines[2]).toBe('BIRO HUBUNGAN MASYARAKAT');
    const stored = await getOrganisationSettings(t.database.db);
    expect(stored.rupiahStyle).toBe('Rp');
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.update'), eq(auditLog.actorId, user.id)));
    expect(row?.entityId).toBe('organisation');
    expect((row?.before as { unitNameLines: string[] }).unitNameLines[2]).toBe('BIRO ADMINISTRASI PIMPINAN');
    expect((row?.after as { unitNameLines: string[] }).unitNameLines[2]).toBe('BIRO HUBUNGAN MASYARAKAT');
  });

  it('refuses committee members and member officers', async () => {
    for (const role of ['committee', 'member'] as const) {
      const { session } = await sessionFor(t, role);
      expect((await session.request('PUT', url, custom)).statusCode).toBe(403);
    }
  });

  it('answers 400 with per-field messages in Indonesian for bad input', async () => {
    const { session } = await sessionFor(t, 'admin');
    const bad = await session.request('PUT', url, { ...custom, unitNameLines: [], email: 'bukan-email', rupiahStyle: 'IDR' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields as Record<string, string>;
    expect(fields.unitNameLines).toBe('Isi minimal satu baris nama unit');
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['unitNameLines', 'rupiahStyle']));
    expect((await session.request('PUT', url, { ...custom, extra: 1 })).statusCode).toBe(400);
    expect((await session.request('PUT', url, { ...custom, address: 'x'.repeat(301) })).statusCode).toBe(400);
  });

  it('accepts a logo only when it is an uploaded PNG or JPEG', async () => {
    const { session } = await sessionFor(t, 'admin');
    const missing = await session.request('PUT', url, { ...custom, logoFileId: '8f1c1a1e-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.logoFileId).toBe('Berkas logo tidak ditemukan');
    const [pdf] = await t.database.db
      .insert(files)
      .values({ name: 'surat.pdf', mime: 'application/pdf', size: 10, sha256: 'x' })
      .returning();
    expect((await session.request('PUT', url, { ...custom, logoFileId: pdf!.id })).json().error.fields.logoFileId).toBe(
      'Logo harus berupa gambar PNG atau JPEG',
    );
    const [png] = await t.database.db.insert(files).values({ name: 'logo.png', mime: 'image/png', size: 10, sha256: 'y' }).returning();
    const ok = await session.request('PUT', url, { ...custom, logoFileId: png!.id });
    expect(ok.statusCode).toBe(200);
    expect((await getOrganisationSettings(t.database.db)).logoFileId).toBe(png!.id);
  });
});

describe('letterhead logo upload', () => {
  const png = readFileSync(resolve('test/fixtures/logo-contoh.png'));

  it('stores a PNG, serves it back, hands it to the document renderers, and replaces the old file', async () => {
    const { session } = await sessionFor(t, 'admin');
    const up = await multipart({}, { name: 'logo.png', content: png, type: 'image/png' });
    const res = await session.request('POST', `${url}/logo`, up.payload, up.headers);
    expect(res.statusCode).toBe(200);
    const firstId = res.json().logoFileId as string;
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
    const { session: member } = await sessionFor(t, 'member');
    const got = await member.request('GET', `${url}/logo`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    // A normalised re-encoded copy of the same picture, served and handed to the renderers.
    expect(await sharp(got.rawPayload).metadata()).toMatchObject({ format: 'png', width: 120, height: 140 });
    expect(await sharp(Buffer.from((await loadDocumentSettings(t.database.db)).logo!)).metadata()).toMatchObject({
      format: 'png',
      width: 120,
      height: 140,
    });

    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
    const again = await multipart({}, { name: 'logo.jpg', content: jpeg, type: 'image/jpeg' });
    const replaced = await session.request('POST', `${url}/logo`, again.payload, again.headers);
    expect(replaced.json().logoFileId).not.toBe(firstId);
    expect(await t.database.db.select({ id: files.id }).from(files).where(eq(files.id, firstId))).toEqual([]);
    expect((await member.request('GET', `${url}/logo`)).headers['content-type']).toBe('image/jpeg');
  });

  it('refuses SVG and other files, and uploads by anyone but an administrator', async () => {
    const { session } = await sessionFor(t, 'admin');
    const svg = await multipart({}, { name: 'logo.png', content: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', type: 'image/png' });
    const res = await session.request('POST', `${url}/logo`, svg.payload, svg.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Logo harus berupa gambar PNG atau JPEG');
    const { session: committee } = await sessionFor(t, 'committee');
    const up = await multipart({}, { name: 'logo.png', content: png, type: 'image/png' });
    expect((await committee.request('POST', `${url}/logo`, up.payload, up.headers)).statusCode).toBe(403);
    const big = await multipart({}, { name: 'besar.png', content: Buffer.concat([png, Buffer.alloc(1024 * 1024)]), type: 'image/png' });
    expect((await session.request('POST', `${url}/logo`, big.payload, big.headers)).statusCode).toBe(413);
  });
});
