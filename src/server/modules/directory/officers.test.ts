import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { auditLog, officers } from '../../db/schema/index';
import { buildInstitution, buildOfficer } from '../../../../test/builders/directory';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
});
afterAll(() => t.close());

describe('PR officers', () => {
  it('adds an officer with NIP, Pranata Humas level and a WhatsApp number normalised to +62', async () => {
    const inst = await buildInstitution(t, { name: 'Dinas Petugas Uji' });
    const res = await admin.request('POST', '/api/officers', {
      institutionId: inst.id,
      name: 'Siti Contoh',
      nip: '19850101 201001 2 001',
      position: 'Kepala Subbagian Humas',
      prFunctionalLevel: 'ahli_muda',
      email: 'Siti.Contoh@Example.org',
      phone: '0812-3456-7890',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      institutionName: 'Dinas Petugas Uji',
      nip: '198501012010012001',
      prFunctionalLevel: 'ahli_muda',
      email: 'siti.contoh@example.org',
      phone: '+6281234567890',
      isMainContact: false,
      version: 1,
    });
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'officer.create'), eq(auditLog.entityId, res.json().id)));
    expect((row!.after as { name: string }).name).toBe('Siti Contoh');
  });

  it('refuses a NIP that is not 18 digits, with the message on the nip field', async () => {
    const inst = await buildInstitution(t);
    const res = await admin.request('POST', '/api/officers', { institutionId: inst.id, name: 'Budi Contoh', nip: '1985010120100120' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.nip).toBe('NIP harus 18 digit angka');
    const level = await admin.request('POST', '/api/officers', {
      institutionId: inst.id,
      name: 'Budi Contoh',
      prFunctionalLevel: 'ahli_super',
    });
    expect(level.json().error.fields.prFunctionalLevel).toContain('Jenjang Pranata Humas tidak dikenal');
  });

  it('refuses a second officer with the same e-mail with 409', async () => {
    const inst = await buildInstitution(t);
    await buildOfficer(t, inst.id, { email: 'ganda@example.org' });
    const res = await admin.request('POST', '/api/officers', { institutionId: inst.id, name: 'Orang Lain', email: 'GANDA@example.org' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.email).toBeDefined();
  });

  it('keeps at most one main contact per institution: setting one unsets the other', async () => {
    const inst = await buildInstitution(t);
    const a = (await admin.request('POST', '/api/officers', { institutionId: inst.id, name: 'Kontak A', isMainContact: true })).json();
    const b = (await admin.request('POST', '/api/officers', { institutionId: inst.id, name: 'Kontak B', isMainContact: true })).json();
    expect(b.isMainContact).toBe(true);
    const list = (await admin.request('GET', `/api/institutions/${inst.id}/officers`)).json();
    expect(list.items.map((o: { name: string; isMainContact: boolean }) => [o.name, o.isMainContact])).toEqual([
      ['Kontak B', true],
      ['Kontak A', false],
    ]);
    const again = await admin.request('PATCH', `/api/officers/${a.id}`, { isMainContact: true, version: 2 });
    expect(again.statusCode).toBe(200);
    const mains = await t.database.db
      .select()
      .from(officers)
      .where(and(eq(officers.institutionId, inst.id), eq(officers.isMainContact, true)));
    expect(mains.map((o) => o.name)).toEqual(['Kontak A']);
    // The previous main contact's version moved on, so a stale edit of it is refused.
    expect((await admin.request('PATCH', `/api/officers/${b.id}`, { position: 'Staf', version: 1 })).statusCode).toBe(409);
  });

  it('deactivates an officer, which also ends being the main contact, and reactivates', async () => {
    const inst = await buildInstitution(t);
    const o = await buildOfficer(t, inst.id, { isMainContact: true });
    const off = await admin.request('POST', `/api/officers/${o.id}/deactivate`, { version: 1 });
    expect(off.json()).toMatchObject({ active: false, isMainContact: false });
    expect((await admin.request('GET', `/api/officers?institutionId=${inst.id}&active=true`)).json().total).toBe(0);
    const on = await admin.request('POST', `/api/officers/${o.id}/activate`, { version: off.json().version });
    expect(on.json().active).toBe(true);
    expect((await admin.request('POST', `/api/officers/${o.id}/deactivate`, { version: 1 })).statusCode).toBe(409);
  });

  it('searches officers by name without regard to case or accents', async () => {
    const inst = await buildInstitution(t);
    await buildOfficer(t, inst.id, { name: 'Zulkifli Pencarian' });
    await buildOfficer(t, inst.id, { name: 'Zulfikar Lain' });
    const res = await admin.request('GET', `/api/officers?q=${encodeURIComponent('ZÜLKIFLI pencarian')}`);
    expect(res.json().items.map((o: { name: string }) => o.name)).toEqual(['Zulkifli Pencarian']);
  });
});

describe("a member officer sees only their own institution's officers", () => {
  it('finds no officer of another institution (404) and lists only their own', async () => {
    const a = await buildInstitution(t, { name: 'Lembaga A Anggota' });
    const b = await buildInstitution(t, { name: 'Lembaga B Anggota' });
    const mine = await buildOfficer(t, a.id, { name: 'Petugas Milik A' });
    const theirs = await buildOfficer(t, b.id, { name: 'Petugas Milik B' });
    const { session: member } = await sessionFor(t, 'member', { institutionId: a.id });

    expect((await member.request('GET', `/api/officers/${theirs.id}`)).statusCode).toBe(404);
    expect((await member.request('GET', `/api/institutions/${b.id}/officers`)).statusCode).toBe(404);
    expect((await member.request('PATCH', `/api/officers/${theirs.id}`, { name: 'Diubah', version: 1 })).statusCode).toBe(404);
    expect((await member.request('POST', `/api/officers/${theirs.id}/deactivate`, { version: 1 })).statusCode).toBe(404);
    expect((await member.request('POST', '/api/officers', { institutionId: b.id, name: 'Titipan' })).statusCode).toBe(404);
    const moved = await member.request('PATCH', `/api/officers/${mine.id}`, { institutionId: b.id, version: 1 });
    expect(moved.statusCode).toBe(404);

    const all = (await member.request('GET', '/api/officers?limit=200')).json();
    expect(all.items.every((o: { institutionId: string }) => o.institutionId === a.id)).toBe(true);
    expect((await member.request('GET', `/api/officers?institutionId=${b.id}`)).json().total).toBe(0);

    const added = await member.request('POST', '/api/officers', { name: 'Petugas Baru A' });
    expect(added.statusCode).toBe(201);
    expect(added.json().institutionId).toBe(a.id);
    const edited = await member.request('PATCH', `/api/officers/${mine.id}`, { position: 'Pranata Humas', version: 1 });
    expect(edited.json()).toMatchObject({ position: 'Pranata Humas', version: 2 });
    const [untouched] = await t.database.db.select().from(officers).where(eq(officers.id, theirs.id));
    expect(untouched!.name).toBe('Petugas Milik B');
  });

  it('lets the committee read every officer but change none', async () => {
    const inst = await buildInstitution(t);
    const o = await buildOfficer(t, inst.id);
    const { session: committee } = await sessionFor(t, 'committee');
    expect((await committee.request('GET', `/api/officers/${o.id}`)).statusCode).toBe(200);
    expect((await committee.request('PATCH', `/api/officers/${o.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
  });

  it('asks an anonymous caller to sign in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/officers' })).statusCode).toBe(401);
  });
});
