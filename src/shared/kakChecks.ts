import { accountCodeError } from './accountCode';
import { formatDateId, monthNames, signDateError } from './dates';
import { fiscalYearsIn, kakTexts, narrativeYearsIn, titleYearsIn } from './fiscalYears';
import { maxRupiah, type Kak } from './kak';
import { formatRupiah, groupThousands } from './money';
import type { CheckResult, Issue } from './schemas/activities';

/**
 * Checks of a KAK and its budget, pure so that the SPA shows the same results as the server.
 * Errors block approval; warnings are shown but do not.
 */

export type CheckableActivity = {
  fiscalYear: number;
  officerInCharge: { name?: string | null; position?: string | null };
  kak: Kak;
  title?: string;
  signDate?: string | null;
};
export type CheckableBudgetLine = {
  accountCode: string;
  description?: string;
  amount: number;
  quarterPlan: readonly number[];
};

export const quarterNames = ['I', 'II', 'III', 'IV'] as const;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
const blank = (s: string | null | undefined) => !s || !s.trim();
const month = (m: number) => monthNames[m - 1] ?? String(m);
const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;
const dateId = (iso: string) => {
  try {
    return formatDateId(iso);
  } catch {
    return iso;
  }
};

/** "lebih kecil dari ... (selisih ...)" comparing an actual sum with the amount it should reach. */
function comparison(actual: number, expected: number): string {
  const word = actual < expected ? 'lebih kecil' : 'lebih besar';
  return `${formatRupiah(actual)} ${word} dari`;
}
const difference = (actual: number, expected: number) => `(selisih ${formatRupiah(Math.abs(actual - expected))})`;

function requiredSections(a: CheckableActivity): Issue[] {
  const kak = a.kak;
  const missing: [boolean, string, string][] = [
    [!kak.background?.some((p) => !blank(p)), 'kak.background', 'Latar belakang (bagian A) wajib diisi'],
    [blank(kak.intent), 'kak.intent', 'Maksud kegiatan (bagian B) wajib diisi'],
    [!kak.objectives?.some((p) => !blank(p)), 'kak.objectives', 'Tujuan kegiatan (bagian B) wajib diisi, minimal satu'],
    [!kak.legalBases?.length, 'kak.legalBases', 'Dasar hukum (bagian C) wajib diisi, minimal satu'],
    [!kak.method?.some((p) => !blank(p)), 'kak.method', 'Metoda pelaksanaan (bagian D) wajib diisi'],
    [!kak.schedule?.length, 'kak.schedule', 'Jadwal kegiatan (bagian D) wajib diisi, minimal satu tahapan'],
    [!kak.locations?.some((p) => !blank(p)), 'kak.locations', 'Lokasi kegiatan (bagian E) wajib diisi'],
    [!kak.outputs?.length, 'kak.outputs', 'Keluaran (bagian F) wajib diisi, minimal satu'],
    [!(kak.funding?.total > 0), 'kak.funding.total', 'Total pembiayaan (bagian G) harus lebih dari Rp 0'],
    [blank(a.officerInCharge?.name), 'officerInCharge.name', 'Nama PPTK wajib diisi'],
    [blank(a.officerInCharge?.position), 'officerInCharge.position', 'Jabatan PPTK wajib diisi'],
  ];
  return missing.filter(([m]) => m).map(([, path, message]) => ({ code: 'section_missing', path, message }));
}

function fundingQuarters(kak: Kak): Issue[] {
  const { total, quarters } = kak.funding ?? { total: 0, quarters: [0, 0, 0, 0] };
  const planned = sum(quarters);
  if (planned === total) return [];
  return [
    {
      code: 'funding_quarters_mismatch',
      path: 'kak.funding.quarters',
      message: `Jumlah rencana Triwulan I-IV ${comparison(planned, total)} total pembiayaan ${formatRupiah(total)} ${difference(planned, total)}`,
    },
  ];
}

function schedule(a: CheckableActivity): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const year = String(a.fiscalYear);
  const steps = a.kak.schedule ?? [];
  steps.forEach((s, i) => {
    const label = `Tahapan ${i + 1} ${quote(s.step)}`;
    const at = `kak.schedule.${i}`;
    if (s.endMonth < s.startMonth) {
      errors.push({
        code: 'schedule_end_before_start',
        path: `${at}.endMonth`,
        message: `${label} berakhir (${month(s.endMonth)}) sebelum dimulai (${month(s.startMonth)})`,
      });
    }
    if (s.startDate && s.endDate && s.endDate < s.startDate) {
      errors.push({
        code: 'schedule_end_before_start',
        path: `${at}.endDate`,
        message: `${label}: tanggal selesai ${dateId(s.endDate)} sebelum tanggal mulai ${dateId(s.startDate)}`,
      });
    }
    for (const [key, date, m, what] of [
      ['startDate', s.startDate, s.startMonth, 'mulai'],
      ['endDate', s.endDate, s.endMonth, 'selesai'],
    ] as const) {
      if (!date) continue;
      if (date.slice(0, 4) !== year) {
        errors.push({
          code: 'schedule_outside_year',
          path: `${at}.${key}`,
          message: `${label}: tanggal ${what} ${dateId(date)} di luar tahun anggaran ${year}`,
        });
      } else if (Number(date.slice(5, 7)) !== m) {
        warnings.push({
          code: 'schedule_date_month_mismatch',
          path: `${at}.${key}`,
          message: `${label}: tanggal ${what} ${dateId(date)} tidak berada di bulan ${what} (${month(m)})`,
        });
      }
    }
  });
  // A meeting should not start before any of its preparation steps has ended.
  steps.forEach((meeting, i) => {
    if (meeting.kind !== 'meeting') return;
    steps.forEach((prep) => {
      if (prep.kind !== 'preparation') return;
      const byDate = meeting.startDate && prep.endDate;
      const early = byDate ? meeting.startDate! < prep.endDate! : meeting.startMonth < prep.endMonth;
      if (!early) return;
      const meetingAt = byDate ? dateId(meeting.startDate!) : month(meeting.startMonth);
      const prepAt = byDate ? dateId(prep.endDate!) : month(prep.endMonth);
      warnings.push({
        code: 'meeting_before_preparation',
        path: `kak.schedule.${i}`,
        message: `Rapat ${quote(meeting.step)} dijadwalkan mulai ${meetingAt}, sebelum persiapan ${quote(prep.step)} selesai (${prepAt})`,
      });
    });
  });
  return { errors, warnings };
}

function budget(kak: Kak, lines: readonly CheckableBudgetLine[]): { errors: Issue[]; warnings: Issue[] } {
  if (!lines.length) {
    return { errors: [], warnings: [{ code: 'budget_lines_missing', path: 'budgetLines', message: 'Rincian anggaran belum diisi' }] };
  }
  const errors: Issue[] = [];
  lines.forEach((l, i) => {
    const name = l.description ? quote(l.description) : `${i + 1}`;
    const codeError = accountCodeError(l.accountCode);
    if (codeError)
      errors.push({ code: 'account_code_invalid', path: `budgetLines.${i}.accountCode`, message: `Rincian ${name}: ${codeError}` });
    const planned = sum(l.quarterPlan);
    if (planned !== l.amount) {
      errors.push({
        code: 'budget_line_quarters_mismatch',
        path: `budgetLines.${i}.quarterPlan`,
        message: `Rincian ${name}: rencana per triwulan ${comparison(planned, l.amount)} jumlahnya ${formatRupiah(l.amount)} ${difference(planned, l.amount)}`,
      });
    }
  });
  const funding = kak.funding ?? { total: 0, quarters: [0, 0, 0, 0] };
  const total = sum(lines.map((l) => l.amount));
  if (total !== funding.total) {
    errors.push({
      code: 'budget_total_mismatch',
      path: 'budgetLines',
      message: `Jumlah rincian anggaran ${comparison(total, funding.total)} total pembiayaan ${formatRupiah(funding.total)} ${difference(total, funding.total)}`,
    });
  }
  quarterNames.forEach((q, i) => {
    const lineSum = sum(lines.map((l) => l.quarterPlan[i] ?? 0));
    const plan = funding.quarters[i] ?? 0;
    if (lineSum === plan) return;
    errors.push({
      code: 'budget_quarter_mismatch',
      path: `budgetLines.quarter${i + 1}`,
      message: `Jumlah rincian anggaran Triwulan ${q} ${comparison(lineSum, plan)} rencana ${formatRupiah(plan)} ${difference(lineSum, plan)}`,
    });
  });
  return { errors, warnings: [] };
}

/** A sign date stored before impossible dates were refused ("2027-02-30") blocks approval. */
function signDate(a: CheckableActivity): Issue[] {
  const error = a.signDate ? signDateError(a.signDate) : null;
  return error ? [{ code: 'sign_date_invalid', path: 'signDate', message: `Tanggal penandatanganan ${a.signDate}: ${error}` }] : [];
}

const sectionNames: [string, string][] = [
  ['kak.background', 'Latar belakang (bagian A)'],
  ['kak.intent', 'Maksud (bagian B)'],
  ['kak.objectives', 'Tujuan (bagian B)'],
  ['kak.legalBases', 'Dasar hukum (bagian C)'],
  ['kak.method', 'Metoda pelaksanaan (bagian D)'],
  ['kak.participants', 'Peserta (bagian D)'],
  ['kak.schedule', 'Jadwal (bagian D)'],
  ['kak.locations', 'Lokasi (bagian E)'],
  ['kak.outputs', 'Keluaran (bagian F)'],
  ['kak.funding', 'Pembiayaan (bagian G)'],
];
/** "kak.legalBases.1.text" -> "Dasar hukum (bagian C) nomor 2". */
function fieldName(path: string): string {
  const section = sectionNames.find(([prefix]) => path.startsWith(prefix));
  const item = /^kak\.\w+\.(\d+)/.exec(path)?.[1];
  const name = section?.[1] ?? path;
  return item !== undefined ? `${name} nomor ${Number(item) + 1}` : name;
}

/**
 * Years left in the text that differ from the fiscal year (e.g. after copying a KAK to another year):
 * fiscal-year phrases ("Tahun Anggaran 2020", "TA 2020", "APBD ... Tahun 2020") anywhere, including the legal bases;
 * "tahun 2020" in running text outside the legal bases; a year in the title. Legal citations ("Nomor 14 Tahun 2008")
 * and periods ("Tahun 2016-2021") are not years of the activity and are never reported. Warnings: a KAK may
 * rightly mention another year, the person approving it decides.
 */
function yearsInText(a: CheckableActivity): Issue[] {
  const fy = a.fiscalYear;
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const push = (code: string, path: string, y: number, message: string) => {
    if (y === fy || seen.has(`${path}|${y}`)) return;
    seen.add(`${path}|${y}`);
    issues.push({ code, path, message });
  };
  for (const y of a.title ? titleYearsIn(a.title) : []) {
    push('other_year_in_text', 'title', y, `Judul kegiatan menyebut tahun ${y}, sedangkan tahun anggaran kegiatan ini ${fy}`);
  }
  for (const { path, text, legal } of kakTexts(a.kak)) {
    for (const y of fiscalYearsIn(text)) {
      push('fiscal_year_mismatch', path, y, `${fieldName(path)} menyebut Tahun Anggaran ${y}, sedangkan kegiatan ini Tahun Anggaran ${fy}`);
    }
    if (legal) continue;
    for (const y of narrativeYearsIn(text)) {
      push(
        'other_year_in_text',
        path,
        y,
        `${fieldName(path)} menyebut tahun ${y}, sedangkan tahun anggaran kegiatan ini ${fy}: periksa apakah masih berlaku`,
      );
    }
  }
  return issues;
}

/** All checks of an activity's KAK and budget lines. */
export function checkActivity(activity: CheckableActivity, budgetLines: readonly CheckableBudgetLine[]): CheckResult {
  const s = schedule(activity);
  const b = budget(activity.kak, budgetLines);
  return {
    errors: [...requiredSections(activity), ...signDate(activity), ...fundingQuarters(activity.kak), ...s.errors, ...b.errors],
    warnings: [...yearsInText(activity), ...s.warnings, ...b.warnings],
  };
}

/**
 * Amount of a budget line: volume (up to 2 decimals) x unit price, in exact integer arithmetic.
 * Refuses, rather than rounds, a product that is not whole rupiah.
 */
export function computeLineAmount(volume: number, unitPrice: number): { amount: number } | { error: string } {
  const cents = BigInt(Math.round(volume * 100)) * BigInt(unitPrice);
  if (cents % 100n !== 0n) {
    const whole = Number(cents / 100n);
    const frac = String(cents % 100n).padStart(2, '0');
    return { error: `Volume x harga satuan = Rp ${groupThousands(whole)},${frac}, bukan rupiah bulat. Ubah volume atau harga satuan.` };
  }
  const amount = cents / 100n;
  if (amount > BigInt(maxRupiah))
    return { error: 'Jumlah (volume x harga satuan) melebihi batas wajar (paling besar Rp 999.999.999.999.999)' };
  return { amount: Number(amount) };
}
