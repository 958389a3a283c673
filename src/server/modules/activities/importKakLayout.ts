import type { DocParagraph } from './importKakDocx';
import { clean, parseSignLine } from './importKakFields';

/**
 * Layouts around the sections of a KAK: the header block of "label : value" lines (or a borderless table of
 * them), the whole KAK written in a two- or three-column table ("Uraian | Keterangan"), and signature blocks
 * laid out side by side in a table ("Mengetahui, Kepala Dinas" | "PPTK").
 */

export type MetaKey = 'opd' | 'unit' | 'program' | 'kegiatan' | 'subKegiatan' | 'name' | 'year' | 'source' | 'total';

const metaLabels: [MetaKey, RegExp][] = [
  ['opd', /^(perangkat daerah|opd|skpd|satuan kerja( perangkat daerah)?|instansi|nama (opd|skpd|perangkat daerah))$/i],
  ['unit', /^(unit kerja|unit organisasi|sub unit( kerja)?|bidang|bagian)$/i],
  ['program', /^(nama )?program$/i],
  ['kegiatan', /^kegiatan$/i],
  ['subKegiatan', /^(nama )?sub[\s-]?kegiatan$/i],
  ['name', /^(nama kegiatan|nama pekerjaan|pekerjaan|judul kegiatan|judul|nama paket( pekerjaan)?)$/i],
  ['year', /^(tahun anggaran|tahun|t\.?a\.?)$/i],
  ['source', /^(sumber (dana|anggaran|pendanaan|pembiayaan))$/i],
  ['total', /^(jumlah (anggaran|dana|biaya)|pagu( anggaran)?|nilai (anggaran|pagu)|total (anggaran|biaya)|besaran anggaran)$/i],
];

export function metaKeyOf(label: string): MetaKey | null {
  const l = clean(label)
    .replace(/^(?:\d{1,2}|[a-z])[.)]\s*/i, '')
    .replace(/[:.]$/, '')
    .trim();
  for (const [key, re] of metaLabels) if (re.test(l)) return key;
  return null;
}

/** "Perangkat Daerah : Dinas ...", "Tahun Anggaran\t: 2024" -> key and value; null for other lines. */
export function metaLine(text: string): { key: MetaKey; value: string } | null {
  const m = /^([\p{L}][\p{L} ./-]{0,40}?)\s*:\s*(.+)$/u.exec(clean(text));
  if (!m) return null;
  const key = metaKeyOf(m[1]!);
  return key ? { key, value: clean(m[2]!) } : null;
}

/** A borderless header table "label | : | value" (or "label | value") -> its "label : value" lines, or null. */
export function headerTableLines(rows: string[][]): string[] | null {
  const lines: string[] = [];
  let known = 0;
  for (const row of rows) {
    const cells = row.map(clean).filter((c) => c !== '');
    if (!cells.length) continue;
    const [label, ...rest] = cells;
    const value = rest.join(' ').replace(/^:\s*/, '').trim();
    if (!value || !label) return null;
    if (metaKeyOf(label.replace(/:$/, ''))) known++;
    lines.push(`${label.replace(/\s*:$/, '')} : ${value}`);
  }
  return known >= 2 && known >= lines.length / 2 ? lines : null;
}

/**
 * The whole KAK in a table: label | value rows (with a number column in front, or not). Returns paragraphs in
 * document order: a heading line per section row followed by the cell's lines, "label : value" for the others.
 * `isHeading` says whether a label names a KAK section. Null when the table is no such KAK.
 */
export function expandKakTable(
  rows: string[][],
  at: string,
  isHeading: (label: string) => boolean,
): { blocks: (DocParagraph & { meta?: boolean })[]; rows: number } | null {
  const width = Math.max(...rows.map((r) => r.length));
  if (width < 2 || width > 4) return null;
  let labelCol = 0;
  // A number column in front: "1 | Latar Belakang | ...".
  if (rows.filter((r) => /^(\d{1,2}|[a-zA-Z]|[IVX]{1,4})?\.?$/.test(clean(r[0] ?? ''))).length >= rows.length * 0.7 && width >= 3)
    labelCol = 1;
  let sections = 0;
  let metas = 0;
  for (const r of rows) {
    const label = clean(r[labelCol] ?? '');
    if (!label || label.length > 60) continue;
    if (isHeading(label)) sections++;
    else if (metaKeyOf(label)) metas++;
  }
  if (sections < 3 || sections + metas < 4) return null;
  const blocks: (DocParagraph & { meta?: boolean })[] = [];
  rows.forEach((r, i) => {
    const label = clean(r[labelCol] ?? '');
    const valueCells = r.slice(labelCol + 1).filter((c) => clean(c) !== '' && clean(c) !== ':');
    const value = valueCells.join('\n');
    if (!label || /^(uraian|keterangan|komponen|no\.?)$/i.test(label)) return;
    const where = `${at}, baris ${i + 1}`;
    const valueAt = `${where}, kolom ${labelCol + 2}`;
    if (isHeading(label)) {
      blocks.push({ kind: 'p', text: label.replace(/\s*:$/, ''), numbering: null, at: `${where}, kolom ${labelCol + 1}` });
      for (const line of value.split('\n')) if (clean(line)) blocks.push({ kind: 'p', text: line, numbering: null, at: valueAt });
    } else {
      blocks.push({
        kind: 'p',
        text: `${label.replace(/\s*:$/, '')} : ${clean(value.replace(/\n/g, ' '))}`,
        numbering: null,
        at: valueAt,
        meta: true,
      });
    }
  });
  return { blocks, rows: rows.length };
}

export type SignColumn = { lines: string[]; col: number };

/**
 * A signature block laid out in a table: one column per signer. Returns the columns with content when the table
 * looks like one (a place-and-date line, "Mengetahui", a NIP line, or a PPTK label), else null.
 */
export function signatureColumns(rows: string[][]): SignColumn[] | null {
  const width = Math.max(...rows.map((r) => r.length));
  if (width < 2 || width > 4 || rows.length > 12) return null;
  const columns: SignColumn[] = [];
  for (let c = 0; c < width; c++) {
    const lines = rows
      .flatMap((r) => (r[c] ?? '').split('\n'))
      .map(clean)
      .filter(Boolean);
    if (lines.length) columns.push({ lines, col: c });
  }
  if (columns.length < 2) return null;
  const signish = (l: string) =>
    !!parseSignLine(l) || /^(mengetahui|menyetujui)\b/i.test(l) || /^NIP\b/i.test(l) || /\bPPTK\b|pelaksana teknis/i.test(l);
  const withSign = columns.filter((c) => c.lines.some(signish));
  return withSign.length >= 2 || (withSign.length === 1 && columns.every((c) => c.lines.length <= 10)) ? columns : null;
}
