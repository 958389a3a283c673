import type { InstitutionCategory } from '../../../shared/categories';
import type { KakInput } from '../../../shared/kak';
import { createActivityInput, defaultOrgUnit, type CreateActivityInput } from '../../../shared/schemas/activities';
import { ValidationError } from '../../core/errors';
import { readDocxBlocks, type DocBlock, type DocParagraph } from './importKakDocx';
import {
  clean,
  findFundingSource,
  findSourceInText,
  findTotal,
  headingKey,
  normaliseSource,
  parseLegalBasis,
  parseNip,
  parseParticipants,
  parseRupiah,
  parseSignLine,
  sourceAtStart,
  stripListPrefix,
  titleCase,
} from './importKakFields';
import { readTable } from './importKakTables';
import { fitToSchema } from './importKakFit';
import { budgetHeader, readBudgetTable, type ImportedBudgetLine } from './importKakBudget';
import { expandKakTable, headerTableLines, metaLine, signatureColumns, type MetaKey, type SignColumn } from './importKakLayout';

/**
 * Turns an existing KAK written in Word into a draft activity: sections are found by their headings,
 * lists by Word numbering or typed "1."/"a." markers, the schedule and funding tables by their header rows.
 * Whatever could not be placed is listed in `unrecognised` (in Indonesian, for the user to check).
 */

/** One recognised value and where it was found ("paragraf 12", "tabel 2, baris 3, kolom 2", "halaman 1"). */
export type ImportedField = { field: string; value: string; at: string };
export type ImportedSigner = { role: 'pptk' | 'mengetahui'; name: string; position: string; nip: string; at: string };
export type KakImport = {
  draft: CreateActivityInput;
  recognised: string[];
  unrecognised: string[];
  /** Field by field what was read and from where (issue 12), for the preview. */
  fields: ImportedField[];
  /** The budget lines as written (also those that cannot be saved as budget lines: old or missing account codes). */
  budget: ImportedBudgetLine[];
  signers: ImportedSigner[];
};

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
  | 'closing'
  | 'chapter'
  | 'appendix';

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

/** Headings of other offices' KAKs, tried only when the ones above do not match (so the older samples read as before). */
const moreHeadings: [Section, RegExp][] = [
  ['chapter', /^(PENDAHULUAN|PELAKSANAAN|GAMBARAN UMUM|UMUM)$/],
  ['background', /^(LATAR BELAKANG|DASAR PEMIKIRAN)( KEGIATAN)?$/],
  ['purpose', /^(MAKSUD,? TUJUAN( DAN SASARAN)?|TUJUAN DAN MANFAAT)( KEGIATAN)?$/],
  ['legal', /^(DASAR|LANDASAN)( HUKUM| PELAKSANAAN| KEBIJAKAN)$|^ACUAN HUKUM$/],
  ['method', /^(RUANG LINGKUP|METODE|METODA|CARA|STRATEGI|MEKANISME)( (PELAKSANAAN|KEGIATAN|PEKERJAAN|PENCAPAIAN KELUARAN))*$/],
  ['schedule', /^(JADWAL|WAKTU|JANGKA WAKTU|TAHAPAN)( (PELAKSANAAN|KEGIATAN|WAKTU))*$/],
  ['participants', /^(PESERTA|SASARAN|PENERIMA MANFAAT|KELOMPOK SASARAN)( KEGIATAN)?$/],
  ['location', /^(LOKASI|TEMPAT)( (KEGIATAN|PELAKSANAAN|PEKERJAAN))*$/],
  ['outputs', /^(KELUARAN|OUTPUT|HASIL YANG DIHARAPKAN|HASIL|INDIKATOR KELUARAN)( \(OUTPUT\))?( KEGIATAN)?$/],
  [
    'funding',
    /^((RENCANA|RINCIAN) ANGGARAN( BIAYA)?|(SUMBER )?(PEMBIAYAAN|PENDANAAN|DANA)|BIAYA|ANGGARAN|KEBUTUHAN BIAYA|BIAYA (KEGIATAN|YANG DIPERLUKAN|PELAKSANAAN)|RAB)( KEGIATAN)?$/,
  ],
  ['closing', /^PENUTUP$/],
  ['appendix', /^LAMPIRAN\b/],
];

/** "BAB II RUANG LINGKUP", "1.1 Latar Belakang", "1.1. LATAR BELAKANG", "I. PENDAHULUAN" -> the words only. */
function chapterKey(text: string): { key: string; bab: boolean } {
  const t = clean(text).replace(/\s*:\s*$/, '');
  const bab = /^BAB\s+[IVXL\d]+\b\.?\s*[-:.]?\s*/i.exec(t);
  const rest = bab ? t.slice(bab[0].length) : t;
  return {
    key: rest
      .replace(/^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)]|[A-Z][.)]|[IVX]{1,4}[.)])\s*/i, '')
      .toUpperCase()
      .trim(),
    bab: !!bab,
  };
}

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
  chapter: 'Bab',
  appendix: 'Lampiran',
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
  const chapter = chapterKey(text);
  if (chapter.bab && !chapter.key) return { section: 'chapter', key: '' };
  for (const [section, re] of [...headings, ...moreHeadings]) if (re.test(chapter.key)) return { section, key: chapter.key };
  if (chapter.bab) return { section: 'chapter', key: chapter.key };
  return null;
}

/** Parses a .docx buffer (see module comment); throws a 4xx DomainError when it is no DOCX or no KAK at all. */
export async function parseKakDocx(buffer: Buffer, opts: { fileName?: string } = {}): Promise<KakImport> {
  return interpretKak(await readDocxBlocks(buffer), opts);
}

/** A KAK as Word (.docx) or as PDF with a text layer, told apart by the file's first bytes. */
export async function parseKakFile(buffer: Buffer, opts: { fileName?: string } = {}): Promise<KakImport> {
  if (buffer.subarray(0, 5).toString('latin1') === '%PDF-') {
    const { readPdfBlocks } = await import('./importKakPdf');
    return interpretKak(await readPdfBlocks(buffer), { ...opts, pdf: true });
  }
  return parseKakDocx(buffer, opts);
}

/** The pure interpretation of document blocks; exported for tests of unusual layouts. */
export function interpretKak(blocks: DocBlock[], opts: { fileName?: string; pdf?: boolean } = {}): KakImport {
  const recognisedSet = new Set<string>();
  const recognise = (label: string) => recognisedSet.add(label);
  const unrecognised: string[] = [];
  const fields: ImportedField[] = [];
  let at = '';
  const found = (field: string, value: string | number, where = at) => fields.push({ field, value: String(value), at: where });
  const budget: ImportedBudgetLine[] = [];
  let budgetTotal: number | null = null;
  const signers: ImportedSigner[] = [];
  const meta = new Map<MetaKey, { value: string; at: string }>();
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
  const preambleAt: string[] = [];
  let signature: string[] | null = null;
  let signatureAt = '';
  const intentParts: string[] = [];

  const finishSignature = () => {
    if (!signature) return;
    const lines = signature;
    signature = null;
    const nipIndex = lines.findIndex((l) => /^NIP\b/i.test(l));
    if (nipIndex >= 0) {
      const nip = parseNip(lines[nipIndex]!);
      if (nip) (officer.nip = nip), recognise('NIP PPTK'), found('NIP PPTK', nip, signatureAt);
      else unrecognised.push(`NIP tidak 18 digit: ${quote(lines[nipIndex]!)}`);
    }
    const rest = lines.filter((_, i) => i !== nipIndex);
    const positionLines = rest.filter((l) => positionWords.test(l));
    const others = rest.filter((l) => !positionLines.includes(l));
    if (positionLines.length) {
      officer.position = positionLines.join(' / ');
      recognise('Jabatan PPTK');
      found('Jabatan PPTK', officer.position, signatureAt);
    }
    for (const l of others) {
      if (rankWords.test(l) || /^(ttd|dto)\.?$/i.test(l) || officer.name) unrecognised.push(`Blok tanda tangan: ${quote(l)}`);
      else (officer.name = l), recognise('Nama PPTK'), found('Nama PPTK', l, signatureAt);
    }
    if (officer.name) signers.push({ role: 'pptk', name: officer.name, position: officer.position, nip: officer.nip, at: signatureAt });
  };

  /** A signer beside the PPTK ("Mengetahui, Kepala Dinas"): kept in the answer, not dropped. */
  const otherSigner = (lines: string[], where: string) => {
    const body = lines.filter((l) => !/^(mengetahui|menyetujui|disetujui oleh)\b[,:]?$/i.test(l));
    const nipLine = body.find((l) => /^NIP\b/i.test(l));
    const nip = nipLine ? (parseNip(nipLine) ?? '') : '';
    const rest = body.filter((l) => l !== nipLine);
    const position = rest
      .filter((l) => positionWords.test(l))
      .map((l) => l.replace(/,$/, ''))
      .join(' / ');
    const name = rest.find((l) => !positionWords.test(l) && !rankWords.test(l) && !/^(ttd|dto)\.?$/i.test(l)) ?? '';
    if (!name && !position) return;
    signers.push({ role: 'mengetahui', name, position, nip, at: where });
    found('Mengetahui', [position, name, nip && `NIP ${nip}`].filter(Boolean).join(', '), where);
    recognise('Mengetahui');
  };

  const enterSection = (s: Section, key: string) => {
    finishSignature();
    section = s;
    if (!sectionsFound.includes(s)) sectionsFound.push(s);
    if (s === 'purpose' && !key.startsWith('MAKSUD DAN')) {
      // "Maksud" / "Tujuan" as sections of their own: listed once content is found.
    } else if (s !== 'closing' && s !== 'chapter' && s !== 'appendix') recognise(sectionLabels[s]);
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
        preambleAt.push(at);
        return;
      case 'background':
        kak.background.push(item);
        found('Latar Belakang', item);
        return;
      case 'purpose': {
        const sub = /^(maksud|tujuan)\b([^:]{0,40}):\s*(.*)$/i.exec(item);
        if (sub) {
          purposePart = sub[1]!.toLowerCase() === 'maksud' ? 'intent' : 'objectives';
          if (sub[3] && purposePart === 'intent') intentParts.push(sub[3]), found('Maksud', sub[3]);
          else if (sub[3]) kak.objectives.push(sub[3]), found('Tujuan', sub[3]);
          return;
        }
        const intro = /^(?:adapun\s+)?(maksud|tujuan)\b.{0,60}:$/i.exec(item);
        if (intro && !isListItem) {
          purposePart = intro[1]!.toLowerCase() === 'maksud' ? 'intent' : 'objectives';
          return;
        }
        const part = purposePart ?? (isListItem || kak.objectives.length ? 'objectives' : 'intent');
        if (part === 'intent') intentParts.push(item), found('Maksud', item);
        else kak.objectives.push(item), found('Tujuan', item);
        return;
      }
      case 'legal':
        if (isIntro) unrecognised.push(`Kalimat pengantar Dasar Hukum tidak disimpan: ${quote(text)}`);
        else kak.legalBases.push(parseLegalBasis(item)), found('Dasar Hukum', item);
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
          fields.push({ field: 'Peserta', value: item, at });
        } else if (/\bjadwal\b/i.test(item) && item.length <= 300 && (/:$/.test(item) || /^adap?a?un\b/i.test(item))) {
          scheduleIntro = item;
          recognise('Pengantar jadwal');
          found('Pengantar jadwal', item);
        } else kak.method.push(item), found('Metode Pelaksanaan', item);
        return;
      case 'location':
        kak.locations.push(item);
        found('Lokasi Kegiatan', item);
        return;
      case 'outputs': {
        const ind = /^indikator(\s+(keluaran|kinerja))?\s*:\s*(.+)$/i.exec(item);
        const target = /^target\s*:\s*(.+)$/i.exec(item);
        const last = kak.outputs[kak.outputs.length - 1];
        if (ind && last) last.indicator = ind[3]!;
        else if (target && last) last.target = target[1]!;
        else if (isIntro) unrecognised.push(`Kalimat pengantar Keluaran tidak disimpan: ${quote(text)}`);
        else kak.outputs.push({ description: item, indicator: '', target: '' }), found('Keluaran', item);
        return;
      }
      case 'funding': {
        const total = findTotal(text) ?? (/^rp\.?\s*\d/i.test(text) ? parseRupiah(/^rp\.?\s*[\d.,]+-?/i.exec(text)![0]) : null);
        const stated = findFundingSource(text);
        const source = (stated && normaliseSource(stated)) || findSourceInText(text) || sourceAtStart(text);
        if (total !== null) (totalFromText = total), recognise('Jumlah dana'), found('Jumlah dana', total);
        if (source) (kak.funding.source = source), recognise('Sumber dana'), found('Sumber dana', source);
        if (total === null && !source && !/triwulan|tri\s*b?wulan|rincian/i.test(text))
          unrecognised.push(`Paragraf Pembiayaan tidak dikenali: ${quote(text)}`);
        return;
      }
      case 'closing':
        unrecognised.push(`Penutup tidak disimpan: ${quote(text)}`);
        return;
      case 'chapter':
        unrecognised.push(`Paragraf di bawah judul bab, di luar bagian yang dikenali: ${quote(text)}`);
        return;
      case 'appendix':
        unrecognised.push(`Lampiran tidak disimpan: ${quote(text)} (${at})`);
        return;
    }
  };

  const setMeta = (key: MetaKey, value: string, where: string) => {
    if (!meta.has(key) && value) meta.set(key, { value, at: where });
  };
  const isSectionLabel = (label: string) => {
    const h = headingOf({ kind: 'p', text: label, numbering: null }, clean(label));
    return !!h && h.section !== 'chapter' && h.section !== 'appendix';
  };
  const rupiahText = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

  const processTable = (block: DocBlock & { kind: 'table' }) => {
    const tableAt = block.at ?? '';
    at = tableAt;
    const bh = budgetHeader(block.rows);
    if (bh) {
      const b = readBudgetTable(block.rows, bh.h, bh.cols, tableAt);
      budget.push(...b.lines);
      if (b.total !== null) budgetTotal = (budgetTotal ?? 0) + b.total;
      unrecognised.push(...b.problems);
      if (b.lines.length) recognise('Rincian anggaran');
      for (const l of b.lines)
        found(
          'Rincian anggaran',
          `${l.accountCode ? `${l.accountCode} ` : ''}${l.description}: ${l.volumeText || l.volume} ${l.unit} x ${rupiahText(l.unitPrice)} = ${rupiahText(l.amount)}`,
          l.at,
        );
      if (b.total !== null) found('Total rincian anggaran', rupiahText(b.total), tableAt);
      return;
    }
    const t = readTable(block);
    if (t.kind === 'empty') return;
    if (t.kind === 'schedule') {
      kak.schedule.push(...t.steps);
      unrecognised.push(...t.problems);
      if (t.steps.length) recognise('Jadwal kegiatan');
      for (const st of t.steps)
        found('Jadwal kegiatan', `${st.step}: bulan ${st.startMonth}${st.endMonth !== st.startMonth ? `-${st.endMonth}` : ''}`, tableAt);
      return;
    }
    if (t.kind === 'funding') {
      kak.funding.quarters = t.quarters;
      if (t.label) kak.funding.label = t.label;
      if (t.total !== null) totalFromTable = t.total;
      quartersFound = true;
      unrecognised.push(...t.problems);
      recognise('Rincian per triwulan');
      found('Rincian per triwulan', t.quarters.map((q, i) => `TW ${['I', 'II', 'III', 'IV'][i]}: ${rupiahText(q)}`).join('; '), tableAt);
      return;
    }
    const expanded = expandKakTable(block.rows, tableAt, isSectionLabel);
    if (expanded) {
      for (const b of expanded.blocks) processParagraph(b);
      return;
    }
    if (section === 'preamble') {
      const lines = headerTableLines(block.rows);
      if (lines) {
        lines.forEach((l, i) => {
          preamble.push(l);
          preambleAt.push(`${tableAt}, baris ${i + 1}`);
        });
        return;
      }
    }
    const columns = section !== 'preamble' ? signatureColumns(block.rows) : null;
    if (columns) {
      const pptk = (c: SignColumn) => c.lines.some((l) => /\bPPTK\b|pelaksana teknis/i.test(l));
      const officerColumn =
        columns.find(pptk) ?? columns.find((c) => c.lines.some((l) => parseSignLine(l))) ?? columns[columns.length - 1]!;
      finishSignature();
      for (const c of columns) {
        const where = `${tableAt}, kolom ${c.col + 1}`;
        let lines = c.lines.map((l) => l.replace(/\s*,$/, ''));
        const signIndex = lines.findIndex((l) => parseSignLine(l));
        if (signIndex >= 0) {
          const sign = parseSignLine(lines[signIndex]!)!;
          (signPlace = sign.place), (signDate = sign.date), recognise('Tempat dan tanggal');
          found('Tempat dan tanggal', lines[signIndex]!, where);
          lines = lines.filter((_, i) => i !== signIndex);
        }
        if (c === officerColumn) {
          signature = lines.filter((l) => !/^(mengetahui|menyetujui)\b/i.test(l));
          signatureAt = where;
          finishSignature();
        } else otherSigner(lines, where);
      }
      return;
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
      found('Tempat dan tanggal', lines[signIndex]!);
      signature = lines.slice(signIndex + 1);
      signatureAt = tableAt;
      finishSignature();
      return;
    }
    if (block.rows.length > 200) unrecognised.push(`Tabel yang tidak dikenali (${block.rows.length} baris, ${tableAt})`);
    else unrecognised.push(`Tabel yang tidak dikenali (${block.rows.length} baris): ${quote(lines.slice(0, 6).join(' | '))}`);
  };

  const processParagraph = (block: DocParagraph & { meta?: boolean }) => {
    at = block.at ?? '';
    const text = clean(block.text);
    if (!text) return;
    if (block.meta) {
      const m = metaLine(text);
      if (m) setMeta(m.key, m.value, at);
      else unrecognised.push(`Baris tabel KAK tidak dikenali: ${quote(text)} (${at})`);
      return;
    }
    const heading = headingOf(block, text);
    if (heading) {
      if (section === 'purpose' && /^(MAKSUD|TUJUAN)$/.test(heading.key)) {
        purposePart = heading.key === 'MAKSUD' ? 'intent' : 'objectives';
        return;
      }
      enterSection(heading.section, heading.key);
      return;
    }
    if (section !== 'preamble') {
      const sign = parseSignLine(text);
      if (sign) {
        finishSignature();
        (signPlace = sign.place), (signDate = sign.date), recognise('Tempat dan tanggal');
        found('Tempat dan tanggal', text);
        signature = [];
        signatureAt = at;
        return;
      }
      if (signature) {
        signature.push(text.replace(/\s*,$/, ''));
        return;
      }
    }
    handleParagraph(block, text);
  };

  for (const block of blocks) {
    if (block.kind === 'table') processTable(block);
    else processParagraph(block);
  }
  finishSignature();

  if (!sectionsFound.length) throw new ValidationError(notKakMessage);

  // Title block: "KERANGKA ACUAN KERJA" then "KEGIATAN <TITLE> TAHUN <YEAR>", possibly over two lines.
  const kakLine = preamble.findIndex((l) => /^(KERANGKA ACUAN KERJA|TERMS? OF REFERENCE)\b/i.test(l));
  const used = new Set<number>();
  if (kakLine >= 0) used.add(kakLine), recognise('Judul KAK'), found('Judul KAK', preamble[kakLine]!, preambleAt[kakLine]);
  let titleAt = '';
  let orgUnitAt = '';
  // A header block of "label : value" lines (Perangkat Daerah, Program, Kegiatan, Sub Kegiatan, Nama Kegiatan, ...).
  const metaLines = preamble.map((l, i) => ({ i, m: metaLine(l) })).filter((x) => x.m);
  const strongMeta = (k: MetaKey) => k === 'opd' || k === 'unit' || k === 'program' || k === 'subKegiatan' || k === 'name';
  const headerBlock = metaLines.some((x) => strongMeta(x.m!.key)) || [...meta.keys()].some(strongMeta);
  if (headerBlock) {
    for (const { i, m } of metaLines) {
      setMeta(m!.key, m!.value, preambleAt[i] ?? '');
      used.add(i);
    }
  }
  // First with the word "KEGIATAN", so that an org-unit line is not taken for the title; then without it.
  const titlePatterns = [
    /^(?:SUB\s+)?KEGIATAN\s*:?\s*(.+?)\s+TAHUN(?:\s+ANGGARAN)?\s*:?\s*(\d{4})$/i,
    /^(.+?)\s+TAHUN(?:\s+ANGGARAN)?\s*:?\s*(\d{4})$/i,
  ];
  for (const [pass, re] of titlePatterns.entries()) {
    for (let i = Math.max(0, kakLine + 1); i < preamble.length && title === null && !(headerBlock && meta.has('name')); i++) {
      if (used.has(i)) continue;
      // Without "KEGIATAN" only the line(s) right under "KERANGKA ACUAN KERJA" may be the title.
      if (pass === 1 && (kakLine < 0 || i > kakLine + 2)) break;
      if (pass === 1 && /^(BIRO|BAGIAN|DINAS|BADAN|SEKRETARIAT|KANTOR|PEMERINTAH)\b/i.test(preamble[i]!)) continue;
      for (let n = 1; n <= 3 && i + n <= preamble.length; n++) {
        if (headerBlock && preamble.slice(i, i + n).some((_, k) => used.has(i + k))) break;
        const m = re.exec(preamble.slice(i, i + n).join(' '));
        if (!m) continue;
        title = titleCase(m[1]!);
        titleAt = preambleAt[i] ?? '';
        fiscalYear = Number(m[2]) >= 2000 && Number(m[2]) <= 2100 ? Number(m[2]) : null;
        for (let j = i; j < i + n; j++) used.add(j);
        recognise('Judul kegiatan');
        if (fiscalYear) recognise('Tahun anggaran');
        break;
      }
    }
  }
  // From the header block or the KAK table: title, year, unit, funding source and total.
  const metaName = meta.get('name') ?? (title === null ? (meta.get('subKegiatan') ?? meta.get('kegiatan')) : undefined);
  if (headerBlock && metaName) {
    title = titleCase(metaName.value.replace(/\s+TAHUN(?:\s+ANGGARAN)?\s*:?\s*\d{4}$/i, ''));
    titleAt = metaName.at;
    recognise('Judul kegiatan');
  } else if (metaName && title === null) {
    title = titleCase(metaName.value);
    titleAt = metaName.at;
    recognise('Judul kegiatan');
  }
  const metaYear = meta.get('year');
  if (metaYear && fiscalYear === null) {
    const y = Number(/\b(\d{4})\b/.exec(metaYear.value)?.[1]);
    if (y >= 2000 && y <= 2100) (fiscalYear = y), recognise('Tahun anggaran'), found('Tahun anggaran', y, metaYear.at);
  }
  const opd = meta.get('opd');
  const unit = meta.get('unit');
  if (opd || unit) {
    orgUnit = [unit, opd]
      .filter((x): x is { value: string; at: string } => !!x)
      .map((x) => titleCase(x.value))
      .join(', ');
    orgUnitAt = (unit ?? opd)!.at;
    recognise('Unit kerja');
  }
  const metaSource = meta.get('source');
  if (metaSource && !kak.funding.source) {
    kak.funding.source = normaliseSource(metaSource.value);
    recognise('Sumber dana');
    found('Sumber dana', kak.funding.source, metaSource.at);
  }
  const metaTotal = meta.get('total');
  if (metaTotal && totalFromText === null) {
    const v = parseRupiah(metaTotal.value.replace(/\s*\(.*\)$/, ''));
    if (v !== null) (totalFromText = v), recognise('Jumlah dana'), found('Jumlah dana', v, metaTotal.at);
  }
  for (const [key, label] of [
    ['program', 'Program'],
    ['kegiatan', 'Kegiatan'],
    ['subKegiatan', 'Sub Kegiatan'],
  ] as const) {
    const v = meta.get(key);
    if (v && v !== metaName)
      unrecognised.push(`${label}: ${quote(v.value)} (${v.at}) tidak punya isian di formulir kegiatan; tidak disimpan`);
  }
  const sameAsMeta = (l: string) => [opd, unit].some((x) => x && clean(x.value).toUpperCase() === clean(l).toUpperCase());
  preamble.forEach((l, i) => {
    if (used.has(i)) return;
    if (sameAsMeta(l)) return;
    if (!orgUnit && /^(BIRO|BAGIAN|DINAS|BADAN|SEKRETARIAT|KANTOR)\b/i.test(l) && l.length <= 300) {
      orgUnit = titleCase(l);
      orgUnitAt = preambleAt[i] ?? '';
      recognise('Unit kerja');
    } else unrecognised.push(`Paragraf di luar bagian yang dikenali: ${quote(l)}`);
  });
  if (title !== null) found('Judul kegiatan', title, titleAt);
  if (fiscalYear !== null && !fields.some((f) => f.field === 'Tahun anggaran')) found('Tahun anggaran', fiscalYear, titleAt);
  if (orgUnit) found('Unit kerja', orgUnit, orgUnitAt);
  if (title === null) {
    const fromFile = opts.fileName
      ?.replace(/\.(docx|pdf)$/i, '')
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
  const budgetSum = budget.reduce((a, l) => a + l.amount, 0);
  kak.funding.total =
    totalFromText ??
    totalFromTable ??
    budgetTotal ??
    (budget.length ? budgetSum : null) ??
    (quartersFound ? kak.funding.quarters.reduce((a, b) => a + b, 0) : 0);
  if (budgetTotal !== null && budgetTotal !== budgetSum)
    unrecognised.push(`Total rincian anggaran (${rupiahText(budgetTotal)}) tidak sama dengan jumlah barisnya (${rupiahText(budgetSum)})`);
  const budgetLines = draftBudgetLines(budget, kak.schedule, quartersFound ? kak.funding.quarters : null, unrecognised);
  if (budgetLines.length && !quartersFound) {
    kak.funding.quarters = [0, 1, 2, 3].map((q) => budgetLines.reduce((a, l) => a + l.quarterPlan[q]!, 0)) as [
      number,
      number,
      number,
      number,
    ];
  }
  const hasFunding = sectionsFound.includes('funding') || quartersFound || budget.length > 0 || !!kak.funding.source;
  if (!orgUnit && kak.funding.source && !/sumatera barat/i.test(kak.funding.source)) {
    unrecognised.push(`Unit kerja tidak ditemukan di dokumen; diisi "${defaultOrgUnit}", periksa kembali`);
  }
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
    ...(budgetLines.length ? { budgetLines } : {}),
  };
  const fitted = fitToSchema(createActivityInput, draft as Record<string, unknown>);
  const rank = (l: string) => recognisedOrder.indexOf(l) + 1 || 99;
  const recognised = [...recognisedSet].sort((a, b) => rank(a) - rank(b));
  return {
    draft: fitted.value as CreateActivityInput,
    recognised,
    unrecognised: [...unrecognised, ...fitted.dropped],
    fields,
    budget,
    signers,
  };
}

type DraftLine = NonNullable<CreateActivityInput['budgetLines']>[number] & { quarterPlan: [number, number, number, number] };

/**
 * The budget lines that can be saved as such (a six-level account code, a whole-rupiah amount). The quarter plan
 * of each line is not written in a RAB: the lines are placed in the quarters of the KAK's per-quarter plan when
 * there is one, else in the quarter the schedule starts in; the user is told so. Old five-level codes and lines
 * without a code are kept in the answer as written, with a note.
 */
function draftBudgetLines(
  lines: ImportedBudgetLine[],
  schedule: NonNullable<KakInput['schedule']>,
  quarters: readonly number[] | null,
  unrecognised: string[],
): DraftLine[] {
  const out: DraftLine[] = [];
  const left = quarters ? [...quarters] : null;
  const firstMonth = schedule.length ? Math.min(...schedule.map((s) => s.startMonth)) : 1;
  const defaultQuarter = Math.ceil(firstMonth / 3) - 1;
  for (const l of lines) {
    if (l.codeKind === 'old') {
      unrecognised.push(
        `Rincian ${quote(l.description)}: kode rekening lama ${l.accountCode} (5 tingkat, sebelum Kepmendagri 050-5889/2021) disimpan apa adanya di pratinjau, tetapi tidak dapat menjadi rincian anggaran; tambahkan dengan kode 6 tingkat (${l.at})`,
      );
      continue;
    }
    if (l.codeKind === 'none') {
      unrecognised.push(
        `Rincian ${quote(l.description)} tanpa kode rekening 6 tingkat${l.accountCode ? ` (tertulis ${l.accountCode})` : ''}; tidak disimpan sebagai rincian anggaran (${l.at})`,
      );
      continue;
    }
    const cents = Math.round(l.volume * 100) * l.unitPrice;
    if (l.volume <= 0 || cents % 100 !== 0) {
      unrecognised.push(`Rincian ${quote(l.description)}: volume x harga satuan bukan rupiah bulat; tidak disimpan (${l.at})`);
      continue;
    }
    const amount = cents / 100;
    let q = defaultQuarter;
    if (left) {
      const fits = left.findIndex((v) => v >= amount);
      q = fits >= 0 ? fits : left.indexOf(Math.max(...left));
      left[q] = left[q]! - amount;
    }
    const quarterPlan: [number, number, number, number] = [0, 0, 0, 0];
    quarterPlan[q] = amount;
    out.push({
      accountCode: l.accountCode,
      description: l.description.slice(0, 500),
      volume: l.volume,
      unit: (l.unit || 'paket').slice(0, 40),
      unitPrice: l.unitPrice,
      quarterPlan,
    });
  }
  if (out.length)
    unrecognised.push(
      quarters
        ? 'Rencana per triwulan tiap rincian anggaran tidak tertulis; rincian ditempatkan mengikuti rincian per triwulan KAK, periksa kembali'
        : `Rencana per triwulan tiap rincian anggaran tidak tertulis; seluruhnya ditempatkan di Triwulan ${['I', 'II', 'III', 'IV'][defaultQuarter]} (awal jadwal), periksa kembali`,
    );
  return out;
}
