import type { InstitutionCategory } from '../../../shared/categories';
import type { KakInput } from '../../../shared/kak';
import { createActivityInput, defaultOrgUnit, type CreateActivityInput } from '../../../shared/schemas/activities';
import { ValidationError } from '../../core/errors';
import { readDocxBlocks, type DocBlock, type DocParagraph } from './importKakDocx';
import {
  clean,
  findFundingSource,
  findTotal,
  headingKey,
  parseLegalBasis,
  parseNip,
  parseParticipants,
  parseSignLine,
  stripListPrefix,
  titleCase,
} from './importKakFields';
import { readTable } from './importKakTables';
import { fitToSchema } from './importKakFit';

/**
 * Turns an existing KAK written in Word into a draft activity: sections are found by their headings,
 * lists by Word numbering or typed "1."/"a." markers, the schedule and funding tables by their header rows.
 * Whatever could not be placed is listed in `unrecognised` (in Indonesian, for the user to check).
 */

export type KakImport = { draft: CreateActivityInput; recognised: string[]; unrecognised: string[] };

type Section =
  | 'preamble'
  | 'background'
  | 'purpose'
  | 'legal'
  | 'method'
  | 'schedule'
  | 'participants'
  | 'location'
  | 'outputs'
  | 'funding'
  | 'closing';

const headings: [Section, RegExp][] = [
  ['background', /^LATAR BELAKANG$/],
  ['purpose', /^(MAKSUD DAN TUJUAN|MAKSUD|TUJUAN|TUJUAN DAN SASARAN)( KEGIATAN)?$/],
  ['legal', /^(DASAR|LANDASAN) HUKUM$/],
  ['method', /^(METODA|METODE)( PELAKSANAAN)?( KEGIATAN)?$|^PELAKSANAAN KEGIATAN$/],
  ['schedule', /^(JADWAL|WAKTU)( (PELAKSANAAN|KEGIATAN))+$/],
  ['participants', /^PESERTA( KEGIATAN)?$/],
  ['location', /^(LOKASI|TEMPAT)( (KEGIATAN|PELAKSANAAN))?$/],
  ['outputs', /^(KELUARAN( \(OUTPUT\))?|OUTPUT)( KEGIATAN)?$/],
  ['funding', /^(PEMBIAYAAN|SUMBER (DANA|PEMBIAYAAN)|(RENCANA )?ANGGARAN( BIAYA)?|BIAYA)( KEGIATAN)?$/],
  ['closing', /^PENUTUP$/],
];

const sectionLabels: Record<Section, string> = {
  preamble: 'Judul',
  background: 'Latar Belakang',
  purpose: 'Maksud dan Tujuan',
  legal: 'Dasar Hukum',
  method: 'Metode Pelaksanaan',
  schedule: 'Waktu Pelaksanaan',
  participants: 'Peserta',
  location: 'Lokasi Kegiatan',
  outputs: 'Keluaran',
  funding: 'Pembiayaan',
  closing: 'Penutup',
};

/** What `recognised` may list, in the order of a KAK. */
export const recognisedOrder = [
  'Judul KAK',
  'Judul kegiatan',
  'Tahun anggaran',
  'Unit kerja',
  'Latar Belakang',
  'Maksud dan Tujuan',
  'Maksud',
  'Tujuan',
  'Dasar Hukum',
  'Metode Pelaksanaan',
  'Waktu Pelaksanaan',
  'Peserta',
  'Pengantar jadwal',
  'Jadwal kegiatan',
  'Lokasi Kegiatan',
  'Keluaran',
  'Pembiayaan',
  'Jumlah dana',
  'Sumber dana',
  'Rincian per triwulan',
  'Tempat dan tanggal',
  'Jabatan PPTK',
  'Nama PPTK',
  'NIP PPTK',
];

export const notKakMessage =
  'Berkas ini tidak tampak seperti KAK: tidak ada bagian yang dikenali (Latar Belakang, Maksud dan Tujuan, Dasar Hukum, Metode Pelaksanaan, Lokasi Kegiatan, Keluaran, Pembiayaan).';

const quote = (s: string, max = 100) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;
const positionWords = /\b(PPTK|Kepala|Kabag|Kasubag|Kabid|Kasi|Pejabat|Kuasa|Pengguna|Sekretaris|Bagian|Biro|Kegiatan|Plt|Plh)\b/i;
const rankWords = /^(Pembina|Penata|Pengatur|Juru)\b/i;

function headingOf(p: DocParagraph, text: string): { section: Section; key: string } | null {
  if (text.length > 60) return null;
  const key = headingKey(text);
  for (const [section, re] of headings) if (re.test(key)) return { section, key };
  return null;
}

/** Parses a .docx buffer (see module comment); throws a 4xx DomainError when it is no DOCX or no KAK at all. */
export async function parseKakDocx(buffer: Buffer, opts: { fileName?: string } = {}): Promise<KakImport> {
  return interpretKak(await readDocxBlocks(buffer), opts);
}

/** The pure interpretation of document blocks; exported for tests of unusual layouts. */
export function interpretKak(blocks: DocBlock[], opts: { fileName?: string } = {}): KakImport {
  const recognisedSet = new Set<string>();
  const recognise = (label: string) => recognisedSet.add(label);
  const unrecognised: string[] = [];
  const kak = {
    background: [] as string[],
    intent: '',
    objectives: [] as string[],
    legalBases: [] as NonNullable<KakInput['legalBases']>,
    method: [] as string[],
    participants: { categories: [] as InstitutionCategory[], text: '', frequency: '' },
    schedule: [] as NonNullable<KakInput['schedule']>,
    locations: [] as string[],
    outputs: [] as { description: string; indicator: string; target: string }[],
    funding: { total: 0, source: '', label: '', quarters: [0, 0, 0, 0] as [number, number, number, number] },
  } satisfies KakInput & Record<string, unknown>;
  let scheduleIntro: string | undefined;
  let title: string | null = null;
  let fiscalYear: number | null = null;
  let orgUnit: string | null = null;
  const officer = { name: '', position: '', nip: '' };
  let signPlace: string | null = null;
  let signDate: string | null = null;
  let totalFromText: number | null = null;
  let totalFromTable: number | null = null;
  let quartersFound = false;

  let section = 'preamble' as Section;
  let purposePart: 'intent' | 'objectives' | null = null;
  const sectionsFound: Section[] = [];
  const preamble: string[] = [];
  let signature: string[] | null = null;
  const intentParts: string[] = [];

  const finishSignature = () => {
    if (!signature) return;
    const lines = signature;
    signature = null;
    const nipIndex = lines.findIndex((l) => /^NIP\b/i.test(l));
    if (nipIndex >= 0) {
      const nip = parseNip(lines[nipIndex]!);
      if (nip) (officer.nip = nip), recognise('NIP PPTK');
      else unrecognised.push(`NIP tidak 18 digit: ${quote(lines[nipIndex]!)}`);
    }
    const rest = lines.filter((_, i) => i !== nipIndex);
    const positionLines = rest.filter((l) => positionWords.test(l));
    const others = rest.filter((l) => !positionLines.includes(l));
    if (positionLines.length) (officer.position = positionLines.join(' / ')), recognise('Jabatan PPTK');
    for (const l of others) {
      if (rankWords.test(l) || /^(ttd|dto)\.?$/i.test(l) || officer.name) unrecognised.push(`Blok tanda tangan: ${quote(l)}`);
      else (officer.name = l), recognise('Nama PPTK');
    }
  };

  const enterSection = (s: Section, key: string) => {
    finishSignature();
    section = s;
    if (!sectionsFound.includes(s)) sectionsFound.push(s);
    if (s === 'purpose' && !key.startsWith('MAKSUD DAN')) {
      // "Maksud" / "Tujuan" as sections of their own: listed once content is found.
    } else if (s !== 'closing') recognise(sectionLabels[s]);
    purposePart = key.startsWith('MAKSUD DAN')
      ? null
      : key.startsWith('MAKSUD')
        ? 'intent'
        : key.startsWith('TUJUAN')
          ? 'objectives'
          : null;
  };

  const handleParagraph = (p: DocParagraph, text: string) => {
    const listed = stripListPrefix(text, !['background', 'method', 'schedule', 'participants', 'preamble'].includes(section));
    const item = listed.text;
    const isListItem = !!p.numbering || listed.stripped;
    const isIntro = !isListItem && /:$/.test(text);
    switch (section) {
      case 'preamble':
        preamble.push(text);
        return;
      case 'background':
        kak.background.push(item);
        return;
      case 'purpose': {
        const sub = /^(maksud|tujuan)\b([^:]{0,40}):\s*(.*)$/i.exec(item);
        if (sub) {
          purposePart = sub[1]!.toLowerCase() === 'maksud' ? 'intent' : 'objectives';
          if (sub[3] && purposePart === 'intent') intentParts.push(sub[3]);
          else if (sub[3]) kak.objectives.push(sub[3]);
          return;
        }
        const part = purposePart ?? (isListItem || kak.objectives.length ? 'objectives' : 'intent');
        if (part === 'intent') intentParts.push(item);
        else kak.objectives.push(item);
        return;
      }
      case 'legal':
        if (isIntro) unrecognised.push(`Kalimat pengantar Dasar Hukum tidak disimpan: ${quote(text)}`);
        else kak.legalBases.push(parseLegalBasis(item));
        return;
      case 'method':
      case 'schedule':
      case 'participants':
        if (section === 'participants' || /^peserta\b/i.test(item)) {
          kak.participants.text = kak.participants.text ? `${kak.participants.text} ${item}` : item;
          const found = parseParticipants(kak.participants.text);
          kak.participants.categories = found.categories;
          kak.participants.frequency = found.frequency;
          recognise('Peserta');
        } else if (/\bjadwal\b/i.test(item) && item.length <= 300 && (/:$/.test(item) || /^adap?a?un\b/i.test(item))) {
          scheduleIntro = item;
          recognise('Pengantar jadwal');
        } else kak.method.push(item);
        return;
      case 'location':
        kak.locations.push(item);
        return;
      case 'outputs': {
        const ind = /^indikator(\s+(keluaran|kinerja))?\s*:\s*(.+)$/i.exec(item);
        const target = /^target\s*:\s*(.+)$/i.exec(item);
        const last = kak.outputs[kak.outputs.length - 1];
        if (ind && last) last.indicator = ind[3]!;
        else if (target && last) last.target = target[1]!;
        else if (isIntro) unrecognised.push(`Kalimat pengantar Keluaran tidak disimpan: ${quote(text)}`);
        else kak.outputs.push({ description: item, indicator: '', target: '' });
        return;
      }
      case 'funding': {
        const total = findTotal(text);
        const source = findFundingSource(text);
        if (total !== null) (totalFromText = total), recognise('Jumlah dana');
        if (source) (kak.funding.source = source), recognise('Sumber dana');
        if (total === null && !source && !/triwulan|tri\s*b?wulan|rincian/i.test(text))
          unrecognised.push(`Paragraf Pembiayaan tidak dikenali: ${quote(text)}`);
        return;
      }
      case 'closing':
        unrecognised.push(`Penutup tidak disimpan: ${quote(text)}`);
        return;
    }
  };

  for (const block of blocks) {
    if (block.kind === 'table') {
      const t = readTable(block);
      if (t.kind === 'empty') continue;
      if (t.kind === 'schedule') {
        kak.schedule.push(...t.steps);
        unrecognised.push(...t.problems);
        if (t.steps.length) recognise('Jadwal kegiatan');
        continue;
      }
      if (t.kind === 'funding') {
        kak.funding.quarters = t.quarters;
        if (t.label) kak.funding.label = t.label;
        if (t.total !== null) totalFromTable = t.total;
        quartersFound = true;
        unrecognised.push(...t.problems);
        recognise('Rincian per triwulan');
        continue;
      }
      // A signature block laid out in a table (name on the right) is still a signature block.
      const lines = block.rows
        .flatMap((r) => r.flatMap((c) => c.split('\n')))
        .map(clean)
        .filter(Boolean);
      const signIndex = lines.findIndex((l) => parseSignLine(l));
      if (signIndex >= 0 && section !== 'preamble') {
        const sign = parseSignLine(lines[signIndex]!)!;
        (signPlace = sign.place), (signDate = sign.date), recognise('Tempat dan tanggal');
        signature = lines.slice(signIndex + 1);
        finishSignature();
        continue;
      }
      unrecognised.push(`Tabel yang tidak dikenali (${block.rows.length} baris): ${quote(lines.slice(0, 6).join(' | '))}`);
      continue;
    }
    const text = clean(block.text);
    if (!text) continue;
    const heading = headingOf(block, text);
    if (heading) {
      if (section === 'purpose' && /^(MAKSUD|TUJUAN)$/.test(heading.key)) {
        purposePart = heading.key === 'MAKSUD' ? 'intent' : 'objectives';
        continue;
      }
      enterSection(heading.section, heading.key);
      continue;
    }
    if (section !== 'preamble') {
      const sign = parseSignLine(text);
      if (sign) {
        finishSignature();
        (signPlace = sign.place), (signDate = sign.date), recognise('Tempat dan tanggal');
        signature = [];
        continue;
      }
      if (signature) {
        signature.push(text);
        continue;
      }
    }
    handleParagraph(block, text);
  }
  finishSignature();

  if (!sectionsFound.length) throw new ValidationError(notKakMessage);

  // Title block: "KERANGKA ACUAN KERJA" then "KEGIATAN <TITLE> TAHUN <YEAR>", possibly over two lines.
  const kakLine = preamble.findIndex((l) => /^(KERANGKA ACUAN KERJA|TERMS? OF REFERENCE)\b/i.test(l));
  const used = new Set<number>();
  if (kakLine >= 0) used.add(kakLine), recognise('Judul KAK');
  // First with the word "KEGIATAN", so that an org-unit line is not taken for the title; then without it.
  const titlePatterns = [
    /^(?:SUB\s+)?KEGIATAN\s*:?\s*(.+?)\s+TAHUN(?:\s+ANGGARAN)?\s*:?\s*(\d{4})$/i,
    /^(.+?)\s+TAHUN(?:\s+ANGGARAN)?\s*:?\s*(\d{4})$/i,
  ];
  for (const [pass, re] of titlePatterns.entries()) {
    for (let i = Math.max(0, kakLine + 1); i < preamble.length && title === null; i++) {
      // Without "KEGIATAN" only the line(s) right under "KERANGKA ACUAN KERJA" may be the title.
      if (pass === 1 && (kakLine < 0 || i > kakLine + 2)) break;
      if (pass === 1 && /^(BIRO|BAGIAN|DINAS|BADAN|SEKRETARIAT|KANTOR|PEMERINTAH)\b/i.test(preamble[i]!)) continue;
      for (let n = 1; n <= 3 && i + n <= preamble.length; n++) {
        const m = re.exec(preamble.slice(i, i + n).join(' '));
        if (!m) continue;
        title = titleCase(m[1]!);
        fiscalYear = Number(m[2]) >= 2000 && Number(m[2]) <= 2100 ? Number(m[2]) : null;
        for (let j = i; j < i + n; j++) used.add(j);
        recognise('Judul kegiatan');
        if (fiscalYear) recognise('Tahun anggaran');
        break;
      }
    }
  }
  preamble.forEach((l, i) => {
    if (used.has(i)) return;
    if (!orgUnit && /^(BIRO|BAGIAN|DINAS|BADAN|SEKRETARIAT|KANTOR)\b/i.test(l) && l.length <= 300) {
      orgUnit = titleCase(l);
      recognise('Unit kerja');
    } else unrecognised.push(`Paragraf di luar bagian yang dikenali: ${quote(l)}`);
  });
  if (title === null) {
    const fromFile = opts.fileName
      ?.replace(/\.docx$/i, '')
      .replace(/[_]+/g, ' ')
      .trim();
    title = fromFile || 'KAK hasil impor';
    unrecognised.push(`Judul kegiatan tidak ditemukan ("KEGIATAN ... TAHUN ..."); dipakai ${quote(title)}`);
  }
  if (fiscalYear === null) {
    const signYear = signDate ? Number((signDate as string).slice(0, 4)) : 0;
    fiscalYear = signYear >= 2000 && signYear <= 2100 ? signYear : new Date().getFullYear();
    unrecognised.push(`Tahun anggaran tidak ditemukan pada judul; dipakai ${fiscalYear}`);
  }

  if (intentParts.length) (kak.intent = intentParts.join('\n\n')), recognise('Maksud');
  if (kak.objectives.length) recognise('Tujuan');
  kak.funding.total = totalFromText ?? totalFromTable ?? (quartersFound ? kak.funding.quarters.reduce((a, b) => a + b, 0) : 0);
  const hasFunding = sectionsFound.includes('funding') || quartersFound;
  if (hasFunding && !kak.funding.source) {
    kak.funding.source = 'APBD Provinsi Sumatera Barat';
    unrecognised.push('Sumber dana tidak ditemukan pada bagian Pembiayaan; diisi "APBD Provinsi Sumatera Barat", periksa kembali');
  }
  if (!kak.funding.label && title) kak.funding.label = title;

  const draft: CreateActivityInput = {
    title,
    fiscalYear,
    orgUnit: orgUnit ?? defaultOrgUnit,
    officerInCharge: officer,
    signPlace,
    signDate,
    kak: { ...kak, ...(scheduleIntro ? { scheduleIntro } : {}), ...(hasFunding ? {} : { funding: undefined }) } as KakInput,
  };
  const fitted = fitToSchema(createActivityInput, draft as Record<string, unknown>);
  const rank = (l: string) => recognisedOrder.indexOf(l) + 1 || 99;
  const recognised = [...recognisedSet].sort((a, b) => rank(a) - rank(b));
  return { draft: fitted.value as CreateActivityInput, recognised, unrecognised: [...unrecognised, ...fitted.dropped] };
}
