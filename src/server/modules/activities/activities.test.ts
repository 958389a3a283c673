import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childWrite } from '../../../../test/helpers/activityWrites';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildActivityInput } from '../../../../test/builders/activity';
import { staleVersionMessage } from '../../core/aggregate';

let t: TestApp;
let admin: Session;
let committee: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
  committee = (await sessionFor(t, 'committee')).session;
});
afterAll(() => t.close());

async function create(s: Session, body: unknown = buildActivityInput()) {
  const res = await s.request('POST', '/api/activities', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function auditActions(entityId: string) {
  const res = await admin.request('GET', `/api/audit?entityId=${entityId}`);
  return (res.json().items as { action: string }[]).map((i) => i.action);
}

describe('planning an activity as a structured KAK', () => {
  it('creates a draft with its KAK sections and reads it back with the check results', async () => {
    const created = await create(committee, buildActivityInput({ title: 'Koordinasi Kehumasan Uji Baca', fiscalYear: 2031 }));
    expect(created).toMatchObject({ status: 'draft', version: 1, fiscalYear: 2031, signPlace: 'Padang', signDate: '2019-01' });
    const res = await committee.request('GET', `/api/activities/${created.id}`);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.kak.background).toHaveLength(4);
    expect(a.kak.legalBases[0].number).toBe('8');
    expect(a.kak.schedule.map((s: { kind: string }) => s.kind)).toEqual(['preparation', 'preparation', 'preparation', 'meeting']);
    expect(a.kak.funding).toMatchObject({ total: 48_357_960, quarters: [46_733_000, 1_624_960, 0, 0] });
    expect(a.officerInCharge.nip).toBe('197801012005012001');
    expect(a.checks.errors).toEqual([]);
    // The 2019 reference under 2031: its APBD regulation's "Tahun Anggaran 2019" is reported (kakChecks.ts).
    expect(a.checks.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Dasar hukum (bagian C) nomor 2 menyebut Tahun Anggaran 2019, sedangkan kegiatan ini Tahun Anggaran 2031',
      'Rincian anggaran belum diisi',
    ]);
    expect(a).toMatchObject({ budgetLines: [], committee: [], speakers: [] });
  });

  it('creates a draft with only a title and year, and reports what is missing', async () => {
    const res = await committee.request('POST', '/api/activities', { title: 'Rakor Humas Kabupaten', fiscalYear: 2031 });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a.orgUnit).toBe('Biro Humas Sekretariat Daerah Provinsi Sumatera Barat');
    expect(a.checks.errors.map((e: { message: string }) => e.message)).toContain('Latar belakang (bagian A) wajib diisi');
  });

  it('lists the activities of a year with their funding total', async () => {
    const a = await create(admin, buildActivityInput({ title: 'Kegiatan Daftar Tahunan', fiscalYear: 2032 }));
    const res = await committee.request('GET', '/api/activities?year=2032');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      total: 1,
      items: [
        {
          id: a.id,
          title: 'Kegiatan Daftar Tahunan',
          fiscalYear: 2032,
          status: 'draft',
          orgUnit: a.orgUnit,
          fundingTotal: 48_357_960,
          updatedAt: a.updatedAt,
        },
      ],
    });
  });

  it('changes only the sections sent and counts the version up', async () => {
    const a = await create(committee);
    const res = await committee.request('PATCH', `/api/activities/${a.id}`, {
      version: 1,
      title: 'Koordinasi Kehumasan Diubah',
      kak: { intent: 'Maksud baru.', locations: ['Aula Kantor Gubernur Sumatera Barat'] },
      officerInCharge: { name: 'Budi Contoh' },
      committeeDecree: 'SK Nomor 1 Tahun 2019',
    });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.version).toBe(2);
    expect(b.title).toBe('Koordinasi Kehumasan Diubah');
    expect(b.kak.intent).toBe('Maksud baru.');
    expect(b.kak.locations).toEqual(['Aula Kantor Gubernur Sumatera Barat']);
    expect(b.kak.background).toEqual(a.kak.background);
    expect(b.kak.funding).toEqual(a.kak.funding);
    expect(b.officerInCharge).toEqual({ ...a.officerInCharge, name: 'Budi Contoh' });
    expect(b.committeeDecree).toBe('SK Nomor 1 Tahun 2019');
    const cleared = await committee.request('PATCH', `/api/activities/${a.id}`, { version: 2, committeeDecree: '' });
    expect(cleared.json()).toMatchObject({ committeeDecree: null, version: 3, title: 'Koordinasi Kehumasan Diubah' });
    expect(await auditActions(a.id)).toEqual(['activity.update', 'activity.update', 'activity.create']);
  });

  it('refuses a save on top of a stale version with 409 and writes nothing', async () => {
    const a = await create(committee);
    const first = await committee.request('PATCH', `/api/activities/${a.id}`, { version: 1, title: 'Simpanan pertama' });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request('PATCH', `/api/activities/${a.id}`, { version: 1, title: 'Simpanan basi', kak: { intent: 'Basi' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(staleVersionMessage);
    expect(stale.json().error.message).toBe(
      'Data ini telah diubah oleh pengguna lain sejak Anda membukanya. Muat ulang untuk melihat perubahan terbaru, lalu ulangi perubahan Anda.',
    );
    expect(stale.json().error.currentVersion).toBe(2);
    const now = (await committee.request('GET', `/api/activities/${a.id}`)).json();
    expect(now).toMatchObject({ title: 'Simpanan pertama', version: 2 });
    expect(now.kak.intent).toBe(a.kak.intent);
    expect(await auditActions(a.id)).toEqual(['activity.update', 'activity.create']);
  });

  it('answers 404 for an activity that does not exist', async () => {
    const res = await committee.request('GET', '/api/activities/8f1c1a1e-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Kegiatan tidak ditemukan');
  });

  it('deletes a draft but keeps an activity that is no longer a draft', async () => {
    const a = await create(committee);
    expect((await committee.request('DELETE', `/api/activities/${a.id}`)).statusCode).toBe(400);
    expect((await committee.request('DELETE', `/api/activities/${a.id}?version=1`)).statusCode).toBe(200);
    expect((await committee.request('GET', `/api/activities/${a.id}`)).statusCode).toBe(404);
    expect(await auditActions(a.id)).toEqual(['activity.delete', 'activity.create']);
    const b = await create(admin);
    await admin.request('POST', `/api/activities/${b.id}/status`, { status: 'approved', version: 1 });
    const refused = await admin.request('DELETE', `/api/activities/${b.id}?version=2`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'Kegiatan berstatus Disetujui tidak dapat dihapus; hanya kegiatan berstatus Draf yang dapat dihapus.',
    );
  });

  it('shows the activity routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/activities/{id}'].patch.tags).toEqual(['activities']);
    expect(doc.paths['/api/activities/{id}/budget-lines'].post.requestBody).toBeTruthy();
  });
});

describe('who may plan activities', () => {
  it('lets member officers and speakers read but not write', async () => {
    const a = await create(admin);
    for (const role of ['member', 'speaker'] as const) {
      const { session } = await sessionFor(t, role);
      expect((await session.request('GET', '/api/activities')).statusCode).toBe(200);
      // A draft is the committee's working copy: members and speakers do not even learn it exists.
      expect((await session.request('GET', `/api/activities/${a.id}`)).statusCode).toBe(404);
      const post = await session.request('POST', '/api/activities', buildActivityInput());
      expect(post.statusCode).toBe(403);
      expect(post.json().error.message).toBe('Anda tidak berhak melakukan tindakan ini');
      expect((await session.request('PATCH', `/api/activities/${a.id}`, { version: 1, title: 'Bukan hak' })).statusCode).toBe(403);
      expect((await session.request('POST', `/api/activities/${a.id}/copy`)).statusCode).toBe(403);
      expect((await childWrite(session, 'POST', a.id, `committee`, { role: 'anggota', name: 'X' })).statusCode).toBe(403);
    }
    expect((await admin.request('GET', `/api/activities/${a.id}`)).json()).toMatchObject({ title: a.title, version: 1 });
  });

  it('asks anonymous callers to sign in', async () => {
    const a = await create(admin);
    expect((await t.app.inject({ method: 'GET', url: '/api/activities' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/activities/${a.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/activities', payload: buildActivityInput() })).statusCode).toBe(401);
  });
});

describe('bad input is refused with a clear message and nothing is written', () => {
  async function count() {
    return (await admin.request('GET', '/api/activities')).json().total as number;
  }
  const base = () => buildActivityInput({ title: 'Kegiatan Masukan Salah' });

  it.each([
    [
      'a negative total',
      { kak: { ...base().kak, funding: { ...base().kak!.funding!, total: -1 } } },
      'kak.funding.total',
      'Nilai rupiah tidak boleh negatif',
    ],
    [
      'fractional rupiah',
      { kak: { ...base().kak, funding: { ...base().kak!.funding!, quarters: [46_733_000.5, 1_624_960, 0, 0] } } },
      'kak.funding.quarters.0',
      'Nilai rupiah harus bilangan bulat',
    ],
    [
      'a total above the sane bound',
      { kak: { ...base().kak, funding: { ...base().kak!.funding!, total: 2_000_000_000_000_000 } } },
      'kak.funding.total',
      'Nilai rupiah paling banyak Rp 999.999.999.999.999',
    ],
    [
      'month 13',
      { kak: { ...base().kak, schedule: [{ step: 'Rapat', startMonth: 3, endMonth: 13 }] } },
      'kak.schedule.0.endMonth',
      'Bulan harus 1-12',
    ],
    ['an empty title', { title: '   ' }, 'title', 'Judul kegiatan wajib diisi'],
    [
      'a 6,000-character paragraph',
      { kak: { ...base().kak, background: ['x'.repeat(6000)] } },
      'kak.background.0',
      'Maksimal 5000 karakter',
    ],
    ['a fiscal year out of range', { fiscalYear: 1899 }, 'fiscalYear', 'Tahun anggaran harus 2000-2100'],
    ['a wrong NIP', { officerInCharge: { name: 'A', position: 'B', nip: '123' } }, 'officerInCharge.nip', 'NIP harus 18 digit angka'],
    [
      'a budget line with a malformed account code',
      {
        budgetLines: [{ accountCode: '5.1.2', description: 'ATK', volume: 1, unit: 'paket', unitPrice: 100, quarterPlan: [100, 0, 0, 0] }],
      },
      'budgetLines.0.accountCode',
      'Kode rekening harus terdiri atas 6 tingkat angka yang dipisah titik (1.1.2.2.2.4 digit), contoh 5.1.02.02.01.0003',
    ],
  ])('refuses %s', async (_label, change, field, message) => {
    const before = await count();
    const res = await committee.request('POST', '/api/activities', { ...base(), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[field]).toBe(message);
    expect(await count()).toBe(before);
  });

  it('refuses a 10 MB paragraph with 413', async () => {
    const before = await count();
    const res = await committee.request('POST', '/api/activities', {
      ...base(),
      kak: { ...base().kak, background: ['x'.repeat(10 * 1024 * 1024)] },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('Berkas atau isian terlalu besar');
    expect(await count()).toBe(before);
  });

  it('refuses bad input to a change and leaves the activity as it was', async () => {
    const a = await create(committee);
    const res = await committee.request('PATCH', `/api/activities/${a.id}`, {
      version: 1,
      title: 'Baru',
      kak: { schedule: [{ step: 'X', startMonth: 0, endMonth: 1 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['kak.schedule.0.startMonth']).toBe('Bulan harus 1-12');
    const missingVersion = await committee.request('PATCH', `/api/activities/${a.id}`, { title: 'Baru' });
    expect(missingVersion.statusCode).toBe(400);
    expect((await committee.request('GET', `/api/activities/${a.id}`)).json()).toMatchObject({ title: a.title, version: 1 });
  });
});
