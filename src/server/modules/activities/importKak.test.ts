import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { kakSchema } from '../../../shared/kak';
import { createActivityInput } from '../../../shared/schemas/activities';
import { buildDocx } from '../../../../test/fixtures/kak-samples/buildDocx';
import { notAKak, pranataHumas2025, publikasi2024, rakorKabKota2023 } from '../../../../test/fixtures/kak-samples/otherKaks';
import { referenceDocx } from '../../../../test/fixtures/kak-samples/reference2019';
import { interpretKak, notKakMessage, parseKakDocx, type KakImport } from './importKak';
import type { DocBlock } from './importKakDocx';
import { parseMonthRange, parseRupiah } from './importKakFields';

const kakOf = (r: KakImport) => kakSchema.parse(r.draft.kak);
const months = (r: KakImport) => kakOf(r).schedule.map((s) => [s.startMonth, s.endMonth]);

describe('the 2019 reference KAK laid out as in Word', () => {
  let r: KakImport;
  beforeAll(async () => {
    r = await parseKakDocx(await referenceDocx());
  });

  it('recognises every section and leaves nothing unrecognised', () => {
    expect(r.recognised).toEqual(
      expect.arrayContaining([
        'Judul kegiatan',
        'Tahun anggaran',
        'Latar Belakang',
        'Maksud',
        'Tujuan',
        'Dasar Hukum',
        'Metode Pelaksanaan',
        'Peserta',
        'Jadwal kegiatan',
        'Lokasi Kegiatan',
        'Keluaran',
        'Pembiayaan',
        'Jumlah dana',
        'Sumber dana',
        'Rincian per triwulan',
        'Tempat dan tanggal',
        'Jabatan PPTK',
      ]),
    );
    expect(r.unrecognised).toEqual([]);
  });

  it('reads the title block into a title-case title and the fiscal year', () => {
    expect(r.draft.title).toBe('Koordinasi Kehumasan');
    expect(r.draft.fiscalYear).toBe(2019);
  });

  it('reads background (bookmark ignored), intent and the three objectives without their numbers', () => {
    const kak = kakOf(r);
    expect(kak.background).toHaveLength(4);
    expect(kak.background[2]).toMatch(/^Dalam mewujudkan Renstra tersebut/);
    expect(kak.intent).toMatch(/^Kegiatan Koordinasi Kehumasan bermaksud sebagai wadah koordinasi/);
    expect(kak.objectives).toHaveLength(3);
    expect(kak.objectives[0]).toMatch(/^Membantu Pemerintah/);
  });

  it('splits the four legal bases; the second has no number', () => {
    const bases = kakOf(r).legalBases;
    expect(bases).toHaveLength(4);
    expect(bases[0]).toMatchObject({
      type: 'Peraturan Daerah Provinsi Sumatera Barat',
      number: '8',
      year: 2016,
      title: 'Pembentukan dan Susunan Perangkat Daerah Provinsi Sumatera Barat',
    });
    expect(bases[1]).toMatchObject({ number: null, year: null, title: 'Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2019' });
    expect(bases[1]!.text).toMatch(/^Peraturan Daerah Provinsi Sumatera Barat tentang Anggaran/);
    expect(bases.map((b) => b.number)).toEqual(['8', null, '68', '69']);
  });

  it('reads method, participants, schedule intro and the four schedule steps (empty row ignored)', () => {
    const kak = kakOf(r);
    expect(kak.method).toHaveLength(1);
    expect(kak.participants.categories).toEqual(['vertical_agency', 'regency_city', 'university', 'bumn', 'bumd']);
    expect(kak.participants.frequency).toBe('1 (satu) kali dalam setahun');
    expect(kak.scheduleIntro).toBe('Adapaun jadwal kegiatan sebagai berikut :');
    expect(months(r)).toEqual([
      [1, 1],
      [2, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(kak.schedule.map((s) => s.kind)).toEqual(['preparation', 'preparation', 'preparation', 'meeting']);
  });

  it('reads location, output, funding total, source and quarters', () => {
    const kak = kakOf(r);
    expect(kak.locations).toEqual(['Pelaksanaan Kegiatan Koordinasi Kehumasan dilakukan di Aula Kantor Gubernur Sumatera Barat.']);
    expect(kak.outputs.map((o) => o.description)).toEqual([
      'Terselenggaranya kegiatan koordinasi kehumasan dengan Badan/lembaga vertikal, Pemerintah Kabupaten/Kota, Perguruan Tinggi, BUMN dan BUMD',
    ]);
    expect(kak.funding).toEqual({
      total: 48_357_960,
      source: 'APBD Provinsi Sumatera Barat',
      label: 'Koordinasi Kehumasan',
      quarters: [46_733_000, 1_624_960, 0, 0],
    });
  });

  it('reads the place/date line and the PPTK position; the draft passes the create schema', () => {
    expect(r.draft).toMatchObject({ signPlace: 'Padang', signDate: '2019-01' });
    expect(r.draft.officerInCharge).toEqual({ name: '', position: 'PPTK Kegiatan / Kabag. Pengelolaan Administrasi Informasi', nip: '' });
    expect(createActivityInput.safeParse(r.draft).success).toBe(true);
  });
});

describe('KAKs of other shapes', () => {
  it('Word-numbered title-case headings in another order, typed "a."/"1." markers, 8 schedule rows, four quarters, signature with NIP', async () => {
    const r = await parseKakDocx(await buildDocx(pranataHumas2025));
    const kak = kakOf(r);
    expect(r.draft).toMatchObject({
      title: 'Peningkatan Kapasitas Pranata Humas',
      fiscalYear: 2025,
      signPlace: 'Padang',
      signDate: '2025-02-03',
    });
    expect(r.draft.officerInCharge).toEqual({
      name: 'Dra. Siti Rahmah, M.Si',
      position: 'Pejabat Pelaksana Teknis Kegiatan / Kepala Subbagian Kehumasan',
      nip: '197503122000032004',
    });
    expect(kak.legalBases.map((b) => [b.type, b.number, b.title])).toEqual([
      ['Undang-Undang', null, 'Keterbukaan Informasi Publik'],
      ['Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi', null, 'Jabatan Fungsional Pranata Hubungan Masyarakat'],
      ['Peraturan Gubernur Sumatera Barat', null, 'Pedoman Pengelolaan Kehumasan'],
    ]);
    expect(kak.intent).toBe('meningkatkan kompetensi teknis Pranata Humas sesuai jenjang jabatannya.');
    expect(kak.objectives).toHaveLength(4);
    expect(kak.objectives[0]).toBe('Meningkatkan kemampuan menulis siaran pers.');
    expect(kak.participants).toMatchObject({ categories: ['regency_city', 'provincial_agency'], frequency: '2 (dua) kali dalam setahun' });
    expect(months(r)).toEqual([
      [4, 4],
      [4, 5],
      [5, 5],
      [6, 8],
      [8, 8],
      [9, 9],
      [10, 10],
      [10, 11],
    ]);
    expect(kak.schedule[4]).toMatchObject({ startDate: '2025-08-15', responsible: 'Sekretariat' });
    expect(kak.locations).toHaveLength(2);
    expect(kak.outputs).toEqual([
      {
        description: 'Meningkatnya kompetensi 60 Pranata Humas Provinsi dan Kabupaten/Kota.',
        indicator: 'Jumlah Pranata Humas yang mengikuti pelatihan',
        target: '60 orang',
      },
    ]);
    expect(kak.funding).toMatchObject({
      total: 125_000_000,
      source: 'APBD Provinsi Sumatera Barat',
      quarters: [15_000_000, 40_000_000, 45_000_000, 25_000_000],
    });
    expect(r.recognised).toEqual(expect.arrayContaining(['Dasar Hukum', 'Maksud', 'Tujuan', 'Jadwal kegiatan', 'Nama PPTK', 'NIP PPTK']));
    expect(r.unrecognised).toEqual(['Blok tanda tangan: "Pembina (IV/a)"']);
  });

  it('roman headings, org-unit line, two-line title, month-chart schedule, funding lines with a total row, signature in a table', async () => {
    const r = await parseKakDocx(await buildDocx(publikasi2024));
    const kak = kakOf(r);
    expect(r.draft).toMatchObject({
      title: 'Publikasi dan Diseminasi Informasi',
      fiscalYear: 2024,
      orgUnit: 'Biro Administrasi Pimpinan Sekretariat Daerah Provinsi Sumatera Barat',
      signDate: '2024-01-10',
      officerInCharge: { name: 'Budi Santoso, S.Sos', position: 'Kepala Bagian Materi dan Komunikasi Pimpinan', nip: '198001012005011002' },
    });
    expect(kak.objectives).toEqual([
      'Masyarakat memperoleh informasi pembangunan daerah;',
      'Meningkatnya partisipasi publik terhadap program pemerintah.',
    ]);
    expect(kak.method).toHaveLength(3);
    expect(months(r)).toEqual([
      [1, 1],
      [2, 11],
      [3, 9],
      [12, 12],
    ]);
    expect(kak.funding).toMatchObject({ total: 232_500_000, quarters: [45_000_000, 75_000_000, 75_000_000, 37_500_000] });
    expect(kak.legalBases).toEqual([]);
    expect(r.recognised).not.toContain('Dasar Hukum');
    expect(r.unrecognised).toHaveLength(2);
    expect(r.unrecognised[0]).toMatch(/^Penutup tidak disimpan: "Demikian/);
    expect(r.unrecognised[1]).toMatch(/^Tabel yang tidak dikenali \(2 baris\): "Nama \| Telepon/);
  });

  it('numbered headings, unreadable time, quarters that do not add up; schema-invalid parts cut or left out, not fatal', async () => {
    const r = await parseKakDocx(await buildDocx(rakorKabKota2023));
    const kak = kakOf(r);
    expect(r.draft.title).toBe('Rapat Koordinasi Humas Kabupaten/Kota');
    expect(kak.intent).toBe('');
    expect(kak.objectives).toHaveLength(2);
    expect(kak.objectives[0]!.length).toBeGreaterThan(1990);
    expect(kak.objectives[0]!.length).toBeLessThanOrEqual(2000);
    expect(kak.legalBases[0]).toMatchObject({ type: 'Undang-Undang', number: '14', year: 2008 });
    expect(kak.legalBases[1]!.year).toBeNull(); // 1900 is no plausible year
    expect(kak.participants.text).toMatch(/^Kepala Bagian Humas/);
    expect(months(r)).toEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(kak.funding).toMatchObject({ total: 20_000_000, quarters: [5_000_000, 5_000_000, 5_000_000, 0] });
    expect(r.draft.officerInCharge).toEqual({ name: 'Andi Pratama', position: 'PPTK', nip: '' });
    expect(r.recognised).toEqual(expect.arrayContaining(['Tujuan', 'Waktu Pelaksanaan', 'Peserta']));
    expect(r.recognised).not.toContain('Maksud');
    expect(r.unrecognised).toEqual([
      'Kalimat pengantar Dasar Hukum tidak disimpan: "Dasar hukum pelaksanaan kegiatan ini adalah:"',
      'Waktu jadwal tidak dikenali untuk "Rapat koordinasi": "Menyesuaikan"',
      'NIP tidak 18 digit: "NIP. 1234"',
      'Tujuan ke-1 dipotong menjadi 2000 karakter',
      'Dasar Hukum ke-2 teks dipotong menjadi 1000 karakter',
      'Dasar Hukum ke-2 judul dipotong menjadi 800 karakter',
    ]);
    expect(createActivityInput.safeParse(r.draft).success).toBe(true);
  });
});

describe('files saved by a real word processor', () => {
  const saved = (name: string) => readFileSync(new URL(`../../../../test/fixtures/kak-samples/${name}-libreoffice.docx`, import.meta.url));

  it('reads the same draft from the LibreOffice re-saved copies (own styles and numbering definitions)', async () => {
    const pairs: [string, Buffer][] = [
      ['reference2019', await referenceDocx()],
      ['pranataHumas2025', await buildDocx(pranataHumas2025)],
      ['publikasi2024', await buildDocx(publikasi2024)],
    ];
    for (const [name, original] of pairs) {
      const a = await parseKakDocx(original);
      const b = await parseKakDocx(saved(name));
      expect(b.draft, name).toEqual(a.draft);
      expect(b.unrecognised, name).toEqual(a.unrecognised);
    }
  });
});

describe('title blocks written differently', () => {
  const p = (text: string): DocBlock => ({ kind: 'p', text, numbering: null });
  const withTitle = (...lines: string[]) => interpretKak([...lines.map(p), p('A. LATAR BELAKANG'), p('Teks latar belakang.')]);

  it('reads "Kegiatan: ..." and "Tahun Anggaran: 2019" on separate lines, keeping a mixed-case title', () => {
    const r = withTitle('Kerangka Acuan Kerja (KAK)', 'Kegiatan: Koordinasi Kehumasan', 'Tahun Anggaran: 2019');
    expect(r.draft).toMatchObject({ title: 'Koordinasi Kehumasan', fiscalYear: 2019 });
    expect(r.unrecognised).toEqual([]);
  });

  it('reads a title without the word KEGIATAN right under the KAK line, but not an org-unit line', () => {
    const r = withTitle(
      'KERANGKA ACUAN KERJA',
      'BIRO HUMAS SETDA PROVINSI SUMATERA BARAT',
      'SOSIALISASI KETERBUKAAN INFORMASI PUBLIK TAHUN 2026',
    );
    expect(r.draft).toMatchObject({
      title: 'Sosialisasi Keterbukaan Informasi Publik',
      fiscalYear: 2026,
      orgUnit: 'Biro Humas Setda Provinsi Sumatera Barat',
    });
  });

  it('falls back to the file name and the sign year when there is no title block, and says so', () => {
    const r = interpretKak([p('LATAR BELAKANG'), p('Teks.'), p('Padang, 5 Mei 2024'), p('PPTK')], { fileName: 'KAK_Rakor_Humas.docx' });
    expect(r.draft).toMatchObject({ title: 'KAK Rakor Humas', fiscalYear: 2024, signDate: '2024-05-05' });
    expect(r.unrecognised).toEqual([
      'Judul kegiatan tidak ditemukan ("KEGIATAN ... TAHUN ..."); dipakai "KAK Rakor Humas"',
      'Tahun anggaran tidak ditemukan pada judul; dipakai 2024',
    ]);
  });

  it('keeps an initial at the start of running text but strips typed markers of list items', () => {
    const r = withTitle('KERANGKA ACUAN KERJA', 'KEGIATAN UJI TAHUN 2026');
    const r2 = interpretKak([
      p('LATAR BELAKANG'),
      p('H. Mahyeldi membuka rapat tahun lalu.'),
      p('DASAR HUKUM'),
      p('a. Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik'),
    ]);
    expect(r.draft.title).toBe('Uji');
    expect(kakOf(r2).background).toEqual(['H. Mahyeldi membuka rapat tahun lalu.']);
    expect(kakOf(r2).legalBases[0]).toMatchObject({ type: 'Undang-Undang', number: '14', year: 2008 });
  });

  it('does not take an implausible year (1999) as the fiscal year', () => {
    const r = withTitle('KERANGKA ACUAN KERJA', 'KEGIATAN ARSIP LAMA TAHUN 1999');
    expect(r.draft.title).toBe('Arsip Lama');
    expect(r.draft.fiscalYear).toBeGreaterThanOrEqual(2000);
    expect(createActivityInput.safeParse(r.draft).success).toBe(true);
  });
});

describe('what is not a KAK', () => {
  it('refuses a DOCX without any KAK section', async () => {
    await expect(parseKakDocx(await buildDocx(notAKak))).rejects.toMatchObject({ code: 'validation_failed', message: notKakMessage });
  });

  it('refuses PDF bytes, a text file, a truncated zip and a zip without word/document.xml with Indonesian messages', async () => {
    await expect(parseKakDocx(Buffer.from('%PDF-1.7\n1 0 obj\n'))).rejects.toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringMatching(/PDF, bukan dokumen Word/),
    });
    await expect(parseKakDocx(Buffer.from('KERANGKA ACUAN KERJA\nA. LATAR BELAKANG\n'))).rejects.toMatchObject({
      code: 'unsupported_media_type',
    });
    const docx = await referenceDocx();
    await expect(parseKakDocx(docx.subarray(0, Math.floor(docx.length / 2)))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/rusak atau terpotong/),
    });
    const zip = new JSZip();
    zip.file('hello.txt', 'bukan word');
    const otherZip = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(parseKakDocx(otherZip)).rejects.toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringMatching(/word\/document\.xml/),
    });
  });

  it('stops reading a small file that unpacks into a huge document (zip bomb)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document><w:body>${' '.repeat(30 * 1024 * 1024)}</w:body></w:document>`);
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(parseKakDocx(bomb)).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'Isi dokumen terlalu besar untuk dibaca sebagai KAK.',
    });
  });
});

describe('amounts and months as people type them', () => {
  it('parses rupiah in every common spelling', () => {
    expect(['Rp. 46.733.000', 'Rp 46.733.000,-', 'Rp46.733.000,00', '46.733.000', 'Rp. 46,733,000'].map(parseRupiah)).toEqual(
      Array(5).fill(46_733_000),
    );
    expect(['Rp. -', '-', '', 'Rp –'].map(parseRupiah)).toEqual([0, 0, 0, 0]);
    expect(parseRupiah('empat juta')).toBeNull();
  });

  it('parses month ranges', () => {
    expect(parseMonthRange('Januari 2019')).toMatchObject({ startMonth: 1, endMonth: 1 });
    expect(parseMonthRange('Februari 2019 – Maret 2019')).toMatchObject({ startMonth: 2, endMonth: 3 });
    expect(parseMonthRange('Feb - Mar 2019')).toMatchObject({ startMonth: 2, endMonth: 3 });
    expect(parseMonthRange('Maret')).toMatchObject({ startMonth: 3, endMonth: 3, startDate: null });
    expect(parseMonthRange('Juni s.d. Agustus 2025')).toMatchObject({ startMonth: 6, endMonth: 8 });
    expect(parseMonthRange('12 - 14 Maret 2019')).toMatchObject({ startMonth: 3, endMonth: 3 });
    expect(parseMonthRange('Menyesuaikan')).toBeNull();
  });
});
