import type { InstitutionCategory } from '../../../shared/categories';

/** Small parsers for the pieces of a KAK as people type them in Word: amounts, months, regulations, titles. */

/** One line of text: tabs and runs of spaces collapsed, Word's non-breaking spaces made plain. */
export function clean(s: string): string {
  return s
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Literal list markers typed by hand: "1.", "a.", "1)", "(a)", "iv.", "-", "•". */
const listPrefix = /^(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|[-–•·▪●○*])\s+/;
const numberPrefix = /^(?:\(?\d{1,2}[.)]|[-–•·▪●○*])\s+/;
/**
 * Strips a typed list marker. Letter markers only where lists are expected (`letters`), since running
 * text may start with an initial ("H. Mahyeldi ...").
 */
export function stripListPrefix(s: string, letters = true): { text: string; stripped: boolean } {
  const m = (letters ? listPrefix : numberPrefix).exec(s);
  return m ? { text: s.slice(m[0].length).trim(), stripped: true } : { text: s, stripped: false };
}

/** Heading text without its letter/number ("A.", "II.", "3.") and without a trailing colon, upper-cased. */
export function headingKey(s: string): string {
  return clean(s)
    .replace(/^(?:[A-Z]|[IVX]{1,4}|\d{1,2})[.)]\s*/i, '')
    .replace(/\s*:\s*$/, '')
    .toUpperCase();
}

const months: [RegExp, number][] = [
  [/^jan(uari|uary)?$/, 1],
  [/^feb(r?uari|ruary)?$/, 2],
  [/^mar(et|ch)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^mei$|^may$/, 5],
  [/^jun(i|e)?$/, 6],
  [/^jul(i|y)?$/, 7],
  [/^ag(u|s|t)(stus)?$|^agust$|^aug(ust)?$/, 8],
  [/^sep(t|tember)?$/, 9],
  [/^o[kc]t(ober)?$/, 10],
  [/^nop(ember)?$|^nov(ember)?$/, 11],
  [/^des(ember)?$|^dec(ember)?$/, 12],
];
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [re, n] of months) if (re.test(w)) return n;
  return null;
}

type MonthMention = { month: number; day: number | null; year: number | null };

/** Month mentions in a time cell, in order, with the year carried back to mentions written without one. */
function monthMentions(s: string): MonthMention[] {
  const found: MonthMention[] = [];
  const re = /(?:\b(\d{1,2})\s+)?\b([A-Za-z]{3,9})\b\.?(?:\s+(\d{4}))?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const month = monthNumber(m[2]!);
    if (!month) continue;
    found.push({ month, day: m[1] ? Number(m[1]) : null, year: m[3] ? Number(m[3]) : null });
  }
  for (let i = found.length - 2; i >= 0; i--) if (found[i]!.year === null) found[i]!.year = found[i + 1]!.year;
  return found;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * "Januari 2019", "Februari 2019 – Maret 2019", "Feb - Mar 2019", "Juni s.d. Agustus 2025", "Maret",
 * "12 Maret 2019" -> month range (and dates when a day is written). Null when no month is named.
 */
export function parseMonthRange(
  s: string,
): { startMonth: number; endMonth: number; startDate: string | null; endDate: string | null } | null {
  const found = monthMentions(s);
  if (!found.length) return null;
  const a = found[0]!;
  const b = found[found.length - 1]!;
  const dateOf = (x: MonthMention) => (x.day && x.year && validDate(x.year, x.month, x.day) ? iso(x.year, x.month, x.day) : null);
  return { startMonth: a.month, endMonth: b.month, startDate: dateOf(a), endDate: dateOf(b) };
}

/**
 * Rupiah as written in KAKs: "Rp. 46.733.000", "Rp 46.733.000,-", "Rp46.733.000,00", "Rp. -" (nothing) -> whole rupiah.
 * Null when the text is not an amount.
 */
export function parseRupiah(s: string): number | null {
  let t = clean(s)
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s/g, '');
  if (t === '' || /^[-–—]+$/.test(t)) return 0;
  t = t
    .replace(/[,.][-–]$/, '')
    .replace(/,0{1,2}$/, '')
    .replace(/[,.]$/, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+$/.test(t)) return Number(t);
  return null;
}

/** The amount after "sebesar" in a funding sentence. */
export function findTotal(s: string): number | null {
  const m = /sebesar\s*:?\s*(Rp\.?\s*\d[\d.,]*-?)/i.exec(s);
  return m ? parseRupiah(m[1]!) : null;
}

/** "melalui APBD Provinsi Sumatera Barat Tahun 2019" -> "APBD Provinsi Sumatera Barat". */
export function findFundingSource(s: string): string | null {
  const m =
    /(?:melalui|bersumber\s+dari|berasal\s+dari|dibebankan\s+(?:pada|kepada)|dari)\s+(?:dana\s+)?((?:APBD|APBN|DPA|Anggaran Pendapatan dan Belanja)[^.;:()]*?)(?:\s+(?:Tahun|TA\.?)(?:\s+Anggaran)?\s+\d{4})?\s*(?:[.;:(]|$)/i.exec(
      s,
    );
  return m ? clean(m[1]!).replace(/,$/, '') : null;
}

const smallWords = new Set([
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'pada',
  'yang',
  'serta',
  'atau',
  'dengan',
  'dalam',
  'bagi',
  'oleh',
  'melalui',
  'tentang',
]);
const acronyms = new Set([
  'APBD',
  'APBN',
  'BUMN',
  'BUMD',
  'OPD',
  'SKPD',
  'ASN',
  'SDM',
  'TIK',
  'PPID',
  'DPRD',
  'RI',
  'NKRI',
  'HUT',
  'UMKM',
  'KAK',
  'PNS',
  'IT',
  'PPTK',
  'LPSE',
]);

/** "KOORDINASI KEHUMASAN" -> "Koordinasi Kehumasan"; text already in mixed case is kept as written. */
export function titleCase(s: string): string {
  const t = clean(s);
  if (t !== t.toUpperCase()) return t;
  return t
    .split(' ')
    .map((w, i) => {
      if (acronyms.has(w.replace(/[^A-Z]/g, ''))) return w;
      const lower = w.toLowerCase();
      if (i > 0 && smallWords.has(lower)) return lower;
      return lower.replace(/(^|[-/(])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
    })
    .join(' ');
}

export type ParsedLegalBasis = { text: string; type?: string; number?: string | null; year?: number | null; title?: string };

/** "Peraturan Gubernur Sumatera Barat Nomor 68 Tahun 2016 tentang ..." -> type/number/year/title; the text is always kept. */
export function parseLegalBasis(raw: string): ParsedLegalBasis {
  const text = clean(raw)
    .replace(/\s*;\s*(dan)?$/i, '')
    .trim();
  const body = text.replace(/[.;]$/, '');
  const full = /^(.+?)\s+(?:Nomor|No\.?)\s+([\w./-]+?)\s+Tahun\s+(\d{4})\s+tentang\s+(.+)$/i.exec(body);
  if (full) {
    const year = Number(full[3]);
    return { text, type: full[1]!.replace(/,$/, ''), number: full[2]!, year: year >= 1945 && year <= 2100 ? year : null, title: full[4]! };
  }
  const noNumber = /^(.+?)\s+tentang\s+(.+)$/i.exec(body);
  if (noNumber) return { text, type: noNumber[1]!.replace(/,$/, ''), number: null, year: null, title: noNumber[2]! };
  return { text };
}

const categoryPatterns: [InstitutionCategory, RegExp][] = [
  ['vertical_agency', /vertikal/i],
  ['regency_city', /kabupaten|kota\b|pemkab|pemko/i],
  ['non_departmental', /non[\s-]?departemen|non[\s-]?kementerian|lpnk/i],
  ['university', /perguruan tinggi|universitas/i],
  ['bumn', /\bBUMN\b/],
  ['bumd', /\bBUMD\b/],
  ['provincial_agency', /\bOPD\b|perangkat daerah provinsi/i],
];

/** Institution categories named in the participants paragraph, and how often the activity is held. */
export function parseParticipants(s: string): { categories: InstitutionCategory[]; frequency: string } {
  const categories = categoryPatterns.filter(([, re]) => re.test(s)).map(([c]) => c);
  const f = /(\d+\s*(?:\([a-z ]+\))?)\s*(?:kali\s*)?dalam\s+(se)?(tahun|bulan|minggu)/i.exec(s);
  return { categories, frequency: f ? `${clean(f[1]!)} kali dalam se${f[3]!.toLowerCase()}` : '' };
}

/** "Padang, Januari 2019" -> place and '2019-01'; "Padang, 15 Maret 2025" -> '2025-03-15'. */
export function parseSignLine(s: string): { place: string; date: string } | null {
  const m = /^([A-Z][\p{L} .'-]{1,60}?)\s*,\s*(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\s+(\d{4})$/u.exec(clean(s));
  if (!m) return null;
  const month = monthNumber(m[3]!);
  if (!month) return null;
  const year = Number(m[4]);
  const day = m[2] ? Number(m[2]) : null;
  const date = day && validDate(year, month, day) ? iso(year, month, day) : `${year}-${String(month).padStart(2, '0')}`;
  return { place: clean(m[1]!), date };
}

/** Digits of a NIP line ("NIP. 19780101 200501 2 001"), when it has the 18 digits of a civil-servant number. */
export function parseNip(s: string): string | null {
  const m = /^NIP\.?\s*:?\s*([\d\s.]+)$/i.exec(clean(s));
  if (!m) return null;
  const digits = m[1]!.replace(/\D/g, '');
  return digits.length === 18 ? digits : null;
}

/** A funding source named at the start of a line ("APBK Kabupaten Aceh Besar Tahun Anggaran 2020") -> the source. */
export function sourceAtStart(s: string): string | null {
  const m =
    /^((?:APBD|APBK|APBN|APBDes|DPA|DAK|DAU|DBH|BLUD|Dana (?:Alokasi Khusus|Alokasi Umum|Bagi Hasil|Desa|Otonomi Khusus|Keistimewaan)|Anggaran Pendapatan dan Belanja)\b[^.;:()]*?)(?:\s+(?:Tahun|TA\.?)(?:\s+Anggaran)?\s*:?\s*\d{4})?\s*(?:[.;:(]|$)/i.exec(
      clean(s),
    );
  return m ? clean(m[1]!).replace(/,$/, '') : null;
}

/** A funding source in running text, also APBK (Aceh), DAK and Dana Desa, cut before "Tahun Anggaran" or "sebesar". */
export function findSourceInText(s: string): string | null {
  const m =
    /(?:melalui|bersumber\s+dari|berasal\s+dari|dibebankan\s+(?:pada|kepada)|dari)\s+(?:dana\s+)?((?:APBD|APBK|APBN|APBDes|DPA|DAK|DAU|BLUD|Dana (?:Alokasi Khusus|Desa|Otonomi Khusus)|Anggaran Pendapatan dan Belanja)\b[^.;:()]*)/i.exec(
      clean(s),
    );
  return m ? normaliseSource(m[1]!) : null;
}

export function normaliseSource(s: string): string {
  return clean(s)
    .split(/\s+(?:Tahun|TA\.?)(?:\s+Anggaran)?\s*:?\s*\d{4}|\s+(?:sebesar|dengan|yang|untuk|senilai)\b/i)[0]!
    .replace(/[,.]$/, '')
    .trim();
}
