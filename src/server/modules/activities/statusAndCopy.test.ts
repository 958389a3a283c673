import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childWrite } from '../../../../test/helpers/activityWrites';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildActivityInput, buildBudgetLine } from '../../../../test/builders/activity';
import { moveDate, nextYearDate, titleForYear } from './copyActivity';

let t: TestApp;
let admin: Session;
let committee: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
  committee = (await sessionFor(t, 'committee')).session;
});
afterAll(() => t.close());

async function create(body: unknown) {
  const res = await committee.request('POST', '/api/activities', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const get = async (id: string) => (await admin.request('GET', `/api/activities/${id}`)).json();
const setStatus = (s: Session, id: string, status: string, version: number) =>
  s.request('POST', `/api/activities/${id}/status`, { status, version });

describe('approval', () => {
  it('is refused while the checks report errors, listing them, and nothing changes', async () => {
    const a = await create(buildActivityInput({ kak: { intent: '', locations: [] } }));
    const res = await setStatus(admin, a.id, 'approved', 1);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message).toMatch(/^KAK belum dapat disetujui: ada 2 kesalahan/);
    expect(error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Maksud kegiatan (bagian B) wajib diisi',
      'Lokasi kegiatan (bagian E) wajib diisi',
    ]);
    expect(error.fields['kak.intent']).toBe('Maksud kegiatan (bagian B) wajib diisi');
    expect(await get(a.id)).toMatchObject({ status: 'draft', version: 1 });
  });

  it('is allowed with warnings only, and written to the audit trail', async () => {
    const schedule = [
      { step: 'Penentuan narasumber', startMonth: 2, endMonth: 4, kind: 'preparation' },
      { step: 'Rapat Koordinasi Kehumasan', startMonth: 3, endMonth: 3, kind: 'meeting' },
    ];
    const a = await create(buildActivityInput({ kak: { schedule } as never }));
    expect(a.checks.errors).toEqual([]);
    expect(a.checks.warnings.map((w: { code: string }) => w.code)).toEqual(['meeting_before_preparation', 'budget_lines_missing']);
    const res = await setStatus(admin, a.id, 'approved', 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', version: 2 });
    const trail = (await admin.request('GET', `/api/audit?entityId=${a.id}&action=activity.status`)).json().items;
    expect(trail).toHaveLength(1);
    expect(trail[0].before).toEqual({ status: 'draft' });
    expect(trail[0].after.status).toBe('approved');
  });

  it('belongs to the administrator; the committee runs and closes an approved activity', async () => {
    const a = await create(buildActivityInput());
    const denied = await setStatus(committee, a.id, 'approved', 1);
    expect(denied.statusCode).toBe(403);
    expect((await get(a.id)).status).toBe('draft');
    expect((await setStatus(admin, a.id, 'approved', 1)).statusCode).toBe(200);
    expect((await setStatus(committee, a.id, 'running', 2)).json().status).toBe('running');
    expect((await setStatus(committee, a.id, 'done', 3)).json().status).toBe('done');
  });

  it('refuses a jump that skips steps, and a stale version', async () => {
    const a = await create(buildActivityInput());
    const jump = await setStatus(admin, a.id, 'done', 1);
    expect(jump.statusCode).toBe(400);
    expect(jump.json().error.message).toBe('Status kegiatan tidak dapat diubah dari Draf menjadi Selesai');
    await committee.request('PATCH', `/api/activities/${a.id}`, { version: 1, title: 'Judul baru' });
    const stale = await setStatus(admin, a.id, 'approved', 1);
    expect(stale.statusCode).toBe(409);
    expect((await get(a.id)).status).toBe('draft');
  });

  it('refuses to approve while the budget lines miss the funding plan', async () => {
    const a = await create(buildActivityInput({ budgetLines: [buildBudgetLine({ volume: 1, unitPrice: 46_733_000, quarter: 1 })] }));
    const res = await setStatus(admin, a.id, 'approved', 1);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Jumlah rincian anggaran Rp 46.733.000 lebih kecil dari total pembiayaan Rp 48.357.960 (selisih Rp 1.624.960)',
      'Jumlah rincian anggaran Triwulan II Rp 0 lebih kecil dari rencana Rp 1.624.960 (selisih Rp 1.624.960)',
    ]);
  });
});

describe('copy to next year', () => {
  async function fullActivity() {
    const base = buildActivityInput({ title: 'Rapat Koordinasi Kehumasan 2019', signDate: '2019-01-15' });
    const schedule = base.kak!.schedule!.map((s, i) => (i === 3 ? { ...s, startDate: '2019-03-14', endDate: '2019-03-14' } : s));
    const a = await create({
      ...base,
      kak: { ...base.kak, schedule },
      committeeDecree: 'SK Kepala Biro Humas Nomor 1 Tahun 2019',
      budgetLines: [
        buildBudgetLine({ volume: 1, unitPrice: 46_733_000, quarter: 1 }),
        buildBudgetLine({ description: 'Laporan', volume: 32, unitPrice: 50_780, quarter: 2, accountCode: '5.1.02.01.01.0026' }),
      ],
    });
    await childWrite(committee, 'POST', a.id, `committee`, { role: 'ketua', name: 'Yusuf Contoh' });
    await childWrite(committee, 'POST', a.id, `speakers`, {
      name: 'Dr. Andi Contoh',
      status: 'confirmed',
      fee: 3_400_000,
      budgetLineId: a.budgetLines[0].id,
    });
    // Adding the chair and the speaker made versions 2 and 3.
    expect((await setStatus(admin, a.id, 'approved', 3)).statusCode).toBe(200);
    await setStatus(committee, a.id, 'running', 4);
    await setStatus(committee, a.id, 'done', 5);
    return get(a.id);
  }

  it('makes a new draft for the next year with everything moved a year and statuses reset', async () => {
    const a = await fullActivity();
    const res = await committee.request('POST', `/api/activities/${a.id}/copy`);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.id).not.toBe(a.id);
    expect(c).toMatchObject({
      title: 'Rapat Koordinasi Kehumasan 2020',
      fiscalYear: 2020,
      status: 'draft',
      version: 1,
      copiedFromId: a.id,
      signDate: '2020-01-15',
      committeeDecree: null,
    });
    expect(c.kak.schedule.map((s: { status: string }) => s.status)).toEqual(['planned', 'planned', 'planned', 'planned']);
    expect(c.kak.schedule[3]).toMatchObject({ startDate: '2020-03-14', endDate: '2020-03-14', startMonth: 3 });
    expect(c.kak.legalBases[1].text).toBe(
      'Peraturan Daerah Provinsi Sumatera Barat tentang Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2020.',
    );
    expect(c.kak.legalBases[0].text).toBe(a.kak.legalBases[0].text);
    expect(c.kak.funding).toEqual(a.kak.funding);
    expect(c.budgetLines.map((l: { amount: number }) => l.amount)).toEqual([46_733_000, 1_624_960]);
    expect(c.budgetLines.every((l: { id: string }) => !a.budgetLines.some((o: { id: string }) => o.id === l.id))).toBe(true);
    expect(c.committee).toMatchObject([{ role: 'ketua', name: 'Yusuf Contoh' }]);
    expect(c.committee[0].id).not.toBe(a.committee[0].id);
    expect(c.speakers).toMatchObject([{ name: 'Dr. Andi Contoh', status: 'candidate', fee: 3_400_000, budgetLineId: c.budgetLines[0].id }]);
    expect(c.checks.errors).toEqual([]);
    const trail = (await admin.request('GET', `/api/audit?entityId=${c.id}`)).json().items;
    expect(trail.map((i: { action: string }) => i.action)).toEqual(['activity.copy']);
  });

  it('shares nothing with the original: changing the copy leaves the original as it was', async () => {
    const a = await fullActivity();
    const c = (await committee.request('POST', `/api/activities/${a.id}/copy`)).json();
    const writes = [
      await committee.request('PATCH', `/api/activities/${c.id}`, {
        version: 1,
        title: 'Salinan diubah',
        kak: {
          background: ['Latar belakang baru'],
          schedule: [{ step: 'Rapat', startMonth: 5, endMonth: 5, kind: 'meeting' }],
          funding: { ...c.kak.funding, total: 1 },
        },
        officerInCharge: { name: 'PPTK Baru' },
      }),
      await childWrite(committee, 'PATCH', c.id, `budget-lines/${c.budgetLines[0].id}`, { unitPrice: 1, quarterPlan: [1, 0, 0, 0] }),
      await childWrite(committee, 'PATCH', c.id, `speakers/${c.speakers[0].id}`, { name: 'Narasumber lain', fee: 1 }),
      await childWrite(committee, 'PATCH', c.id, `committee/${c.committee[0].id}`, { name: 'Ketua lain' }),
      await childWrite(committee, 'DELETE', c.id, `budget-lines/${c.budgetLines[1].id}`),
    ];
    expect(writes.map((w) => w.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const changed = await get(c.id);
    expect(changed).toMatchObject({
      title: 'Salinan diubah',
      kak: { background: ['Latar belakang baru'] },
      officerInCharge: { name: 'PPTK Baru' },
    });
    expect(changed.budgetLines).toHaveLength(1);
    expect(changed.speakers[0].name).toBe('Narasumber lain');
    const original = await get(a.id);
    expect(original).toEqual(a);
  });

  it('moves 29 February to 28 February and replaces only the fiscal year in the title', () => {
    expect(nextYearDate('2024-02-29')).toBe('2025-02-28');
    expect(nextYearDate('2027-02-29')).toBe('2028-02-29');
    expect(nextYearDate('2019-01')).toBe('2020-01');
    expect(moveDate('2020-02-29', 2027)).toBe('2027-02-28');
    expect(titleForYear('Koordinasi Kehumasan', 2019, 2020)).toBe('Koordinasi Kehumasan');
    expect(titleForYear('Rakor Humas 2019 (Renstra 2016-2021)', 2019, 2020)).toBe('Rakor Humas 2020 (Renstra 2016-2021)');
    expect(titleForYear('Rakor Humas 2019 (Renstra 2015-2019)', 2019, 2027)).toBe('Rakor Humas 2027 (Renstra 2015-2019)');
  });
  it('copies to the year asked for, replacing the year where it stands for the fiscal year and nowhere else', async () => {
    const a = await fullActivity();
    const yearsWarned = (c: { checks: { warnings: { code: string; path: string; message: string }[] } }) =>
      c.checks.warnings.filter((w) => w.code === 'fiscal_year_mismatch' || w.code === 'other_year_in_text');
    const res = await committee.request('POST', `/api/activities/${a.id}/copy`, { fiscalYear: 2027 });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ title: 'Rapat Koordinasi Kehumasan 2027', fiscalYear: 2027, status: 'draft', signDate: '2027-01-15' });
    expect(c.kak.schedule[3]).toMatchObject({ startDate: '2027-03-14', endDate: '2027-03-14' });
    expect(c.kak.legalBases[1].text).toBe(
      'Peraturan Daerah Provinsi Sumatera Barat tentang Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2027.',
    );
    // Legal citations keep their years.
    expect(c.kak.legalBases[0].text).toBe(a.kak.legalBases[0].text);
    expect(c.kak.legalBases[0].text).toContain('Nomor 8 Tahun 2016');
    expect(c.kak.background).toEqual(a.kak.background);
    expect(yearsWarned(c)).toEqual([]);
    expect(c.checks.errors).toEqual([]);
    const trail = (await admin.request('GET', `/api/audit?entityId=${c.id}`)).json().items;
    expect(trail[0].after).toEqual({ copiedFromId: a.id, fromFiscalYear: 2019, fiscalYear: 2027 });
  });

  it('replaces "TA 2020" and "APBD ... Tahun 2020" in every section, and warns about other years left in the text', async () => {
    const base = buildActivityInput({ title: 'Rakor Humas', fiscalYear: 2020, signDate: '2020-02' });
    const a = await create({
      ...base,
      kak: {
        ...base.kak,
        intent: 'Rapat koordinasi kehumasan TA 2020 sebagai wadah koordinasi.',
        background: [
          'Evaluasi pelaksanaan kegiatan pada tahun 2020 menjadi dasar perencanaan.',
          'Sesuai Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.',
        ],
        funding: { ...base.kak!.funding!, source: 'APBD Provinsi Sumatera Barat Tahun 2020' },
        schedule: base.kak!.schedule!.map((s) => ({ ...s })),
      },
    });
    const c = (await committee.request('POST', `/api/activities/${a.id}/copy`, { fiscalYear: 2027 })).json();
    expect(c.kak.intent).toBe('Rapat koordinasi kehumasan TA 2027 sebagai wadah koordinasi.');
    expect(c.kak.funding.source).toBe('APBD Provinsi Sumatera Barat Tahun 2027');
    // "pada tahun 2020" may be history or the old year: left as written, and the check says so.
    expect(c.kak.background).toEqual(a.kak.background);
    expect(c.checks.warnings.filter((w: { code: string }) => w.code === 'other_year_in_text' || w.code === 'fiscal_year_mismatch')).toEqual(
      [
        {
          code: 'other_year_in_text',
          path: 'kak.background.0',
          message:
            'Latar belakang (bagian A) nomor 1 menyebut tahun 2020, sedangkan tahun anggaran kegiatan ini 2027: periksa apakah masih berlaku',
        },
        // The reference's APBD regulation said 2019 already under 2020: not the year copied from, so not replaced, but reported.
        {
          code: 'fiscal_year_mismatch',
          path: 'kak.legalBases.1.text',
          message: 'Dasar hukum (bagian C) nomor 2 menyebut Tahun Anggaran 2019, sedangkan kegiatan ini Tahun Anggaran 2027',
        },
      ],
    );
    const pdf = await committee.request('GET', `/api/activities/${c.id}/kak.pdf`);
    expect(pdf.statusCode).toBe(200);
  });

  it('refuses a target year outside 2000-2100 in Indonesian, and copies to next year without a body', async () => {
    const a = await create(buildActivityInput({ fiscalYear: 2030 }));
    const bad = await committee.request('POST', `/api/activities/${a.id}/copy`, { fiscalYear: 2101 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.fiscalYear).toBe('Tahun anggaran harus 2000-2100');
    const unknown = await committee.request('POST', `/api/activities/${a.id}/copy`, { year: 2031 });
    expect(unknown.statusCode).toBe(400);
    const next = await committee.request('POST', `/api/activities/${a.id}/copy`);
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().fiscalYear).toBe(2031);
  });
});
