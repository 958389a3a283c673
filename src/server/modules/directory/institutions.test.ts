import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { auditLog, files } from '../../db/schema/index';
import sharp from 'sharp';
import { buildInstitution, buildOfficer, multipart } from '../../../../test/builders/directory';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
});
afterAll(() => t.close());

// Real images: uploads are decoded (core/files.ts), so a PNG signature followed by junk is refused.
const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#336699' } })
  .png()
  .toBuffer();

describe('institutions: create, read, edit', () => {
  it('creates an institution, normalises its contacts, and lists it with its officer count', async () => {
    const res = await admin.request('POST', '/api/institutions', {
      name: 'Pemerintah Kabupaten Contoh Satu',
      shortName: 'Pemkab Contoh',
      category: 'regency_city',
      regionCode: '13.98',
      website: 'www.contoh.example.org',
      email: 'Humas@Contoh.Example.org',
      phone: '0751 123456',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      website: 'https://www.contoh.example.org',
      email: 'humas@contoh.example.org',
      phone: '+62751123456',
      version: 1,
      active: true,
      officerCount: 0,
      hasLogo: false,
    });
    await buildOfficer(t, body.id);
    await buildOfficer(t, body.id, { active: false });
    const list = await admin.request('GET', '/api/institutions?q=contoh%20satu');
    expect(list.json().total).toBe(1);
    expect(list.json().items[0]).toMatchObject({ id: body.id, officerCount: 1 });
  });

  it('answers a validation error per field in Indonesian', async () => {
    const res = await admin.request('POST', '/api/institutions', {
      name: '',
      category: 'regency_city',
      regionCode: '1371',
      email: 'bukan-email',
      phone: '12',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields.name).toBe('Nama lembaga wajib diisi');
    expect(fields.regionCode).toContain('NN.NN');
    expect(fields.email).toBe('Alamat e-mail tidak valid');
    expect(fields.phone).toContain('Nomor telepon tidak valid');
  });

  it('requires a region code for a regency or city, and refuses an unknown category', async () => {
    const noCode = await admin.request('POST', '/api/institutions', { name: 'Pemerintah Kota Tanpa Kode', category: 'regency_city' });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().error.fields.regionCode).toBe('Kode wilayah wajib diisi untuk Pemerintah Kabupaten/Kota');
    const badCategory = await admin.request('POST', '/api/institutions', { name: 'Lembaga X', category: 'kementerian' });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().error.fields.category).toContain('Kategori tidak dikenal');
  });

  it('refuses a second institution with the same name (ignoring case and accents) or the same regency code', async () => {
    await buildInstitution(t, { name: 'Universitas Ándalas Uji' });
    const dup = await admin.request('POST', '/api/institutions', { name: 'universitas andalas uji', category: 'university' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.name).toBeDefined();
    await buildInstitution(t, { name: 'Pemerintah Kota Kode Uji', category: 'regency_city', regionCode: '13.90' });
    const sameCode = await admin.request('POST', '/api/institutions', {
      name: 'Pemerintah Kota Lain',
      category: 'regency_city',
      regionCode: '13.90',
    });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().error.message).toContain('13.90');
  });

  it('edits with the version read, refuses a stale version with 409, and audits before/after', async () => {
    const inst = await buildInstitution(t, { name: 'BUMD Versi Uji' });
    const first = await admin.request('PATCH', `/api/institutions/${inst.id}`, { address: 'Jl. Sudirman No. 1, Padang', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ address: 'Jl. Sudirman No. 1, Padang', version: 2 });
    const stale = await admin.request('PATCH', `/api/institutions/${inst.id}`, { address: 'Jl. Lain', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('telah diubah oleh pengguna lain');
    const missingVersion = await admin.request('PATCH', `/api/institutions/${inst.id}`, { address: 'Jl. Lain' });
    expect(missingVersion.statusCode).toBe(400);
    expect(missingVersion.json().error.fields.version).toBeDefined();
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'institution.update'), eq(auditLog.entityId, inst.id)));
    expect((row!.before as { address: string | null }).address).toBeNull();
    expect((row!.after as { address: string }).address).toBe('Jl. Sudirman No. 1, Padang');
    expect(row!.after).not.toHaveProperty('searchText');
  });

  it('deactivates and reactivates without deleting, and filters by active', async () => {
    const inst = await buildInstitution(t, { name: 'Lembaga Nonaktif Uji', category: 'bumn' });
    const off = await admin.request('POST', `/api/institutions/${inst.id}/deactivate`, { version: inst.version });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const inactive = await admin.request('GET', '/api/institutions?active=false&category=bumn');
    expect(inactive.json().items.map((i: { id: string }) => i.id)).toContain(inst.id);
    const active = await admin.request('GET', '/api/institutions?active=true&category=bumn');
    expect(active.json().items.map((i: { id: string }) => i.id)).not.toContain(inst.id);
    const on = await admin.request('POST', `/api/institutions/${inst.id}/activate`, { version: off.json().version });
    expect(on.json()).toMatchObject({ active: true, version: 3 });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, inst.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['institution.activate', 'institution.deactivate']);
  });

  it('pages with limit and offset, 50 by default and at most 200', async () => {
    for (let i = 0; i < 3; i++) await buildInstitution(t, { name: `Halaman Uji ${i}` });
    const page = await admin.request('GET', '/api/institutions?q=halaman%20uji&limit=2&offset=1');
    expect(page.json().items.map((i: { name: string }) => i.name)).toEqual(['Halaman Uji 1', 'Halaman Uji 2']);
    expect(page.json().total).toBe(3);
    const beyond = await admin.request('GET', '/api/institutions?q=halaman%20uji&offset=10');
    expect(beyond.json()).toEqual({ items: [], total: 3 });
    expect((await admin.request('GET', '/api/institutions?limit=500')).statusCode).toBe(400);
  });
});

describe('search', () => {
  it('finds names whatever the case and accents', async () => {
    await buildInstitution(t, { name: 'Universitas Andalas Pencarian', shortName: 'Unand P', category: 'university' });
    await buildInstitution(t, { name: 'Pemerintah Kota Sawahlunto Pencarian', category: 'regency_city', regionCode: '13.93' });
    const names = async (q: string) =>
      (await admin.request('GET', `/api/institutions?q=${encodeURIComponent(q)}`)).json().items.map((i: { name: string }) => i.name);
    expect(await names('universitas andalas pencarian')).toEqual(['Universitas Andalas Pencarian']);
    expect(await names('UNIVÉRSITAS ÀNDALAS pencarian')).toEqual(['Universitas Andalas Pencarian']);
    expect(await names('sawahlunto pencarian')).toEqual(['Pemerintah Kota Sawahlunto Pencarian']);
    expect(await names('pencarian kota')).toEqual(['Pemerintah Kota Sawahlunto Pencarian']);
    expect(await names('unand p')).toEqual(['Universitas Andalas Pencarian']);
    expect(await names('100%_pencarian')).toEqual([]);
  });
});

describe('who may do what', () => {
  it('asks an anonymous caller to sign in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/institutions' })).statusCode).toBe(401);
  });

  it('lets a member read every institution but create none and edit only their own', async () => {
    const own = await buildInstitution(t, { name: 'Lembaga Milik Anggota' });
    const other = await buildInstitution(t, { name: 'Lembaga Anggota Lain' });
    const { session: member } = await sessionFor(t, 'member', { institutionId: own.id });
    expect((await member.request('GET', `/api/institutions/${other.id}`)).json()).toMatchObject({
      name: 'Lembaga Anggota Lain',
      canEdit: false,
      canSeeOfficers: false,
    });
    expect((await member.request('GET', `/api/institutions/${own.id}`)).json()).toMatchObject({ canEdit: true, canSeeOfficers: true });
    expect((await member.request('POST', '/api/institutions', { name: 'Lembaga Baru Anggota', category: 'bumd' })).statusCode).toBe(403);
    expect((await member.request('PATCH', `/api/institutions/${other.id}`, { address: 'x', version: 1 })).statusCode).toBe(403);
    const mine = await member.request('PATCH', `/api/institutions/${own.id}`, { phone: '0812-3456-7890', version: 1 });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().phone).toBe('+6281234567890');
    const rename = await member.request('PATCH', `/api/institutions/${own.id}`, { name: 'Nama Baru', version: 2 });
    expect(rename.statusCode).toBe(403);
    expect((await member.request('POST', `/api/institutions/${own.id}/deactivate`, { version: 1 })).statusCode).toBe(403);
  });

  it('lets the committee read but not write', async () => {
    const { session: committee } = await sessionFor(t, 'committee');
    expect((await committee.request('GET', '/api/institutions')).statusCode).toBe(200);
    expect((await committee.request('POST', '/api/institutions', { name: 'Lembaga Panitia', category: 'bumd' })).statusCode).toBe(403);
  });
});

describe('logo', () => {
  it('stores a PNG, serves it back, and replaces the old file', async () => {
    const inst = await buildInstitution(t, { name: 'Lembaga Berlogo' });
    const up = await multipart({}, { name: 'logo.png', content: png, type: 'image/png' });
    const res = await admin.request('POST', `/api/institutions/${inst.id}/logo`, up.payload, up.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().hasLogo).toBe(true);
    const got = await admin.request('GET', `/api/institutions/${inst.id}/logo`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    // A re-encoded copy of the same picture is served, never the uploaded bytes.
    expect(await sharp(got.rawPayload).metadata()).toMatchObject({ format: 'png', width: 40, height: 30 });
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
    const again = await multipart({}, { name: 'logo.jpg', content: jpeg, type: 'image/jpeg' });
    await admin.request('POST', `/api/institutions/${inst.id}/logo`, again.payload, again.headers);
    expect((await admin.request('GET', `/api/institutions/${inst.id}/logo`)).headers['content-type']).toBe('image/jpeg');
    const sha = got.headers.etag!.toString().replaceAll('"', '');
    expect(await t.database.db.select({ id: files.id }).from(files).where(eq(files.sha256, sha))).toHaveLength(0);
  });

  it('refuses an SVG or a renamed file, and a logo over 1 MB', async () => {
    const inst = await buildInstitution(t, { name: 'Lembaga Logo Salah' });
    const svg = await multipart(
      {},
      { name: 'logo.png', content: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', type: 'image/png' },
    );
    const res = await admin.request('POST', `/api/institutions/${inst.id}/logo`, svg.payload, svg.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Logo harus berupa gambar PNG atau JPEG');
    const big = await multipart({}, { name: 'besar.png', content: Buffer.concat([png, Buffer.alloc(1024 * 1024)]), type: 'image/png' });
    const tooBig = await admin.request('POST', `/api/institutions/${inst.id}/logo`, big.payload, big.headers);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toContain('maksimal 1 MB');
    expect((await admin.request('GET', `/api/institutions/${inst.id}/logo`)).statusCode).toBe(404);
  });

  it("does not let a member change another institution's logo", async () => {
    const own = await buildInstitution(t);
    const other = await buildInstitution(t);
    const { session: member } = await sessionFor(t, 'member', { institutionId: own.id });
    const up = await multipart({}, { name: 'logo.png', content: png, type: 'image/png' });
    expect((await member.request('POST', `/api/institutions/${other.id}/logo`, up.payload, up.headers)).statusCode).toBe(403);
    expect((await member.request('POST', `/api/institutions/${own.id}/logo`, up.payload, up.headers)).statusCode).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('documents the directory routes under the directory tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const path of [
      '/api/institutions',
      '/api/institutions/{id}',
      '/api/officers',
      '/api/directory/import',
      '/api/directory/import/preview',
      '/api/directory/export.xlsx',
    ]) {
      const ops = Object.values(doc.paths[path] as Record<string, { tags: string[] }>);
      expect(ops.every((op) => op.tags.includes('directory'))).toBe(true);
    }
  });
});
