import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childWrite } from '../../../../test/helpers/activityWrites';
import { createTestApp, createUser, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildActivityInput, buildBudgetLine } from '../../../../test/builders/activity';

let t: TestApp;
let s: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = (await sessionFor(t, 'committee')).session;
  admin = (await sessionFor(t, 'admin')).session;
});
afterAll(() => t.close());

async function newActivity() {
  const res = await s.request('POST', '/api/activities', buildActivityInput());
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; updatedAt: string };
}
const get = async (id: string) => (await s.request('GET', `/api/activities/${id}`)).json();
const errorMessages = (a: { checks: { errors: { message: string }[] } }) => a.checks.errors.map((e) => e.message);

describe('budget lines', () => {
  it('computes the amount on the server from volume x unit price, volume with 2 decimals', async () => {
    const a = await newActivity();
    const res = await childWrite(s, 'POST', a.id, `budget-lines`, {
      accountCode: '5.1.02.01.01.0052',
      description: 'Makan minum rapat',
      volume: 2.5,
      unit: 'OH',
      unitPrice: 1_000_000,
      quarterPlan: [2_500_000, 0, 0, 0],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      volume: 2.5,
      unitPrice: 1_000_000,
      amount: 2_500_000,
      quarterPlan: [2_500_000, 0, 0, 0],
      position: 0,
    });
    const after = await get(a.id);
    expect(after.budgetLines).toHaveLength(1);
    expect(after.updatedAt > a.updatedAt).toBe(true);
  });

  it('refuses a line whose amount would not be whole rupiah, and writes nothing', async () => {
    const a = await newActivity();
    const res = await childWrite(s, 'POST', a.id, `budget-lines`, {
      ...buildBudgetLine(),
      volume: 2.5,
      unitPrice: 1_001,
      quarterPlan: [2_502, 0, 0, 0],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.volume).toBe('Volume x harga satuan = Rp 2.502,50, bukan rupiah bulat. Ubah volume atau harga satuan.');
    expect((await get(a.id)).budgetLines).toEqual([]);
  });

  it.each([
    ['a volume with 3 decimals', { volume: 1.125 }, 'volume', 'Volume paling banyak 2 angka di belakang koma'],
    ['a negative unit price', { unitPrice: -5 }, 'unitPrice', 'Nilai rupiah tidak boleh negatif'],
    ['a fractional unit price', { unitPrice: 10.5 }, 'unitPrice', 'Nilai rupiah harus bilangan bulat'],
    [
      'a malformed account code',
      { accountCode: '5.1.02.02.1.3' },
      'accountCode',
      'Kode rekening harus terdiri atas 6 tingkat angka yang dipisah titik (1.1.2.2.2.4 digit), contoh 5.1.02.02.01.0003',
    ],
    ['an empty description', { description: '' }, 'description', 'Uraian wajib diisi'],
  ])('refuses %s', async (_label, change, field, message) => {
    const a = await newActivity();
    const res = await childWrite(s, 'POST', a.id, `budget-lines`, { ...buildBudgetLine(), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[field]).toBe(message);
    expect((await get(a.id)).budgetLines).toEqual([]);
  });

  it('refuses a quarter plan that does not add up to the amount of the line', async () => {
    const a = await newActivity();
    const res = await childWrite(s, 'POST', a.id, `budget-lines`, {
      ...buildBudgetLine({ volume: 3, unitPrice: 1_000_000 }),
      quarterPlan: [1_000_000, 1_000_000, 0, 0],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.quarterPlan).toBe(
      'Rencana per triwulan (Rp 2.000.000) harus sama dengan jumlah rincian Rp 3.000.000 (selisih Rp 1.000.000)',
    );
  });

  it('reports by how much the lines miss the funding plan, and nothing once they match', async () => {
    const a = await newActivity();
    const q1 = await childWrite(s, 'POST', a.id, `budget-lines`, buildBudgetLine({ volume: 1, unitPrice: 46_733_000, quarter: 1 }));
    const q2 = await childWrite(
      s,
      'POST',
      a.id,
      `budget-lines`,
      buildBudgetLine({ description: 'Penggandaan laporan', volume: 20, unitPrice: 50_000, quarter: 2, accountCode: '5.1.02.01.01.0026' }),
    );
    expect(q2.json()).toMatchObject({ amount: 1_000_000, position: 1 });
    expect(errorMessages(await get(a.id))).toEqual([
      'Jumlah rincian anggaran Rp 47.733.000 lebih kecil dari total pembiayaan Rp 48.357.960 (selisih Rp 624.960)',
      'Jumlah rincian anggaran Triwulan II Rp 1.000.000 lebih kecil dari rencana Rp 1.624.960 (selisih Rp 624.960)',
    ]);
    const fixed = await childWrite(s, 'PATCH', a.id, `budget-lines/${q2.json().id}`, {
      volume: 32,
      unitPrice: 50_780,
      quarterPlan: [0, 1_624_960, 0, 0],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().amount).toBe(1_624_960);
    const after = await get(a.id);
    expect(after.checks).toEqual({ errors: [], warnings: [] });
    expect(q1.statusCode).toBe(201);
  });

  it('refuses a change that breaks the quarter plan of a line and keeps the line', async () => {
    const a = await newActivity();
    const line = (await childWrite(s, 'POST', a.id, `budget-lines`, buildBudgetLine({ volume: 2, unitPrice: 500_000 }))).json();
    const res = await childWrite(s, 'PATCH', a.id, `budget-lines/${line.id}`, { volume: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.quarterPlan).toContain('selisih Rp 500.000');
    expect((await get(a.id)).budgetLines[0]).toMatchObject({ volume: 2, amount: 1_000_000 });
  });

  it('finds a line only under its own activity, and deletes it with an audit row', async () => {
    const a = await newActivity();
    const b = await newActivity();
    const line = (await childWrite(s, 'POST', a.id, `budget-lines`, buildBudgetLine())).json();
    expect((await childWrite(s, 'PATCH', b.id, `budget-lines/${line.id}`, { description: 'Salah kegiatan' })).statusCode).toBe(404);
    expect((await childWrite(s, 'DELETE', b.id, `budget-lines/${line.id}`)).statusCode).toBe(404);
    expect((await childWrite(s, 'DELETE', a.id, `budget-lines/${line.id}`)).statusCode).toBe(200);
    expect((await get(a.id)).budgetLines).toEqual([]);
    const trail = (await admin.request('GET', `/api/audit?entityId=${line.id}`)).json().items.map((i: { action: string }) => i.action);
    expect(trail).toEqual(['budgetLine.delete', 'budgetLine.create']);
  });
});

describe('committee', () => {
  it('keeps the members in the order of their roles, and edits and removes them', async () => {
    const a = await newActivity();
    const add = (body: object) => childWrite(s, 'POST', a.id, `committee`, body);
    const anggota = (await add({ role: 'anggota', name: 'Fajar Contoh' })).json();
    await add({ role: 'ketua', name: 'Yusuf Contoh', position: 'Kasubbag Publikasi', nip: '198203152008011002' });
    await add({ role: 'pengarah', name: 'Hendra Contoh', nip: '' });
    expect((await get(a.id)).committee.map((m: { role: string; name: string }) => `${m.role}:${m.name}`)).toEqual([
      'pengarah:Hendra Contoh',
      'ketua:Yusuf Contoh',
      'anggota:Fajar Contoh',
    ]);
    const changed = await childWrite(s, 'PATCH', a.id, `committee/${anggota.id}`, { role: 'sekretaris' });
    expect(changed.json()).toMatchObject({ role: 'sekretaris', name: 'Fajar Contoh', nip: null });
    expect((await childWrite(s, 'DELETE', a.id, `committee/${anggota.id}`)).statusCode).toBe(200);
    expect((await get(a.id)).committee).toHaveLength(2);
  });

  it('refuses an unknown role and a malformed NIP', async () => {
    const a = await newActivity();
    const role = await childWrite(s, 'POST', a.id, `committee`, { role: 'bendahara', name: 'X' });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.fields.role).toBe('Peran panitia tidak dikenal');
    const nip = await childWrite(s, 'POST', a.id, `committee`, { role: 'anggota', name: 'X', nip: '12345' });
    expect(nip.json().error.fields.nip).toBe('NIP harus 18 digit angka');
  });
});

describe('speakers', () => {
  it('pays a fee from a line of the same activity, never of another', async () => {
    const a = await newActivity();
    const b = await newActivity();
    const lineA = (await childWrite(s, 'POST', a.id, `budget-lines`, buildBudgetLine({ volume: 2, unitPrice: 1_700_000 }))).json();
    const lineB = (await childWrite(s, 'POST', b.id, `budget-lines`, buildBudgetLine())).json();
    const refused = await childWrite(s, 'POST', a.id, `speakers`, { name: 'Dr. Andi Contoh', fee: 3_400_000, budgetLineId: lineB.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.budgetLineId).toBe('Rincian anggaran tidak ditemukan pada kegiatan ini');
    const res = await childWrite(s, 'POST', a.id, `speakers`, {
      name: 'Dr. Andi Contoh',
      institution: 'Universitas Contoh',
      expertise: 'Komunikasi',
      topic: 'Humas di era keterbukaan',
      fee: 3_400_000,
      budgetLineId: lineA.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const speaker = res.json();
    expect(speaker).toMatchObject({ status: 'candidate', fee: 3_400_000, budgetLineId: lineA.id });
    const moved = await childWrite(s, 'PATCH', a.id, `speakers/${speaker.id}`, { budgetLineId: lineB.id });
    expect(moved.statusCode).toBe(400);
    const confirmed = await childWrite(s, 'PATCH', a.id, `speakers/${speaker.id}`, { status: 'confirmed' });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', topic: 'Humas di era keterbukaan', budgetLineId: lineA.id });
    // Deleting the line keeps the speaker and the fee, without the link.
    await childWrite(s, 'DELETE', a.id, `budget-lines/${lineA.id}`);
    expect((await get(a.id)).speakers[0]).toMatchObject({ fee: 3_400_000, budgetLineId: null });
  });

  it('refuses a fractional or negative fee and an unknown status', async () => {
    const a = await newActivity();
    for (const [body, field] of [
      [{ name: 'X', fee: 10.5 }, 'fee'],
      [{ name: 'X', fee: -1 }, 'fee'],
      [{ name: 'X', status: 'maybe' }, 'status'],
    ] as const) {
      const res = await childWrite(s, 'POST', a.id, `speakers`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[field]).toBeTruthy();
    }
    expect((await get(a.id)).speakers).toEqual([]);
  });

  it('links a speaker to an active speaker account only, and lists those accounts to the committee', async () => {
    const a = await newActivity();
    const account = await createUser(t, 'speaker', { name: 'Akun Narasumber Uji' });
    const committeeUser = await createUser(t, 'committee');
    const listed = await s.request('GET', '/api/activities/speaker-accounts');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((u: { id: string }) => u.id)).toContain(account.id);
    expect(listed.json().items.map((u: { id: string }) => u.id)).not.toContain(committeeUser.id);
    const member = (await sessionFor(t, 'member')).session;
    expect((await member.request('GET', '/api/activities/speaker-accounts')).statusCode).toBe(403);

    const refused = await childWrite(s, 'POST', a.id, `speakers`, { name: 'Dr. Andi Contoh', userId: committeeUser.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.userId).toMatch(/peran Narasumber/);
    expect((await get(a.id)).speakers).toEqual([]);
    const linked = await childWrite(s, 'POST', a.id, `speakers`, { name: 'Dr. Andi Contoh', userId: account.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect((await get(a.id)).speakers[0]).toMatchObject({ name: 'Dr. Andi Contoh', userId: account.id });
    const unlinked = await childWrite(s, 'PATCH', a.id, `speakers/${linked.json().id}`, { userId: null });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect((await get(a.id)).speakers[0].userId).toBeNull();
  });

  it('removes a speaker of its own activity only', async () => {
    const a = await newActivity();
    const b = await newActivity();
    const sp = (await childWrite(s, 'POST', a.id, `speakers`, { name: 'Maya Contoh' })).json();
    expect((await childWrite(s, 'DELETE', b.id, `speakers/${sp.id}`)).statusCode).toBe(404);
    expect((await childWrite(s, 'DELETE', a.id, `speakers/${sp.id}`)).statusCode).toBe(200);
    expect((await get(a.id)).speakers).toEqual([]);
  });
});
