import { categoryLabels } from '../../shared/categories';
import { formatMonthRange, formatSignDate } from '../../shared/dates';
import { kakSchema, type Kak, type KakInput } from '../../shared/kak';
import { formatRupiah, maxSpelledRupiah, spellRupiah } from '../../shared/money';
import { letterheadFrom, type DocumentSettings } from './letterhead';
import type { Block, DocumentModel, ListItem, Run } from './model';
import { formatNip } from './nip';

/**
 * What the KAK documents need of an activity. `getActivity(ctx, id)` returns a superset of it;
 * `kak` may be the stored document or the input form (defaults are applied here).
 */
export type KakActivity = {
  title: string;
  fiscalYear: number;
  orgUnit?: string | null;
  officerInCharge: { name?: string | null; position?: string | null; nip?: string | null };
  kak: KakInput | Kak;
  signPlace?: string | null;
  signDate?: string | null;
  /** A draft prints with the "DRAF" mark; absent (e.g. the reference document) means final. */
  status?: string;
  /** The check results: blocking errors are named in the mark. */
  checks?: { errors: readonly unknown[] };
};

/**
 * The mark of a document that is not final: "DRAF — belum disetujui" on a draft, plus the number of blocking
 * check errors when there are any ("... · 2 kesalahan pemeriksaan belum diperbaiki"); null for an approved KAK
 * without errors, which prints clean.
 */
export function kakDraftMark(activity: Pick<KakActivity, 'status' | 'checks'>): string | null {
  const errors = activity.checks?.errors.length ?? 0;
  const parts = [
    activity.status === 'draft' ? 'DRAF — belum disetujui' : null,
    errors ? `${errors} kesalahan pemeriksaan KAK belum diperbaiki` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

const t = (text: string): Run => ({ text });
const numbered = (texts: string[]): ListItem[] => texts.map((text, i) => ({ label: `${i + 1}.`, runs: [t(text)] }));

/** The KAK with its defaults; a document that does not parse throws rather than printing half of it. */
function readKak(raw: KakInput | Kak): Kak {
  return kakSchema.parse(raw);
}

/** "Koordinasi Kehumasan" + 2019 -> "KAK-Koordinasi-Kehumasan-2019" (ASCII only, safe in a header). */
export function kakFileBaseName(activity: Pick<KakActivity, 'title' | 'fiscalYear'>): string {
  const slug = activity.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 12)
    .join('-');
  return `KAK-${slug ? `${slug}-` : ''}${activity.fiscalYear}`;
}

function participantsText(kak: Kak): string {
  if (kak.participants.text) return kak.participants.text;
  if (!kak.participants.categories.length) return '';
  const names = kak.participants.categories.map((c) => categoryLabels[c].id);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}` : names[0];
  const frequency = kak.participants.frequency ? ` dan dilakukan ${kak.participants.frequency}` : '';
  return `Peserta dari kegiatan ini merupakan pelaksana humas pada ${list}${frequency}.`;
}

/**
 * The sign date in Indonesian ("28 Februari 2027", "Januari 2019"). A stored date that is not a real day
 * (saved before such dates were refused) prints as the blank to fill in by hand, never as "2027-02-30";
 * the checks report it as an error.
 */
function signDateText(value: string, year: number): string {
  try {
    return formatSignDate(value);
  } catch {
    return blankDate(year);
  }
}
const blankDate = (year: number) => `.................... ${year}`;

/** The KAK of one activity, sections A-G, as blocks both renderers draw. */
export function kakContent(activity: KakActivity, settings: DocumentSettings): DocumentModel {
  const kak = readKak(activity.kak);
  const year = activity.fiscalYear;
  const style = settings.rupiahStyle;
  const title = activity.title.trim();
  const blocks: Block[] = [];
  const section = (label: string, heading: string) => blocks.push({ kind: 'section', label, title: heading });
  const paragraphs = (texts: string[]) => texts.forEach((text) => blocks.push({ kind: 'paragraph', runs: [t(text)], indent: true }));

  blocks.push({ kind: 'title', lines: ['KERANGKA ACUAN KERJA', `KEGIATAN ${title.toUpperCase()} TAHUN ${year}`] });

  section('A.', 'LATAR BELAKANG');
  paragraphs(kak.background);

  section('B.', 'MAKSUD DAN TUJUAN');
  blocks.push({ kind: 'subheading', text: 'Maksud' });
  if (kak.intent) paragraphs([kak.intent]);
  blocks.push({ kind: 'subheading', text: 'Tujuan' });
  if (kak.objectives.length) blocks.push({ kind: 'list', items: numbered(kak.objectives) });

  section('C.', 'DASAR HUKUM');
  if (kak.legalBases.length) blocks.push({ kind: 'list', items: numbered(kak.legalBases.map((b) => b.text)) });

  section('D.', 'METODA PELAKSANAAN');
  paragraphs(kak.method);
  const participants = participantsText(kak);
  if (participants) paragraphs([participants]);
  if (kak.schedule.length) {
    if (kak.scheduleIntro) blocks.push({ kind: 'paragraph', runs: [t(kak.scheduleIntro)], indent: true, keepWithNext: true });
    blocks.push({
      kind: 'table',
      fontSize: 11,
      columns: [
        { width: 0.08, align: 'center' },
        { width: 0.56, align: 'left' },
        { width: 0.36, align: 'center' },
      ],
      header: ['No.', `Kegiatan ${title}`, 'Waktu'],
      rows: kak.schedule.map((s, i) => [`${i + 1}.`, s.step, formatMonthRange(year, s.startMonth, s.endMonth)]),
    });
  }

  section('E.', 'LOKASI KEGIATAN');
  if (kak.locations.length) blocks.push({ kind: 'list', items: numbered(kak.locations) });

  section('F.', 'KELUARAN');
  if (kak.outputs.length) {
    blocks.push({
      kind: 'list',
      items: kak.outputs.map((o, i) => {
        const measure = [o.indicator && `Indikator: ${o.indicator}`, o.target && `Target: ${o.target}`].filter(Boolean).join('; ');
        return { label: `${i + 1}.`, runs: [t(o.description)], notes: measure ? [[{ text: `${measure}.`, italic: true }]] : [] };
      }),
    });
  }

  section('G.', 'PEMBIAYAAN');
  const f = kak.funding;
  // A no-break space keeps "Rp." and the figure on one line.
  const amount = formatRupiah(f.total, { style, suffix: style === 'Rp.' }).replace(' ', '\u00a0');
  const inWords = f.total <= maxSpelledRupiah ? ` (${spellRupiah(f.total)})` : '';
  // Section G, its table and the signature stay on one page: a signature alone on a page is not accepted.
  blocks.push({
    kind: 'paragraph',
    indent: true,
    keepWithNext: true,
    runs: [
      t(
        `Untuk melaksanakan kegiatan ini telah dialokasikan dana sebesar ${amount}${inWords} ` +
          `melalui ${f.source} Tahun ${year}. Adapun rincian pelaksanaan anggarannya per triwulan :`,
      ),
    ],
  });
  blocks.push({
    kind: 'table',
    fontSize: 10,
    keepWithNext: true,
    columns: [
      { width: 0.065, align: 'center' },
      { width: 0.175, align: 'left' },
      { width: 0.19, align: 'right' },
      { width: 0.19, align: 'right' },
      { width: 0.19, align: 'right' },
      { width: 0.19, align: 'right' },
    ],
    header: ['No.', 'Kegiatan', 'Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV'],
    rows: [['1.', f.label || title, ...f.quarters.map((q) => formatRupiah(q, { style, zeroAsDash: true }))]],
  });

  const officer = activity.officerInCharge;
  const place = activity.signPlace?.trim() || '....................';
  const date = activity.signDate ? signDateText(activity.signDate, year) : blankDate(year);
  blocks.push({
    kind: 'signature',
    placeDate: `${place}, ${date}`,
    position: officer.position?.trim() || 'PPTK Kegiatan',
    name: officer.name?.trim() || '(....................................)',
    nip: `NIP. ${officer.nip ? formatNip(officer.nip) : '....................................'}`,
  });

  return {
    meta: {
      title: `Kerangka Acuan Kerja Kegiatan ${title} Tahun ${year}`,
      subject: 'Kerangka Acuan Kerja (KAK)',
      author: activity.orgUnit?.trim() || settings.unitNameLines.at(-1) || 'Simpul',
    },
    letterhead: letterheadFrom(settings),
    draftMark: kakDraftMark(activity),
    blocks,
  };
}
