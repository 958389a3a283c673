import { describe, expect, it } from 'vitest';
import { kakSchema, type Kak } from './kak';
import { checkActivity, computeLineAmount, type CheckableBudgetLine } from './kakChecks';
import { replaceFiscalYear } from './fiscalYears';
import { reference2019 } from '../server/seed/reference2019';

function activity(kak: Partial<Kak> = {}, extra: { fiscalYear?: number; name?: string; position?: string } = {}) {
  return {
    fiscalYear: extra.fiscalYear ?? 2019,
    officerInCharge: { name: extra.name ?? 'Rina Contoh', position: extra.position ?? 'PPTK' },
    kak: { ...kakSchema.parse(structuredClone(reference2019.kak)), ...kak },
  };
}
const line = (amount: number, quarter: number, accountCode = '5.1.02.02.01.0003'): CheckableBudgetLine => {
  const quarterPlan = [0, 0, 0, 0];
  quarterPlan[quarter - 1] = amount;
  return { accountCode, description: 'Rincian uji', amount, quarterPlan };
};
const matchingLines = [line(46_733_000, 1), line(1_624_960, 2)];
const messages = (issues: { message: string }[]) => issues.map((i) => i.message);

describe('KAK checks', () => {
  it('finds nothing wrong in the 2019 reference with budget lines that add up', () => {
    expect(checkActivity(activity(), matchingLines)).toEqual({ errors: [], warnings: [] });
  });

  it('reports a stored sign date that is not a real day as an error, and accepts a real one', () => {
    const bad = checkActivity({ ...activity(), signDate: '2019-02-30' }, matchingLines);
    expect(bad.errors).toEqual([
      {
        code: 'sign_date_invalid',
        path: 'signDate',
        message: 'Tanggal penandatanganan 2019-02-30: Tanggal tidak ada: Februari 2019 hanya sampai tanggal 28',
      },
    ]);
    expect(checkActivity({ ...activity(), signDate: '2019-02-28' }, matchingLines).errors).toEqual([]);
    expect(checkActivity({ ...activity(), signDate: '2019-01' }, matchingLines).errors).toEqual([]);
  });

  it("warns about a fiscal year left in the text that is not the activity's, wherever it stands", () => {
    const kak = kakSchema.parse(structuredClone(reference2019.kak));
    // The 2019 reference under 2027: its APBD regulation still says Tahun Anggaran 2019.
    const r = checkActivity({ ...activity(), fiscalYear: 2027, title: 'Koordinasi Kehumasan 2019' }, matchingLines);
    const years = r.warnings.filter((w) => w.code === 'fiscal_year_mismatch' || w.code === 'other_year_in_text');
    expect(years).toEqual([
      {
        code: 'other_year_in_text',
        path: 'title',
        message: 'Judul kegiatan menyebut tahun 2019, sedangkan tahun anggaran kegiatan ini 2027',
      },
      {
        code: 'fiscal_year_mismatch',
        path: 'kak.legalBases.1.text',
        message: 'Dasar hukum (bagian C) nomor 2 menyebut Tahun Anggaran 2019, sedangkan kegiatan ini Tahun Anggaran 2027',
      },
    ]);
    const phrased = checkActivity(
      activity(
        {
          background: [
            'Kegiatan ini dibiayai APBD Provinsi Sumatera Barat Tahun 2020 dan dilaksanakan pada tahun 2020.',
            ...kak.background,
          ],
          intent: 'Rapat koordinasi TA 2020, sesuai DPA Biro Humas Tahun 2020.',
          method: ['Evaluasi kegiatan tahun 2026 menjadi bahan rapat.'],
          outputs: [{ description: 'Laporan kegiatan tahun anggaran 2020', indicator: '', target: '1 laporan' }],
        },
        { fiscalYear: 2027 },
      ),
      matchingLines,
    ).warnings.map((w) => `${w.path}: ${w.message}`);
    // One warning per field and year: the background names 2020 twice.
    expect(phrased).toEqual([
      'kak.background.0: Latar belakang (bagian A) nomor 1 menyebut Tahun Anggaran 2020, sedangkan kegiatan ini Tahun Anggaran 2027',
      'kak.intent: Maksud (bagian B) menyebut Tahun Anggaran 2020, sedangkan kegiatan ini Tahun Anggaran 2027',
      'kak.legalBases.1.text: Dasar hukum (bagian C) nomor 2 menyebut Tahun Anggaran 2019, sedangkan kegiatan ini Tahun Anggaran 2027',
      'kak.method.0: Metoda pelaksanaan (bagian D) nomor 1 menyebut tahun 2026, sedangkan tahun anggaran kegiatan ini 2027: periksa apakah masih berlaku',
      'kak.outputs.0.description: Keluaran (bagian F) nomor 1 menyebut Tahun Anggaran 2020, sedangkan kegiatan ini Tahun Anggaran 2027',
    ]);
  });

  it('does not report legal citations, periods or the fiscal year itself', () => {
    const legalBases = [
      { text: 'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.' },
      { text: 'Peraturan Daerah Provinsi Sumatera Barat Nomor 8 Tahun 2016 tentang Pembentukan Perangkat Daerah.' },
      { text: 'Peraturan Daerah tentang Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2027.' },
    ];
    const background = [
      'Sesuai Undang-Undang Nomor 14 Tahun 2008 dan UU No. 23 Tahun 2014, humas wajib terbuka.',
      'RENSTRA Tahun 2016-2021 dan RPJMD Tahun 2021 – 2026 menjadi acuan; kegiatan ini Tahun Anggaran 2027 pada tahun 2027.',
    ];
    const r = checkActivity(
      { ...activity({ legalBases, background }, { fiscalYear: 2027 }), title: 'Rakor Humas 2027 (Renstra 2021-2026)' },
      matchingLines,
    );
    expect(r.warnings.filter((w) => w.code === 'fiscal_year_mismatch' || w.code === 'other_year_in_text')).toEqual([]);
    // The 2019 reference under its own year: nothing to report.
    expect(checkActivity({ ...activity(), title: 'Koordinasi Kehumasan' }, matchingLines)).toEqual({ errors: [], warnings: [] });
  });

  it('replaces the fiscal year only where it stands for the fiscal year', () => {
    expect(replaceFiscalYear('APBD Provinsi Sumatera Barat Tahun Anggaran 2020; TA 2020; T.A. 2020; tahun anggaran 2020', 2020, 2027)).toBe(
      'APBD Provinsi Sumatera Barat Tahun Anggaran 2027; TA 2027; T.A. 2027; tahun anggaran 2027',
    );
    expect(replaceFiscalYear('APBD Provinsi Sumatera Barat Tahun 2020', 2020, 2027)).toBe('APBD Provinsi Sumatera Barat Tahun 2027');
    expect(
      replaceFiscalYear('Undang-Undang Nomor 14 Tahun 2020; RENSTRA Tahun 2016-2021; pada tahun 2020; Tahun Anggaran 2019', 2020, 2027),
    ).toBe('Undang-Undang Nomor 14 Tahun 2020; RENSTRA Tahun 2016-2021; pada tahun 2020; Tahun Anggaran 2019');
  });

  it('reports every missing mandatory section as an error', () => {
    const empty = kakSchema.parse({});
    const r = checkActivity({ fiscalYear: 2019, officerInCharge: { name: '', position: ' ' }, kak: empty }, []);
    expect(r.errors.map((e) => e.path)).toEqual([
      'kak.background',
      'kak.intent',
      'kak.objectives',
      'kak.legalBases',
      'kak.method',
      'kak.schedule',
      'kak.locations',
      'kak.outputs',
      'kak.funding.total',
      'officerInCharge.name',
      'officerInCharge.position',
    ]);
    expect(messages(r.errors)).toContain('Latar belakang (bagian A) wajib diisi');
    expect(messages(r.errors)).toContain('Total pembiayaan (bagian G) harus lebih dari Rp 0');
    expect(messages(r.errors)).toContain('Nama PPTK wajib diisi');
    expect(r.errors.every((e) => e.code === 'section_missing')).toBe(true);
  });

  it('treats a background of blank paragraphs as missing', () => {
    const r = checkActivity(activity({ background: ['   '] }), matchingLines);
    expect(messages(r.errors)).toEqual(['Latar belakang (bagian A) wajib diisi']);
  });

  it('says by how much the quarters miss the funding total', () => {
    const funding = { ...reference2019.kak.funding, quarters: [46_733_000, 1_000_000, 0, 0] as [number, number, number, number] };
    const r = checkActivity(activity({ funding }), []);
    expect(messages(r.errors)).toEqual([
      'Jumlah rencana Triwulan I-IV Rp 47.733.000 lebih kecil dari total pembiayaan Rp 48.357.960 (selisih Rp 624.960)',
    ]);
  });

  it('refuses a step that ends before it starts, by month or by date', () => {
    const schedule = [
      { step: 'Penentuan narasumber', startMonth: 3, endMonth: 2, kind: 'preparation' as const, status: 'planned' as const },
      {
        step: 'Rapat',
        startMonth: 3,
        endMonth: 3,
        startDate: '2019-03-20',
        endDate: '2019-03-19',
        kind: 'meeting' as const,
        status: 'planned' as const,
      },
    ];
    const r = checkActivity(activity({ schedule }), matchingLines);
    expect(messages(r.errors)).toEqual([
      'Tahapan 1 "Penentuan narasumber" berakhir (Februari) sebelum dimulai (Maret)',
      'Tahapan 2 "Rapat": tanggal selesai 19 Maret 2019 sebelum tanggal mulai 20 Maret 2019',
    ]);
    expect(r.errors[0]!.path).toBe('kak.schedule.0.endMonth');
  });

  it('refuses exact dates outside the fiscal year', () => {
    const schedule = [
      {
        step: 'Rapat koordinasi',
        startMonth: 12,
        endMonth: 12,
        startDate: '2019-12-30',
        endDate: '2020-01-02',
        kind: 'meeting' as const,
        status: 'planned' as const,
      },
    ];
    const r = checkActivity(activity({ schedule }), matchingLines);
    expect(r.errors).toEqual([
      {
        code: 'schedule_outside_year',
        path: 'kak.schedule.0.endDate',
        message: 'Tahapan 1 "Rapat koordinasi": tanggal selesai 2 Januari 2020 di luar tahun anggaran 2019',
      },
    ]);
  });

  it('warns when an exact date is not in the month of the table', () => {
    const schedule = [
      { step: 'Rapat', startMonth: 3, endMonth: 3, startDate: '2019-04-02', kind: 'meeting' as const, status: 'planned' as const },
    ];
    const r = checkActivity(activity({ schedule }), matchingLines);
    expect(r.errors).toEqual([]);
    expect(messages(r.warnings)).toEqual(['Tahapan 1 "Rapat": tanggal mulai 2 April 2019 tidak berada di bulan mulai (Maret)']);
  });

  it('warns, without an error, when the meeting starts before a preparation step ends', () => {
    const schedule = [
      { step: 'Penentuan narasumber', startMonth: 2, endMonth: 4, kind: 'preparation' as const, status: 'planned' as const },
      { step: 'Rapat Koordinasi Kehumasan', startMonth: 3, endMonth: 3, kind: 'meeting' as const, status: 'planned' as const },
    ];
    const r = checkActivity(activity({ schedule }), matchingLines);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      {
        code: 'meeting_before_preparation',
        path: 'kak.schedule.1',
        message: 'Rapat "Rapat Koordinasi Kehumasan" dijadwalkan mulai Maret, sebelum persiapan "Penentuan narasumber" selesai (April)',
      },
    ]);
  });

  it('compares exact dates when both are known, so the same month is fine when the meeting follows', () => {
    const steps = (meetingDay: string) => [
      { step: 'Dokumen', startMonth: 3, endMonth: 3, endDate: '2019-03-10', kind: 'preparation' as const, status: 'planned' as const },
      { step: 'Rapat', startMonth: 3, endMonth: 3, startDate: meetingDay, kind: 'meeting' as const, status: 'planned' as const },
    ];
    expect(checkActivity(activity({ schedule: steps('2019-03-14') }), matchingLines).warnings).toEqual([]);
    expect(messages(checkActivity(activity({ schedule: steps('2019-03-05') }), matchingLines).warnings)).toEqual([
      'Rapat "Rapat" dijadwalkan mulai 5 Maret 2019, sebelum persiapan "Dokumen" selesai (10 Maret 2019)',
    ]);
  });

  it('says by how much the budget lines miss the funding total and each quarter', () => {
    const r = checkActivity(activity(), [line(46_733_000, 1), line(1_000_000, 2)]);
    expect(messages(r.errors)).toEqual([
      'Jumlah rincian anggaran Rp 47.733.000 lebih kecil dari total pembiayaan Rp 48.357.960 (selisih Rp 624.960)',
      'Jumlah rincian anggaran Triwulan II Rp 1.000.000 lebih kecil dari rencana Rp 1.624.960 (selisih Rp 624.960)',
    ]);
    const over = checkActivity(activity(), [...matchingLines, line(500_000, 3)]);
    expect(messages(over.errors)).toEqual([
      'Jumlah rincian anggaran Rp 48.857.960 lebih besar dari total pembiayaan Rp 48.357.960 (selisih Rp 500.000)',
      'Jumlah rincian anggaran Triwulan III Rp 500.000 lebih besar dari rencana Rp 0 (selisih Rp 500.000)',
    ]);
  });

  it('flags a line whose quarters do not add up to its amount, and a malformed account code', () => {
    const bad = { accountCode: '5.1.2.2', description: 'ATK', amount: 1_000_000, quarterPlan: [600_000, 0, 0, 0] };
    const r = checkActivity(activity(), [bad]);
    expect(r.errors.map((e) => e.code)).toEqual([
      'account_code_invalid',
      'budget_line_quarters_mismatch',
      'budget_total_mismatch',
      'budget_quarter_mismatch',
      'budget_quarter_mismatch',
    ]);
    expect(r.errors[1]!.message).toBe(
      'Rincian "ATK": rencana per triwulan Rp 600.000 lebih kecil dari jumlahnya Rp 1.000.000 (selisih Rp 400.000)',
    );
  });

  it('only warns while there are no budget lines', () => {
    const r = checkActivity(activity(), []);
    expect(r.errors).toEqual([]);
    expect(messages(r.warnings)).toEqual(['Rincian anggaran belum diisi']);
  });
});

describe('budget line amount', () => {
  it('multiplies a volume with two decimals exactly', () => {
    expect(computeLineAmount(2.5, 1_000_000)).toEqual({ amount: 2_500_000 });
    expect(computeLineAmount(1.15, 100)).toEqual({ amount: 115 });
    expect(computeLineAmount(32, 50_780)).toEqual({ amount: 1_624_960 });
  });

  it('refuses, rather than rounds, an amount that is not whole rupiah', () => {
    expect(computeLineAmount(2.5, 1_001)).toEqual({
      error: 'Volume x harga satuan = Rp 2.502,50, bukan rupiah bulat. Ubah volume atau harga satuan.',
    });
  });

  it('refuses an amount above the sane bound', () => {
    expect(computeLineAmount(1_000_000, 1_000_000_000_000)).toHaveProperty('error');
  });
});
