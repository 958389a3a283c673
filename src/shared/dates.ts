/**
 * Dates as Indonesian documents print them ("26 November 2026", "Februari 2019 – Maret 2019").
 * Calendar dates (YYYY-MM-DD) have no time zone; instants are shown in WIB (Asia/Jakarta).
 */

export const monthNames = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

export const jakartaTimeZone = 'Asia/Jakarta';

function monthName(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Bulan harus 1-12: ${month}`);
  return monthNames[month - 1]!;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Tahun tidak valid: ${year}`);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a calendar date "YYYY-MM-DD" is not one, in Indonesian, or null when it is a real day
 * ("2027-02-30" -> "Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28").
 * The one rule behind every date field of the shared schemas and the documents.
 */
export function isoDateError(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'Tanggal harus berformat YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return 'Tahun tidak valid';
  if (month < 1 || month > 12) return 'Bulan harus 01-12';
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `Tanggal tidak ada: ${monthNames[month - 1]} ${year} hanya sampai tanggal ${last}`;
  return null;
}

/** Like isoDateError for a sign date, which may also be a month only ("YYYY-MM", printed "Januari 2019"). */
export function signDateError(value: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return Number(m[1]) < 1 ? 'Tahun tidak valid' : Number(m[2]) < 1 || Number(m[2]) > 12 ? 'Bulan harus 01-12' : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Tanggal harus YYYY-MM atau YYYY-MM-DD';
  return isoDateError(value);
}

/** Parses "YYYY-MM-DD" strictly (no impossible days such as 30 February). */
function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const error = isoDateError(iso);
  if (error) throw new RangeError(`${error}: ${iso}`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** "2026-11-26" -> "26 November 2026". */
export function formatDateId(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day} ${monthName(month)} ${year}`;
}

/** (2019, 1) -> "Januari 2019". */
export function formatMonthYear(year: number, month: number): string {
  checkYear(year);
  return `${monthName(month)} ${year}`;
}

/** (2019, 2, 3) -> "Februari 2019 – Maret 2019"; one month when start and end are the same. */
export function formatMonthRange(year: number, startMonth: number, endMonth: number): string {
  const start = formatMonthYear(year, startMonth);
  return startMonth === endMonth ? start : `${start} – ${formatMonthYear(year, endMonth)}`;
}

/** The date under a signature: "2019-01" -> "Januari 2019", "2019-01-15" -> "15 Januari 2019". */
export function formatSignDate(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return formatMonthYear(Number(m[1]), Number(m[2]));
  return formatDateId(value);
}

const jakartaParts = new Intl.DateTimeFormat('en-US', {
  timeZone: jakartaTimeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar date and clock time of an instant in WIB. */
export function jakartaDateParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Waktu tidak valid');
  const parts = Object.fromEntries(jakartaParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The WIB calendar date of an instant as "YYYY-MM-DD" (e.g. to store "today" in Jakarta). */
export function jakartaIsoDate(instant: Date): string {
  const p = jakartaDateParts(instant);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * An instant as the date in Jakarta: 2026-11-25T20:00Z -> "26 November 2026";
 * with `time: true` -> "26 November 2026 pukul 03.00 WIB".
 */
export function formatInstantId(instant: Date, opts: { time?: boolean } = {}): string {
  const p = jakartaDateParts(instant);
  const date = `${p.day} ${monthName(p.month)} ${p.year}`;
  if (!opts.time) return date;
  return `${date} pukul ${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')} WIB`;
}
