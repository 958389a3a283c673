import { describe, expect, it } from 'vitest';
import { kakSchema } from '../../../shared/kak';
import { interpretKak } from './importKak';
import { parseVolume, readBudgetTable, budgetHeader } from './importKakBudget';
import type { DocBlock } from './importKakDocx';
import { normaliseSource, sourceAtStart } from './importKakFields';
import { expandKakTable, headerTableLines, metaLine, signatureColumns } from './importKakLayout';
import { quarterRange, readTable } from './importKakTables';

/** The pieces of issue 12's shapes, one by one (the corpus test scores whole documents). */
const p = (text: string, at = ''): DocBlock => ({ kind: 'p', text, numbering: null, at });
const table = (rows: string[][], at = 'tabel 1'): DocBlock => ({ kind: 'table', rows, at });

describe('amounts, volumes, quarters and sources as offices write them', () => {
  it('reads volumes with units and products', () => {
    expect(parseVolume('2 org x 3 kl')).toEqual({ value: 6, unit: 'org x kl' });
    expect(parseVolume('40 OK')).toEqual({ value: 40, unit: 'OK' });
    expect(parseVolume('1.000')).toEqual({ value: 1000, unit: '' });
    expect(parseVolume('2,5 OH')).toEqual({ value: 2.5, unit: 'OH' });
    expect(parseVolume('300 balita x 90 hr')).toEqual({ value: 27000, unit: 'balita x hr' });
    expect(parseVolume('paket')).toBeNull();
  });

  it('reads quarters in words and funding sources at the start of a cell', () => {
    expect(quarterRange('Triwulan II')).toEqual({ startMonth: 4, endMonth: 6 });
    expect(quarterRange('TW I - III')).toEqual({ startMonth: 1, endMonth: 9 });
    expect(sourceAtStart('APBK Kabupaten Aceh Besar Tahun Anggaran 2020')).toBe('APBK Kabupaten Aceh Besar');
    expect(sourceAtStart('Dana Otonomi Khusus Kabupaten Jayapura Tahun 2025')).toBe('Dana Otonomi Khusus Kabupaten Jayapura');
    expect(normaliseSource('APBD Kabupaten Pesisir Selatan Tahun Anggaran 2019 sebesar Rp')).toBe('APBD Kabupaten Pesisir Selatan');
  });
});

describe('tables', () => {
  it('reads a RAB with group rows of account codes, sub-totals and a total; old codes kept as written', () => {
    const rows = [
      ['No', 'Uraian', 'Volume', 'Satuan', 'Harga Satuan', 'Jumlah'],
      ['1', '5.2.2.11.02 Belanja makanan dan minuman', '', '', '', ''],
      ['', '- Snack rapat', '2 org x 3 kl', 'OK', 'Rp. 25.000,-', 'Rp. 150.000,-'],
      ['', 'Sub Total', '', '', '', 'Rp. 150.000,-'],
      ['2', '5.1.02.01.01.0024 Belanja ATK', '', '', '', ''],
      ['', '- Kertas', '10', 'rim', 'Rp60.000', 'Rp600.000'],
      ['', 'TOTAL', '', '', '', 'Rp. 750.000,-'],
    ];
    const h = budgetHeader(rows)!;
    const b = readBudgetTable(rows, h.h, h.cols, 'tabel 3');
    expect(b.total).toBe(750_000);
    expect(b.lines.map((l) => [l.accountCode, l.codeKind, l.description, l.volume, l.unit, l.unitPrice, l.amount])).toEqual([
      ['5.2.2.11.02', 'old', 'Snack rapat', 6, 'OK', 25_000, 150_000],
      ['5.1.02.01.01.0024', 'current', 'Kertas', 10, 'rim', 60_000, 600_000],
    ]);
    expect(b.lines[0]!.at).toBe('tabel 3, baris 3');
  });

  it('reads schedules by quarter marks, by weeks of shaded cells and by month names broken over two lines', () => {
    const q = readTable({
      kind: 'table',
      rows: [
        ['No', 'Kegiatan', 'Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV'],
        ['1', 'Persiapan', 'v', '', '', ''],
        ['2', 'Pelaksanaan', '', '✓', '✓', ''],
      ],
    });
    expect(q.kind === 'schedule' && q.steps.map((s) => [s.startMonth, s.endMonth])).toEqual([
      [1, 3],
      [4, 9],
    ]);
    const w = readTable({
      kind: 'table',
      rows: [
        ['No', 'Kegiatan', 'Maret', '', '', '', 'April', '', '', ''],
        ['', '', '1', '2', '3', '4', '1', '2', '3', '4'],
        ['1', 'Gladi', '', '', '■', '■', '■', '', '', ''],
      ],
    });
    expect(w.kind === 'schedule' && w.steps.map((s) => [s.startMonth, s.endMonth])).toEqual([[3, 4]]);
    const m = readTable({
      kind: 'table',
      rows: [
        ['No', 'Kegiatan', 'Jul', 'Ag\nu', 'Se\np'],
        ['1', 'Lomba', '', 'X', 'X'],
      ],
    });
    expect(m.kind === 'schedule' && m.steps.map((s) => [s.startMonth, s.endMonth])).toEqual([[8, 9]]);
  });

  it('reads header blocks as lines or as a borderless table, and side-by-side signatures by column', () => {
    expect(metaLine('Perangkat Daerah\t: Dinas Kominfo Kabupaten Lombok Tengah')).toEqual({
      key: 'opd',
      value: 'Dinas Kominfo Kabupaten Lombok Tengah',
    });
    expect(metaLine('Maksud: menyebarluaskan informasi')).toBeNull();
    expect(
      headerTableLines([
        ['Program', ':', 'Program X'],
        ['Sub Kegiatan', ':', 'Sub Y'],
        ['Nama Kegiatan', ':', 'Z'],
      ]),
    ).toEqual(['Program : Program X', 'Sub Kegiatan : Sub Y', 'Nama Kegiatan : Z']);
    const cols = signatureColumns([
      ['Mengetahui,\nKepala Dinas\n\nBudi\nNIP. 197001011995031001', 'Praya, 3 Januari 2024\nPPTK\n\nAni\nNIP 19800101 200501 2 001'],
    ]);
    expect(cols?.map((c) => c.col)).toEqual([0, 1]);
  });

  it('reads the whole KAK written in a "No | Uraian | Keterangan" table', () => {
    const rows = [
      ['No', 'Uraian', 'Keterangan'],
      ['1', 'Nama Kegiatan', 'Bimtek Operator'],
      ['2', 'Latar Belakang', 'Paragraf satu.\nParagraf dua.'],
      ['3', 'Dasar Hukum', '1. Undang-Undang Nomor 1 Tahun 2020 tentang A;'],
      ['4', 'Lokasi', 'Aula'],
    ];
    const heading = (l: string) => /latar|dasar|lokasi/i.test(l);
    expect(expandKakTable(rows, 'tabel 1', heading)?.blocks.map((b) => [b.text, b.at])).toEqual([
      ['Nama Kegiatan : Bimtek Operator', 'tabel 1, baris 2, kolom 3'],
      ['Latar Belakang', 'tabel 1, baris 3, kolom 2'],
      ['Paragraf satu.', 'tabel 1, baris 3, kolom 3'],
      ['Paragraf dua.', 'tabel 1, baris 3, kolom 3'],
      ['Dasar Hukum', 'tabel 1, baris 4, kolom 2'],
      ['1. Undang-Undang Nomor 1 Tahun 2020 tentang A;', 'tabel 1, baris 4, kolom 3'],
      ['Lokasi', 'tabel 1, baris 5, kolom 2'],
      ['Aula', 'tabel 1, baris 5, kolom 3'],
    ]);
  });
});

describe('whole documents in the shapes of issue 12', () => {
  it('BAB chapters with decimal sections; a chapter line carries no content; "Lampiran" after the signature ends it', () => {
    const r = interpretKak([
      p('KERANGKA ACUAN KERJA', 'paragraf 1'),
      p('KEGIATAN UJI COBA TAHUN ANGGARAN 2025', 'paragraf 2'),
      p('BAB I PENDAHULUAN'),
      p('1.1. Latar belakang'),
      p('Teks latar.', 'paragraf 5'),
      p('BAB II'),
      p('RUANG LINGKUP'),
      p('2.3 Lokasi'),
      p('Aula kantor.'),
      p('Tanjung, 2 Januari 2025'),
      p('PPTK,'),
      p('Rina'),
      p('Lampiran: Rincian Anggaran Biaya'),
      table(
        [
          ['No', 'Kode Rekening', 'Uraian', 'Volume', 'Satuan', 'Harga Satuan', 'Jumlah'],
          ['1', '5.1.02.01.01.0024', 'ATK', '1', 'paket', '500.000', '500.000'],
        ],
        'tabel 1',
      ),
    ]);
    const kak = kakSchema.parse(r.draft.kak);
    expect(r.draft).toMatchObject({ title: 'Uji Coba', fiscalYear: 2025, officerInCharge: { name: 'Rina', position: 'PPTK' } });
    expect(kak.background).toEqual(['Teks latar.']);
    expect(kak.locations).toEqual(['Aula kantor.']);
    expect(kak.funding.total).toBe(500_000);
    expect(r.draft.budgetLines).toHaveLength(1);
    expect(r.fields).toContainEqual({ field: 'Latar Belakang', value: 'Teks latar.', at: 'paragraf 5' });
    expect(r.recognised).not.toContain('Bab');
  });

  it('a header block gives title, unit, year and source; Program and Kegiatan are listed as not saved', () => {
    const r = interpretKak([
      p('KERANGKA ACUAN KERJA'),
      p('Perangkat Daerah : Dinas Sosial Kabupaten Sigi'),
      p('Program : Program Perlindungan Sosial'),
      p('Kegiatan : Pengelolaan Data Fakir Miskin'),
      p('Nama Kegiatan : Pendataan Keluarga Miskin'),
      p('Tahun Anggaran : 2024'),
      p('Sumber Dana : APBD Kabupaten Sigi Tahun Anggaran 2024'),
      p('A. Latar Belakang'),
      p('Teks.'),
    ]);
    expect(r.draft).toMatchObject({ title: 'Pendataan Keluarga Miskin', fiscalYear: 2024, orgUnit: 'Dinas Sosial Kabupaten Sigi' });
    expect(kakSchema.parse(r.draft.kak).funding.source).toBe('APBD Kabupaten Sigi');
    expect(r.unrecognised.filter((u) => /^(Program|Kegiatan):/.test(u))).toHaveLength(2);
  });
});
