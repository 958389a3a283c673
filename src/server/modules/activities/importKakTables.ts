import type { KakInput } from '../../../shared/kak';
import type { DocTable } from './importKakDocx';
import { clean, monthNumber, parseMonthRange, parseRupiah } from './importKakFields';

/**
 * The two tables a KAK has: the schedule (No. | Kegiatan | Waktu, or a month-by-month chart with
 * marks) and the funding plan per quarter (Triwulan I..IV). Recognised by their header row.
 */

type Step = NonNullable<KakInput['schedule']>[number];
export type ReadTable =
  | { kind: 'empty' }
  | { kind: 'other' }
  | { kind: 'schedule'; steps: Step[]; problems: string[] }
  | { kind: 'funding'; quarters: [number, number, number, number]; label: string; total: number | null; problems: string[] };

/** A month name in a header cell; also when a narrow PDF column broke it ("Ag u"). */
const monthOfHeader = (c: string): number | null => monthNumber(clean(c)) ?? monthNumber(clean(c).replace(/\s+/g, ''));
const isMark = (c: string) => /^[xXvV✓✔√■█•*]$|^ok$/i.test(c);
const quote = (s: string, max = 80) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;
const quarterOf = (cell: string): number | null => {
  const m = /^(?:tri\s*b?\s*wulan|tw\.?)\s*-?\s*(IV|I{1,3}|[1-4])$/i.exec(cell);
  if (!m) return null;
  const v = m[1]!.toUpperCase();
  return { I: 1, II: 2, III: 3, IV: 4 }[v] ?? Number(v);
};
const isStepHeader = (c: string) => /kegiatan|uraian|tahap(an)?|aktivitas/i.test(c);
const isTimeHeader = (c: string) => /^(waktu|bulan|jadwal|waktu pelaksanaan|jadwal pelaksanaan|pelaksanaan|tanggal)\b/i.test(c);
const isNumberHeader = (c: string) => /^no\.?$|^nomor$/i.test(c);
const preparationWords =
  /persiapan|mempersiapkan|pembentukan|penentuan|penyusunan|menyusun|undangan|koordinasi awal|perencanaan|pengadaan/i;
const meetingWords =
  /rapat|rakor|melaksanakan kegiatan|pelaksanaan kegiatan|penyelenggaraan|seminar|lokakarya|workshop|pertemuan|pelatihan|bimtek|sosialisasi|diseminasi/i;
const afterWords = /evaluasi|laporan|pelaporan|pertanggungjawaban/i;
const kindOf = (step: string): Step['kind'] =>
  afterWords.test(step) ? 'other' : preparationWords.test(step) ? 'preparation' : meetingWords.test(step) ? 'meeting' : 'other';

function schedule(rows: string[][], h: number, stepCol: number, timeCol: number, responsibleCol: number): ReadTable {
  const steps: Step[] = [];
  const problems: string[] = [];
  for (const row of rows.slice(h + 1)) {
    if (row.every((c) => !c || /^\d{1,2}\.?$/.test(c))) continue; // empty or only a number
    const step = clean(row[stepCol] ?? '');
    const time = clean(row[timeCol] ?? '');
    if (!step) {
      problems.push(`Baris jadwal tanpa uraian kegiatan: ${quote(row.join(' | '))}`);
      continue;
    }
    const quarters = parseMonthRange(time) ? null : quarterRange(time);
    const range = parseMonthRange(time) ?? (quarters ? { ...quarters, startDate: null, endDate: null } : null);
    if (!range) {
      problems.push(`Waktu jadwal tidak dikenali untuk ${quote(step)}: ${quote(time || '(kosong)')}`);
      continue;
    }
    if (range.endMonth < range.startMonth) {
      problems.push(`Waktu jadwal melewati akhir tahun untuk ${quote(step)}: ${quote(time)}; dipakai bulan ${range.startMonth} saja`);
      range.endMonth = range.startMonth;
      range.endDate = null;
    }
    const responsible = responsibleCol >= 0 ? clean(row[responsibleCol] ?? '') : '';
    steps.push({
      step,
      startMonth: range.startMonth,
      endMonth: range.endMonth,
      ...(range.startDate ? { startDate: range.startDate } : {}),
      ...(range.endDate ? { endDate: range.endDate } : {}),
      ...(responsible ? { responsible } : {}),
      kind: kindOf(step),
      status: 'planned',
    });
  }
  return { kind: 'schedule', steps, problems };
}

/** A schedule drawn as a chart: one column per month, the months of each step marked (x, v, shading text). */
function monthChart(rows: string[][], h: number, stepCol: number, monthCols: Map<number, number>): ReadTable {
  const steps: Step[] = [];
  const problems: string[] = [];
  for (const row of rows.slice(h + 1)) {
    const step = clean(row[stepCol] ?? '');
    const marked = [...monthCols].filter(([col]) => clean(row[col] ?? '') !== '').map(([, m]) => m);
    if (!step && !marked.length) continue;
    if (!step) continue;
    if (!marked.length) {
      problems.push(`Jadwal tanpa bulan bertanda untuk ${quote(step)}`);
      continue;
    }
    steps.push({ step, startMonth: Math.min(...marked), endMonth: Math.max(...marked), kind: kindOf(step), status: 'planned' });
  }
  return { kind: 'schedule', steps, problems };
}

/** A schedule drawn against Triwulan I..IV: each marked quarter is three months. */
function quarterChart(rows: string[][], h: number, stepCol: number, quarterCols: Map<number, number>): ReadTable {
  const steps: Step[] = [];
  const problems: string[] = [];
  for (const row of rows.slice(h + 1)) {
    const step = clean(row[stepCol] ?? '');
    const marked = [...quarterCols].filter(([col]) => clean(row[col] ?? '') !== '').map(([, q]) => q);
    if (!step) continue;
    if (!marked.length) {
      problems.push(`Jadwal tanpa triwulan bertanda untuk ${quote(step)}`);
      continue;
    }
    steps.push({
      step,
      startMonth: (Math.min(...marked) - 1) * 3 + 1,
      endMonth: Math.max(...marked) * 3,
      kind: kindOf(step),
      status: 'planned',
    });
  }
  return { kind: 'schedule', steps, problems };
}

/** "Triwulan II", "TW I - II", "Triwulan III s.d. IV" -> months; null when no quarter is named. */
export function quarterRange(s: string): { startMonth: number; endMonth: number } | null {
  const m =
    /(?:tri\s*wulan|tw\.?)\s*-?\s*(IV|I{1,3}|[1-4])\b(?:\s*(?:-|–|s\.?\s*d\.?|sampai(?:\s+dengan)?)\s*(?:(?:tri\s*wulan|tw\.?)\s*)?(IV|I{1,3}|[1-4])\b)?/i.exec(
      s,
    );
  if (!m) return null;
  const q = (v: string) => ({ I: 1, II: 2, III: 3, IV: 4 })[v.toUpperCase() as 'I'] ?? Number(v);
  const a = q(m[1]!);
  const b = m[2] ? q(m[2]) : a;
  return { startMonth: (a - 1) * 3 + 1, endMonth: b * 3 };
}

function funding(rows: string[][], h: number, quarterCols: Map<number, number>): ReadTable {
  const header = rows[h]!.map(clean);
  const labelCol = header.findIndex((c) => isStepHeader(c) || /program/i.test(c));
  const totalCol = header.findIndex((c) => /^(jumlah|total)\b/i.test(c));
  const problems: string[] = [];
  const sums: [number, number, number, number] = [0, 0, 0, 0];
  let totalsRow: [number, number, number, number] | null = null;
  let total: number | null = null;
  const labels: string[] = [];
  for (const row of rows.slice(h + 1)) {
    const cells = row.map(clean);
    if (cells.every((c) => !c || /^\d{1,2}\.?$/.test(c))) continue;
    const label = labelCol >= 0 ? (cells[labelCol] ?? '') : '';
    const amounts: [number, number, number, number] = [0, 0, 0, 0];
    let ok = true;
    for (const [col, q] of quarterCols) {
      const v = parseRupiah(cells[col] ?? '');
      if (v === null) {
        problems.push(`Nilai Triwulan ${['I', 'II', 'III', 'IV'][q - 1]} tidak dikenali: ${quote(cells[col] ?? '')}`);
        ok = false;
      } else amounts[q - 1] = v;
    }
    if (!ok) continue;
    const rowTotal = totalCol >= 0 ? parseRupiah(cells[totalCol] ?? '') : null;
    if (/^(jumlah|total)\b/i.test(label) || cells.some((c) => /^(jumlah|total)( keseluruhan)?$/i.test(c))) {
      totalsRow = amounts;
      if (rowTotal !== null) total = rowTotal;
      continue;
    }
    if (label) labels.push(label);
    amounts.forEach((v, i) => (sums[i] += v));
    if (rowTotal !== null) total = (total ?? 0) + rowTotal;
  }
  return { kind: 'funding', quarters: totalsRow ?? sums, label: labels.length === 1 ? labels[0]! : '', total, problems };
}

/** Classifies a table by its first rows and reads it. */
export function readTable(table: DocTable): ReadTable {
  const rows = table.rows;
  if (rows.every((r) => r.every((c) => !clean(c)))) return { kind: 'empty' };
  for (let h = 0; h < Math.min(3, rows.length); h++) {
    const header = rows[h]!.map(clean);
    const quarterCols = new Map<number, number>();
    header.forEach((c, i) => {
      const q = quarterOf(c);
      if (q) quarterCols.set(i, q);
    });
    if (quarterCols.size >= 2) {
      // Marks (X, v, ✓, shading) under the quarters make a schedule; amounts make the funding plan.
      const body = rows.slice(h + 1).flatMap((r) => [...quarterCols.keys()].map((i) => clean(r[i] ?? '')));
      const stepCol = header.findIndex((c) => isStepHeader(c) && !isTimeHeader(c) && !quarterOf(c));
      if (stepCol >= 0 && body.some(isMark) && !body.some((c) => (parseRupiah(c) ?? 0) > 0))
        return quarterChart(rows, h, stepCol, quarterCols);
      return funding(rows, h, quarterCols);
    }

    const stepCol = header.findIndex((c) => isStepHeader(c) && !isTimeHeader(c));
    if (stepCol < 0) continue;
    const timeCol = header.findIndex((c, i) => i !== stepCol && isTimeHeader(c));
    // "Bulan" over a row of month names is a chart, not a time column.
    const monthsBelow = (rows[h + 1] ?? []).filter((c) => monthOfHeader(c)).length >= 3;
    if (timeCol >= 0 && !monthsBelow) {
      const responsibleCol = header.findIndex((c) => /penanggung\s*jawab|^pj$|^pelaksana$/i.test(c));
      return schedule(rows, h, stepCol, timeCol, responsibleCol);
    }
    const monthCols = new Map<number, number>();
    // The month names may sit in this header row or in the one below it (a "Bulan" cell spanning them).
    for (const r of [h, h + 1]) {
      (rows[r] ?? []).forEach((c, i) => {
        const m = monthOfHeader(c);
        if (m && i !== stepCol) monthCols.set(i, m);
      });
      // Weeks under months: a month cell spans its week columns (1..4 or I..IV in the row below).
      const weeks = (rows[r + 1] ?? []).map((c) => /^(?:m(?:inggu)?\s*-?\s*)?(?:[1-5]|I{1,3}|IV|V)$/i.test(clean(c)));
      if (monthCols.size >= 1 && weeks.filter(Boolean).length >= 4 && weeks.filter(Boolean).length > monthCols.size) {
        let month: number | null = null;
        (rows[r] ?? []).forEach((c, i) => {
          const m = monthOfHeader(c);
          if (m && i !== stepCol) month = m;
          else if (clean(c)) month = null;
          if (month && weeks[i]) monthCols.set(i, month);
        });
        return monthChart(rows, r + 1, stepCol, monthCols);
      }
      if (monthCols.size >= 3) {
        return monthChart(rows, r, stepCol, monthCols);
      }
      monthCols.clear();
    }
    if (header.some(isNumberHeader)) continue;
  }
  return { kind: 'other' };
}
