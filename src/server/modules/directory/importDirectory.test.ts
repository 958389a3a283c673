import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { auditLog, institutions, officers } from '../../db/schema/index';
import { buildInstitution, buildOfficer, multipart } from '../../../../test/builders/directory';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
  await buildInstitution(t, {
    name: 'Pemerintah Kota Padang Impor',
    shortName: 'Pemko Padang Impor',
    category: 'regency_city',
    regionCode: '13.71',
  });
});
afterAll(() => t.close());

const header = [
  'Jenis',
  'Nama',
  'Singkatan',
  'Kategori',
  'Kode Wilayah',
  'E-mail',
  'Telepon',
  'Lembaga',
  'NIP',
  'Jabatan',
  'Jenjang Pranata Humas',
  'Kontak Utama',
];
/** Four good rows and one bad officer (row 6: NIP too short, bad e-mail, unknown level). */
let nipSeq = 0;
function rows(tag: string): string[][] {
  nipSeq += 1;
  return [
    [
      'lembaga',
      `Universitas Impor ${tag}`,
      `UI-${tag}`,
      'Perguruan Tinggi',
      '',
      `humas@ui-${tag}.example.org`,
      '0751 123456',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      'petugas',
      `Andi Impor ${tag}`,
      '',
      '',
      '',
      `andi-${tag}@example.org`,
      '0812-3456-7890',
      `UI-${tag}`,
      `19850101201001${String(nipSeq).padStart(4, '0')}`,
      'Kepala Humas',
      'Ahli Muda',
      'ya',
    ],
    ['petugas', `Rina Impor ${tag}`, '', '', '', `rina-${tag}@example.org`, '', 'Pemko Padang Impor', '', 'Staf Humas', '', 'tidak'],
    ['LEMBAGA', `PT BUMD Impor ${tag}`, '', 'bumd', '', '', '', '', '', '', '', ''],
    ['petugas', `Budi Salah ${tag}`, '', '', '', 'bukan-email', '', `UI-${tag}`, '12345', '', 'Ahli Super', 'tidak'],
  ];
}

function csv(lines: string[][], sep = ';') {
  return [header, ...lines].map((l) => l.map((v) => (v.includes(sep) ? `"${v}"` : v)).join(sep)).join('\r\n');
}

async function xlsx(lines: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(header);
  for (const l of lines) ws.addRow(l);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function send(url: string, file: { name: string; content: Buffer | string }, fields: Record<string, string> = {}, as = admin) {
  const body = await multipart(fields, file);
  return as.request('POST', url, body.payload, body.headers);
}

async function counts() {
  const [i] = await t.database.db.select({ n: count() }).from(institutions);
  const [o] = await t.database.db.select({ n: count() }).from(officers);
  const [a] = await t.database.db.select({ n: count() }).from(auditLog);
  return { institutions: i!.n, officers: o!.n, audit: a!.n };
}

describe('import preview', () => {
  it('shows every row of a CSV with the problems of the bad one, and writes nothing', async () => {
    const before = await counts();
    const res = await send('/api/directory/import/preview', { name: 'direktori.csv', content: csv(rows('csv')) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.format).toBe('csv');
    expect(body.summary).toMatchObject({ rows: 5, valid: 4, invalid: 1, institutions: 2, officers: 3 });
    expect(body.rows.map((r: { rowNumber: number; valid: boolean }) => [r.rowNumber, r.valid])).toEqual([
      [2, true],
      [3, true],
      [4, true],
      [5, true],
      [6, false],
    ]);
    const bad = body.rows[4];
    expect(bad.kind).toBe('officer');
    const byField = Object.fromEntries(bad.problems.map((p: { field: string; message: string }) => [p.field, p.message]));
    expect(byField.nip).toBe('NIP harus 18 digit angka');
    expect(byField.email).toBe('Alamat e-mail tidak valid');
    expect(byField.prFunctionalLevel).toContain('Jenjang "Ahli Super" tidak dikenal');
    expect(bad.problems.find((p: { field: string }) => p.field === 'nip').column).toBe('NIP');
    expect(await counts()).toEqual(before);
  });

  it('reads an XLSX the same way', async () => {
    const before = await counts();
    const res = await send('/api/directory/import/preview', { name: 'direktori.xlsx', content: await xlsx(rows('xlsx')) });
    expect(res.statusCode).toBe(200);
    expect(res.json().format).toBe('xlsx');
    expect(res.json().summary).toMatchObject({ rows: 5, valid: 4, invalid: 1 });
    expect(
      res
        .json()
        .rows[4].problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['email', 'nip', 'prFunctionalLevel']);
    expect(await counts()).toEqual(before);
  });

  it('reads numbers Excel made of a region code, a phone and a NIP for what they were', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(header);
    ws.addRow(['lembaga', 'Pemerintah Kabupaten Angka', '', 'Pemerintah Kabupaten/Kota', 13.1, '', 81234567890]);
    ws.addRow(['petugas', 'Petugas Angka', '', '', '', '', '', 'Pemerintah Kabupaten Angka', 198501012010011001]);
    const res = await send('/api/directory/import/preview', { name: 'angka.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    const [inst, officer] = res.json().rows;
    expect(inst.values).toMatchObject({ regionCode: '13.10', phone: '81234567890' });
    expect(inst.valid).toBe(true);
    expect(officer.problems.map((p: { field: string; message: string }) => [p.field, p.message])).toEqual([
      ['nip', 'NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang: format kolom NIP sebagai Teks lalu ketik ulang'],
    ]);
  });

  it('finds missing names, unknown categories, unknown institutions and duplicates in the file or the directory', async () => {
    await buildOfficer(t, (await buildInstitution(t, { name: 'Lembaga Sudah Ada' })).id, { email: 'sudah@example.org' });
    const lines = [
      ['lembaga', '', '', 'bumd', '', '', '', '', '', '', '', ''],
      ['lembaga', 'Lembaga Kategori Aneh', '', 'Kementerian', '', '', '', '', '', '', '', ''],
      ['lembaga', 'lembaga sudah ada', '', 'bumd', '', '', '', '', '', '', '', ''],
      ['lembaga', 'Pemerintah Kota Kembar', '', 'regency_city', '13.71', '', '', '', '', '', '', ''],
      ['lembaga', 'Lembaga Ganda', '', 'BUMN', '', '', '', '', '', '', '', ''],
      ['lembaga', 'Lembaga  Ganda', '', 'BUMN', '', '', '', '', '', '', '', ''],
      ['petugas', 'Tanpa Lembaga', '', '', '', '', '', 'Lembaga Antah Berantah', '', '', '', ''],
      ['petugas', 'E-mail Terpakai', '', '', '', 'SUDAH@example.org', '', 'Lembaga Sudah Ada', '', '', '', ''],
      ['petugas', 'Petugas Kembar', '', '', '', '', '', 'Lembaga Ganda', '', '', '', ''],
      ['petugas', 'Petugas Kembar', '', '', '', '', '', 'Lembaga Ganda', '', '', '', 'mungkin'],
      ['pegawai', 'Jenis Salah', '', '', '', '', '', '', '', '', '', ''],
    ];
    const res = await send('/api/directory/import/preview', { name: 'cek.csv', content: csv(lines, ',') });
    expect(res.statusCode).toBe(200);
    const problems = res
      .json()
      .rows.map((r: { problems: { field: string; message: string }[] }) => Object.fromEntries(r.problems.map((p) => [p.field, p.message])));
    expect(problems[0].name).toBe('Nama lembaga wajib diisi');
    expect(problems[1].category).toContain('Kategori "Kementerian" tidak dikenal');
    const body = res.json();
    // A stored institution named again (ignoring case) is an update of it, not a duplicate.
    expect(problems[2]).toEqual({});
    expect(body.rows[2]).toMatchObject({
      status: 'changed',
      changes: [{ field: 'name', before: 'Lembaga Sudah Ada', after: 'lembaga sudah ada' }],
    });
    // A regency/city is identified by its region code: another name under the same code renames it.
    expect(problems[3]).toEqual({});
    expect(body.rows[3].changes).toEqual([
      { field: 'name', column: 'Nama', before: 'Pemerintah Kota Padang Impor', after: 'Pemerintah Kota Kembar' },
    ]);
    expect(problems[4]).toEqual({});
    expect(problems[5].name).toBe('Nama lembaga sama dengan baris 6');
    expect(problems[6].institution).toContain('tidak ditemukan');
    // An officer is recognised by e-mail (whatever its case): the row renames them.
    expect(problems[7]).toEqual({});
    expect(body.rows[7]).toMatchObject({ status: 'changed', changes: [{ field: 'name', after: 'E-mail Terpakai' }] });
    expect(problems[8]).toEqual({});
    expect(problems[9].name).toContain('baris 10');
    expect(problems[9].isMainContact).toContain('"ya" atau "tidak"');
    expect(problems[10].kind).toContain('Jenis "pegawai" tidak dikenal');
  });
});

describe('import', () => {
  it('mode=valid imports the valid rows in one transaction with one audit row', async () => {
    const before = await counts();
    const lines = rows('valid');
    const res = await send('/api/directory/import', { name: 'direktori.xlsx', content: await xlsx(lines) }, { mode: 'valid' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mode: 'valid', imported: { institutions: 2, officers: 2 }, skipped: 1 });
    expect(res.json().skippedRows[0].rowNumber).toBe(6);
    const after = await counts();
    expect(after).toEqual({ institutions: before.institutions + 2, officers: before.officers + 2, audit: before.audit + 1 });
    const [uni] = await t.database.db.select().from(institutions).where(eq(institutions.name, 'Universitas Impor valid'));
    expect(uni).toMatchObject({ category: 'university', phone: '+62751123456', email: 'humas@ui-valid.example.org' });
    const staff = await t.database.db.select().from(officers).where(eq(officers.institutionId, uni!.id));
    expect(staff.map((o) => [o.name, o.isMainContact, o.prFunctionalLevel, o.phone])).toEqual([
      ['Andi Impor valid', true, 'ahli_muda', '+6281234567890'],
    ]);
    const [log] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'directory.import'));
    expect((log!.after as { institutions: unknown[]; officers: unknown[] }).officers).toHaveLength(2);

    // The same file again: the stored rows are recognised and left as they are.
    const again = await send('/api/directory/import/preview', { name: 'direktori.xlsx', content: await xlsx(lines) });
    expect(again.json().summary).toMatchObject({ new: 0, changed: 0, unchanged: 4, invalid: 1 });
  });

  it('mode=all writes nothing when a row is bad', async () => {
    const before = await counts();
    const res = await send('/api/directory/import', { name: 'direktori.csv', content: csv(rows('all')) }, { mode: 'all' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('1 dari 5 baris bermasalah');
    expect(res.json().error.rows[0].rowNumber).toBe(6);
    expect(await counts()).toEqual(before);
    const good = await send('/api/directory/import', { name: 'direktori.csv', content: csv(rows('all').slice(0, 4)) }, { mode: 'all' });
    expect(good.statusCode).toBe(201);
    expect(good.json().imported).toEqual({ institutions: 2, officers: 2 });
  });

  it('a new main contact from the file replaces the current one', async () => {
    const inst = await buildInstitution(t, { name: 'Lembaga Ganti Kontak' });
    const old = await buildOfficer(t, inst.id, { isMainContact: true });
    const lines = [['petugas', 'Kontak Baru', '', '', '', '', '', 'Lembaga Ganti Kontak', '', '', '', 'ya']];
    expect((await send('/api/directory/import', { name: 'k.csv', content: csv(lines) }, { mode: 'all' })).statusCode).toBe(201);
    const [prev] = await t.database.db.select().from(officers).where(eq(officers.id, old.id));
    expect(prev).toMatchObject({ isMainContact: false, version: 2 });
  });

  it('refuses a missing mode, and a member may not import', async () => {
    expect((await send('/api/directory/import', { name: 'd.csv', content: csv(rows('m')) })).json().error.fields.mode).toBeDefined();
    const { session: member } = await sessionFor(t, 'member', { institutionId: (await buildInstitution(t)).id });
    expect((await send('/api/directory/import/preview', { name: 'd.csv', content: csv(rows('m')) }, {}, member)).statusCode).toBe(403);
  });
});

describe('broken files', () => {
  const broken: [string, { name: string; content: Buffer | string }, number, string][] = [
    ['a corrupt XLSX', { name: 'rusak.xlsx', content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]) }, 400, 'rusak'],
    ['a binary file', { name: 'data.csv', content: Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]) }, 400, 'bukan XLSX atau CSV'],
    ['a Word file', { name: 'surat.docx', content: 'bukan docx' }, 400, '.docx tidak didukung'],
    ['an old .xls', { name: 'lama.xls', content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]) }, 400, '.xls'],
    [
      'a CSV without header',
      { name: 'tanpa-judul.csv', content: 'lembaga;Universitas X;UX\npetugas;Andi;' },
      400,
      'Baris judul kolom tidak ditemukan',
    ],
    ['a CSV with only the header', { name: 'kosong.csv', content: header.join(';') }, 400, 'tidak berisi baris data'],
    ['a file over 5 MB', { name: 'besar.csv', content: `${header.join(';')}\n${'x'.repeat(6 * 1024 * 1024)}` }, 413, 'maksimal 5 MB'],
  ];
  for (const [label, file, status, message] of broken) {
    it(`answers ${status} to ${label} and writes nothing`, async () => {
      const before = await counts();
      for (const url of ['/api/directory/import/preview', '/api/directory/import']) {
        const res = await send(url, file, { mode: 'valid' });
        expect(res.statusCode).toBe(status);
        expect(res.json().error.message).toContain(message);
      }
      expect(await counts()).toEqual(before);
    });
  }

  it('answers 4xx when no file is sent or the request is not multipart', async () => {
    const none = await multipart({ mode: 'valid' });
    expect((await admin.request('POST', '/api/directory/import', none.payload, none.headers)).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/directory/import', { mode: 'valid' })).statusCode).toBe(415);
  });
});

describe('template and export', () => {
  it('offers an XLSX template whose Data sheet, once filled in, imports', async () => {
    const res = await admin.request('GET', '/api/directory/import/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const data = wb.getWorksheet('Data')!;
    expect((data.getRow(1).values as string[]).slice(1, 4)).toEqual(['Jenis', 'Nama', 'Singkatan']);
    expect(wb.getWorksheet('Petunjuk')).toBeDefined();
    data.getRow(2).values = ['lembaga', 'Lembaga Dari Templat', 'LDT', 'BUMD'];
    data.getRow(3).values = [
      'petugas',
      'Petugas Dari Templat',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'LDT',
      '198001012005011002',
      'Staf',
      'Mahir',
      'ya',
    ];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await send('/api/directory/import', { name: 'templat.xlsx', content: filled }, { mode: 'all' });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().imported).toEqual({ institutions: 1, officers: 1 });
  });

  it('exports institutions and officers to XLSX, limited by the filter', async () => {
    const inst = await buildInstitution(t, { name: 'Lembaga Ekspor Uji', shortName: 'LEU', category: 'bumn' });
    await buildOfficer(t, inst.id, {
      name: 'Petugas Ekspor Uji',
      nip: '197901012006041003',
      isMainContact: true,
      prFunctionalLevel: 'penyelia',
    });
    const { session: committee } = await sessionFor(t, 'committee');
    const res = await committee.request('GET', '/api/directory/export.xlsx?q=ekspor%20uji');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="direktori-anggota-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const inst2 = wb.getWorksheet('Lembaga')!;
    expect(inst2.rowCount).toBe(2);
    expect(inst2.getRow(2).getCell(1).value).toBe('Lembaga Ekspor Uji');
    expect(inst2.getRow(2).getCell(3).value).toBe('BUMN');
    const off = wb.getWorksheet('Petugas')!;
    expect(off.rowCount).toBe(2);
    expect((off.getRow(2).values as unknown[]).slice(1, 6)).toEqual([
      'Petugas Ekspor Uji',
      'Lembaga Ekspor Uji',
      '197901012006041003',
      undefined,
      'Penyelia',
    ]);
    expect(off.getRow(2).getCell(8).value).toBe('ya');
    const [log] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'directory.export'));
    expect(log!.after).toMatchObject({ institutions: 1, officers: 1 });

    // The export reads back as an import file: every row is recognised as the stored one, unchanged.
    const back = await send('/api/directory/import/preview', { name: 'ekspor.xlsx', content: res.rawPayload });
    expect(back.json().rows.map((r: { kind: string; status: string; targetId: string }) => [r.kind, r.status, r.targetId])).toEqual([
      ['institution', 'unchanged', inst.id],
      ['officer', 'unchanged', expect.any(String)],
    ]);
  });

  it('is not open to a member officer', async () => {
    const { session: member } = await sessionFor(t, 'member', { institutionId: (await buildInstitution(t)).id });
    expect((await member.request('GET', '/api/directory/export.xlsx')).statusCode).toBe(403);
  });
});

describe('re-importing an export updates the directory', () => {
  async function exported(q: string): Promise<ExcelJS.Workbook> {
    const res = await admin.request('GET', `/api/directory/export.xlsx?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    return wb;
  }
  /** Sets a cell of the sheet's row whose first cell is `name`, by column header. */
  function setCell(wb: ExcelJS.Workbook, sheet: string, name: string, header: string, value: string) {
    const ws = wb.getWorksheet(sheet)!;
    const col = (ws.getRow(1).values as string[]).indexOf(header);
    expect(col).toBeGreaterThan(0);
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === name) {
        row.getCell(col).value = value;
        found = true;
      }
    });
    expect(found).toBe(true);
  }
  const file = async (wb: ExcelJS.Workbook) => ({ name: 'ekspor.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
  const officerRow = async (id: string) => (await t.database.db.select().from(officers).where(eq(officers.id, id)))[0]!;

  it('an unchanged export re-imports as all "unchanged" and writes nothing', async () => {
    const inst = await buildInstitution(t, {
      name: 'Dinas Ulang Impor Sama',
      shortName: 'DUIS',
      category: 'provincial_agency',
      phone: '+62751123456',
      website: 'https://duis.example.org',
    });
    await buildOfficer(t, inst.id, {
      name: 'Sari Ulang',
      nip: '198002022005012001',
      phone: '+6281234500001',
      isMainContact: true,
      prFunctionalLevel: 'mahir',
      position: 'Kasubbag',
    });
    await buildOfficer(t, inst.id, { name: 'Tono Ulang', email: null, active: false });
    const wb = await exported('ulang impor sama');
    const before = await counts();
    const preview = await send('/api/directory/import/preview', await file(wb));
    expect(preview.statusCode).toBe(200);
    expect(preview.json().summary).toMatchObject({ rows: 3, valid: 3, new: 0, changed: 0, unchanged: 3 });
    expect(preview.json().rows.every((r: { changes: unknown[] }) => r.changes.length === 0)).toBe(true);
    const res = await send('/api/directory/import', await file(wb), { mode: 'all' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      imported: { institutions: 0, officers: 0 },
      updated: { institutions: 0, officers: 0 },
      unchanged: 3,
    });
    expect(await counts()).toEqual(before);
    const [stored] = await t.database.db.select().from(institutions).where(eq(institutions.id, inst.id));
    expect(stored!.version).toBe(1);
  });

  it('a phone changed in the file shows as the one change, and is applied and audited like a manual edit', async () => {
    const inst = await buildInstitution(t, { name: 'Dinas Ulang Impor Telepon', category: 'bumd' });
    const sari = await buildOfficer(t, inst.id, { name: 'Sari Telepon', phone: '+6281234500002' });
    await buildOfficer(t, inst.id, { name: 'Budi Telepon' });
    const wb = await exported('ulang impor telepon');
    setCell(wb, 'Petugas', 'Sari Telepon', 'Telepon', '0813-1111-2222');
    const before = await counts();

    const preview = (await send('/api/directory/import/preview', await file(wb))).json();
    expect(preview.summary).toMatchObject({ new: 0, changed: 1, unchanged: 2 });
    const changed = preview.rows.find((r: { status: string }) => r.status === 'changed');
    expect(changed).toMatchObject({ kind: 'officer', targetId: sari.id, values: { name: 'Sari Telepon' } });
    expect(changed.changes).toEqual([{ field: 'phone', column: 'Telepon', before: '+62 812 3450 0002', after: '+62 813 1111 2222' }]);
    expect(await counts()).toEqual(before);

    const res = await send('/api/directory/import', await file(wb), { mode: 'all' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      imported: { institutions: 0, officers: 0 },
      updated: { institutions: 0, officers: 1 },
      unchanged: 2,
    });
    expect(await officerRow(sari.id)).toMatchObject({ phone: '+6281311112222', version: 2 });
    // One audit row for the officer (as PATCH /api/officers/:id writes) and one for the import.
    expect(await counts()).toEqual({ ...before, audit: before.audit + 2 });
    const [log] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'officer.update'), eq(auditLog.entityId, sari.id)));
    expect(log).toMatchObject({ before: { phone: '+6281234500002', version: 1 }, after: { phone: '+6281311112222', version: 2 } });

    // The same file again: the row names version 1, but the officer is at version 2 now.
    const again = (await send('/api/directory/import/preview', await file(wb))).json();
    const stale = again.rows.find(
      (r: { kind: string; values: { name?: string } }) => r.kind === 'officer' && r.values.name === 'Sari Telepon',
    );
    expect(stale.status).toBe('invalid');
    expect(stale.problems[0]).toMatchObject({ field: 'version', message: expect.stringContaining('sudah diubah sejak berkas diekspor') });
  });

  it('a change made by someone else after the export is not overwritten', async () => {
    const inst = await buildInstitution(t, { name: 'Dinas Ulang Impor Basi', category: 'bumd' });
    const wb = await exported('ulang impor basi');
    const current = (await admin.request('GET', `/api/institutions/${inst.id}`)).json();
    const patched = await admin.request('PATCH', `/api/institutions/${inst.id}`, { address: 'Jl. Baru 1', version: current.version });
    expect(patched.statusCode).toBe(200);
    setCell(wb, 'Lembaga', 'Dinas Ulang Impor Basi', 'Alamat', 'Jl. Lama 2');
    const before = await counts();
    const res = await send('/api/directory/import', await file(wb), { mode: 'all' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.rows[0].problems[0].field).toBe('version');
    expect(await counts()).toEqual(before);
    const [stored] = await t.database.db.select().from(institutions).where(eq(institutions.id, inst.id));
    expect(stored!.address).toBe('Jl. Baru 1');
  });

  it('rows without ID are matched by region code, NIP and e-mail, and change only what they fill; a new main contact replaces the old one', async () => {
    const regency = await buildInstitution(t, { name: 'Pemerintah Kabupaten Kunci', category: 'regency_city', regionCode: '13.98' });
    const old = await buildOfficer(t, regency.id, { name: 'Kontak Lama Kunci', isMainContact: true });
    const byNip = await buildOfficer(t, regency.id, { name: 'Petugas NIP Kunci', nip: '199001012015011001' });
    const byEmail = await buildOfficer(t, regency.id, { name: 'Petugas Surel Kunci', email: 'surel.kunci@example.org' });
    const lines = [
      ['lembaga', 'Pemerintah Kabupaten Kunci Baru', '', 'Pemerintah Kabupaten/Kota', '13.98', '', '', '', '', '', '', ''],
      [
        'petugas',
        'Petugas NIP Kunci',
        '',
        '',
        '',
        '',
        '0812-7777-8888',
        'Pemerintah Kabupaten Kunci Baru',
        '199001012015011001',
        '',
        '',
        'ya',
      ],
      [
        'petugas',
        'Petugas Surel Kunci',
        '',
        '',
        '',
        'SUREL.KUNCI@example.org',
        '',
        'Pemerintah Kabupaten Kunci Baru',
        '',
        'Staf',
        '',
        'tidak',
      ],
    ];
    const preview = (await send('/api/directory/import/preview', { name: 'kunci.csv', content: csv(lines) })).json();
    expect(preview.rows.map((r: { status: string; targetId: string }) => [r.status, r.targetId])).toEqual([
      ['changed', regency.id],
      ['changed', byNip.id],
      ['changed', byEmail.id],
    ]);
    expect(
      preview.rows[1].changes.map((c: { field: string; before: string; after: string }) => `${c.field}: ${c.before} -> ${c.after}`),
    ).toEqual(['phone: (kosong) -> +62 812 7777 8888', 'isMainContact: tidak -> ya']);
    const res = await send('/api/directory/import', { name: 'kunci.csv', content: csv(lines) }, { mode: 'all' });
    expect(res.statusCode).toBe(201);
    expect(res.json().updated).toEqual({ institutions: 1, officers: 2 });
    expect(await officerRow(old.id)).toMatchObject({ isMainContact: false, version: 2 });
    // Without an ID, an empty cell keeps what is stored (the e-mail here).
    expect(await officerRow(byNip.id)).toMatchObject({ isMainContact: true, phone: '+6281277778888', email: byNip.email, version: 2 });
    expect(await officerRow(byEmail.id)).toMatchObject({ position: 'Staf', version: 2 });
    const [stored] = await t.database.db.select().from(institutions).where(eq(institutions.id, regency.id));
    expect(stored).toMatchObject({ name: 'Pemerintah Kabupaten Kunci Baru', version: 2 });
    const unsetLog = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'officer.update'), eq(auditLog.entityId, old.id)));
    expect(unsetLog).toHaveLength(1);
  });
});
