import type { Kak } from './kak';

/**
 * Years in a KAK's text. Copying a KAK to another year replaces the year where it stands for the fiscal year,
 * and the checks warn about other years left behind. Years in legal citations ("Undang-Undang Nomor 14 Tahun
 * 2008") and periods ("Tahun 2016-2021") are never touched nor reported.
 */

const year = '((?:19|20|21)\\d{2})(?![\\d])';
/**
 * Phrases that name a fiscal year: "Tahun Anggaran 2019", "tahun anggaran 2019", "TA 2019", "T.A. 2019",
 * "APBD Provinsi Sumatera Barat Tahun 2019", "Anggaran Pendapatan dan Belanja Daerah Tahun 2019", "DPA ... Tahun 2019".
 * The year is the last group of each match.
 */
const fiscalPhrases: RegExp[] = [
  new RegExp(`(\\bTahun\\s+Anggaran\\s+)${year}`, 'gi'),
  new RegExp(`(\\bT\\.?A\\.?\\s+)${year}`, 'g'),
  new RegExp(`(\\b(?:APBD|APBN|APBD-P|APBD-Perubahan|DPA|DPPA|RKA)\\b[^.\\d\\n]{0,80}?\\bTahun\\s+)${year}`, 'g'),
  new RegExp(`(\\bAnggaran\\s+Pendapatan\\s+dan\\s+Belanja\\s+(?:Daerah|Negara)\\b[^.\\d\\n]{0,60}?\\bTahun\\s+)${year}`, 'gi'),
];

/**
 * "tahun 2020" in running text that is neither a legal citation ("Nomor 14 Tahun 2008", "No. 5 Tahun 2019")
 * nor a period ("Tahun 2016-2021", "tahun 2016 – 2021", "2011–2016").
 */
const narrativeYear = new RegExp(`(?<!(?:Nomor|No\\.?)\\s*[\\w./-]+\\s+)\\btahun\\s+${year}(?!\\s*[-–—/]\\s*\\d)`, 'gi');

/** A standalone year in a title, not part of a period ("Renstra 2016-2021"). */
const titleYear = new RegExp(`(?<![\\d][-–—/]|[\\d]\\s[-–—]\\s|\\d)${year}(?!\\s*[-–—/]\\s*\\d)`, 'g');

/** Replaces the fiscal year `from` by `to` in the fiscal-year phrases of a text; other years stay. */
export function replaceFiscalYear(text: string, from: number, to: number): string {
  return fiscalPhrases.reduce(
    (t, re) => t.replace(re, (match, lead: string, y: string) => (Number(y) === from ? `${lead}${to}` : match)),
    text,
  );
}

/** The fiscal years named in a text ("Tahun Anggaran 2019" -> [2019]). */
export function fiscalYearsIn(text: string): number[] {
  return fiscalPhrases.flatMap((re) => [...text.matchAll(re)].map((m) => Number(m[m.length - 1])));
}

/** Years of running text ("pada tahun 2020"), without legal citations, periods and fiscal-year phrases. */
export function narrativeYearsIn(text: string): number[] {
  const withoutFiscal = fiscalPhrases.reduce((t, re) => t.replace(re, (m) => ' '.repeat(m.length)), text);
  return [...withoutFiscal.matchAll(narrativeYear)].map((m) => Number(m[1]));
}

/** Standalone years in a title ("Rakor Humas 2019 (Renstra 2016-2021)" -> [2019]). */
export function titleYearsIn(title: string): number[] {
  return [...title.matchAll(titleYear)].map((m) => Number(m[1]));
}

/** Replaces a standalone year in a title ("Rakor Humas 2019" -> "Rakor Humas 2020"); periods stay. */
export function replaceTitleYear(title: string, from: number, to: number): string {
  return title.replace(titleYear, (match, y: string) => (Number(y) === from ? String(to) : match));
}

export type KakText = { path: string; text: string; legal: boolean };

/** Every free text of a KAK with its path (as the checks name fields); `legal` marks section C. */
export function kakTexts(kak: Kak): KakText[] {
  const out: KakText[] = [];
  const add = (path: string, text: string | null | undefined, legal = false) => {
    if (text) out.push({ path, text, legal });
  };
  kak.background.forEach((p, i) => add(`kak.background.${i}`, p));
  add('kak.intent', kak.intent);
  kak.objectives.forEach((p, i) => add(`kak.objectives.${i}`, p));
  kak.legalBases.forEach((b, i) => {
    add(`kak.legalBases.${i}.text`, b.text, true);
  });
  kak.method.forEach((p, i) => add(`kak.method.${i}`, p));
  add('kak.participants.text', kak.participants.text);
  add('kak.participants.frequency', kak.participants.frequency);
  add('kak.scheduleIntro', kak.scheduleIntro);
  kak.schedule.forEach((s, i) => add(`kak.schedule.${i}.step`, s.step));
  kak.locations.forEach((p, i) => add(`kak.locations.${i}`, p));
  kak.outputs.forEach((o, i) => {
    add(`kak.outputs.${i}.description`, o.description);
    add(`kak.outputs.${i}.indicator`, o.indicator);
    add(`kak.outputs.${i}.target`, o.target);
  });
  add('kak.funding.source', kak.funding.source);
  add('kak.funding.label', kak.funding.label);
  return out;
}

/** The KAK with the fiscal year `from` replaced by `to` in every fiscal-year phrase of its texts (legal bases too). */
export function kakWithFiscalYear(kak: Kak, from: number, to: number): Kak {
  const r = (s: string) => replaceFiscalYear(s, from, to);
  return {
    ...kak,
    background: kak.background.map(r),
    intent: r(kak.intent),
    objectives: kak.objectives.map(r),
    legalBases: kak.legalBases.map((b) => ({ ...b, text: r(b.text), ...(b.title !== undefined ? { title: r(b.title) } : {}) })),
    method: kak.method.map(r),
    participants: { ...kak.participants, text: r(kak.participants.text), frequency: r(kak.participants.frequency) },
    scheduleIntro: r(kak.scheduleIntro),
    schedule: kak.schedule.map((s) => ({ ...s, step: r(s.step) })),
    locations: kak.locations.map(r),
    outputs: kak.outputs.map((o) => ({ ...o, description: r(o.description), indicator: r(o.indicator), target: r(o.target) })),
    funding: { ...kak.funding, source: r(kak.funding.source), label: r(kak.funding.label) },
  };
}
