import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { DomainError, ValidationError } from '../../core/errors';
import { withImportSlot } from '../../core/importSlot';

/**
 * Reads the body of a Word (.docx) file as a flat list of blocks in document order: paragraphs
 * (with their Word list numbering, if any) and tables (rows of cell texts). Everything else
 * (bookmarks, field codes, deleted revisions, drawings) is left out.
 */

export type NumberFormat = 'decimal' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman' | 'bullet' | 'other';
export type DocParagraph = {
  kind: 'p';
  text: string;
  /** Word list numbering (w:numPr, directly or through the paragraph style). */
  numbering: { numId: string; level: number; format: NumberFormat } | null;
  /** Where the paragraph is, for the user: "paragraf 12", "halaman 2". */
  at?: string;
};
export type DocTable = { kind: 'table'; rows: string[][]; at?: string };
export type DocBlock = DocParagraph | DocTable;

/**
 * Limits against zip bombs: the XML parts of a KAK are a few hundred kilobytes at most. Each part is inflated as a
 * stream and abandoned past its limit, whatever size the zip declares; the three parts read share one budget.
 */
export const docxMaxPartBytes = 4 * 1024 * 1024;
export const docxMaxInflatedBytes = 8 * 1024 * 1024;
const docxMaxEntries = 2000;
const tooBig = () => new ValidationError('Isi dokumen terlalu besar untuk dibaca sebagai KAK.');

type XNode = Record<string, unknown>;

/** The text given to an empty shaded table cell (a mark in a schedule grid). */
export const shadedMark = '■';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: { enabled: true, maxEntityCount: 20, maxExpandedLength: 100_000 },
});

function notDocx(message: string): DomainError {
  return new DomainError('unsupported_media_type', message);
}

/** Refuses what is plainly not a DOCX, with a message that says what the file seems to be. */
function checkSignature(buf: Buffer): void {
  if (buf.length === 0) throw new ValidationError('Berkas kosong. Pilih dokumen Word (.docx) berisi KAK.');
  const head = buf.subarray(0, 8);
  if (head.subarray(0, 4).toString('latin1') === '%PDF') {
    throw notDocx('Berkas ini PDF, bukan dokumen Word (.docx). Buka KAK di Word lalu simpan sebagai .docx.');
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // A password-protected .docx is an OLE container holding "EncryptionInfo" and "EncryptedPackage".
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le')) || buf.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new ValidationError(
        'Dokumen Word ini dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca. Buka di Word, hapus kata sandinya, simpan, lalu unggah lagi.',
      );
    }
    throw notDocx('Berkas ini dokumen Word lama (.doc) yang belum didukung. Simpan ulang sebagai .docx lalu coba lagi.');
  }
  if (!(head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05))) {
    throw notDocx(
      'Berkas ini bukan dokumen Word (.docx) maupun PDF. Pilih KAK berupa .docx (hasil simpan Word atau LibreOffice) atau PDF yang teksnya dapat dipilih.',
    );
  }
}

async function readPart(zip: JSZip, name: string, budget: { left: number }): Promise<string | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      budget.left -= chunk.length;
      if (size > docxMaxPartBytes || budget.left < 0) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(tooBig());
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (e: Error) => reject(e));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const children = (n: XNode, tag: string): XNode[] => (Array.isArray(n[tag]) ? (n[tag] as XNode[]) : []);
const tagOf = (n: XNode): string | undefined => Object.keys(n).find((k) => k !== ':@');
const attr = (n: XNode, name: string): string | undefined => (n[':@'] as Record<string, string> | undefined)?.[name];
const first = (list: XNode[], tag: string): XNode | undefined => list.find((c) => tag in c);

/** Numbering definitions: numId -> level -> format, from word/numbering.xml. */
function readNumbering(xml: string | null): Map<string, Map<number, NumberFormat>> {
  const result = new Map<string, Map<number, NumberFormat>>();
  if (!xml) return result;
  const root = first(parser.parse(xml) as XNode[], 'w:numbering');
  if (!root) return result;
  const abstract = new Map<string, Map<number, NumberFormat>>();
  const known = new Set<string>(['decimal', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'bullet']);
  for (const n of children(root, 'w:numbering')) {
    if (tagOf(n) !== 'w:abstractNum') continue;
    const levels = new Map<number, NumberFormat>();
    for (const lvl of children(n, 'w:abstractNum')) {
      if (tagOf(lvl) !== 'w:lvl') continue;
      const fmtNode = first(children(lvl, 'w:lvl'), 'w:numFmt');
      const fmt = fmtNode ? (attr(fmtNode, 'w:val') ?? 'decimal') : 'decimal';
      levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), (known.has(fmt) ? fmt : 'other') as NumberFormat);
    }
    abstract.set(attr(n, 'w:abstractNumId') ?? '', levels);
  }
  for (const n of children(root, 'w:numbering')) {
    if (tagOf(n) !== 'w:num') continue;
    const ref = first(children(n, 'w:num'), 'w:abstractNumId');
    const levels = ref ? abstract.get(attr(ref, 'w:val') ?? '') : undefined;
    if (levels) result.set(attr(n, 'w:numId') ?? '', levels);
  }
  return result;
}

/** Paragraph styles that carry list numbering themselves (e.g. "List Number"), from word/styles.xml. */
function readStyleNumbering(xml: string | null): Map<string, { numId: string; level: number }> {
  const result = new Map<string, { numId: string; level: number }>();
  if (!xml) return result;
  const root = first(parser.parse(xml) as XNode[], 'w:styles');
  if (!root) return result;
  for (const s of children(root, 'w:styles')) {
    if (tagOf(s) !== 'w:style') continue;
    const pPr = first(children(s, 'w:style'), 'w:pPr');
    const numPr = pPr && first(children(pPr, 'w:pPr'), 'w:numPr');
    if (!numPr) continue;
    const numId = first(children(numPr, 'w:numPr'), 'w:numId');
    const ilvl = first(children(numPr, 'w:numPr'), 'w:ilvl');
    if (numId)
      result.set(attr(s, 'w:styleId') ?? '', { numId: attr(numId, 'w:val') ?? '', level: Number(ilvl ? attr(ilvl, 'w:val') : 0) || 0 });
  }
  return result;
}

/** Visible text of a run container: w:t, tabs and breaks; skips deleted text, field codes and drawings. */
function textOf(nodes: XNode[], out: string[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (!tag) continue;
    if (tag === 'w:t') {
      for (const t of children(n, 'w:t')) if ('#text' in t) out.push(String(t['#text']));
    } else if (tag === 'w:tab') out.push('\t');
    else if (tag === 'w:br' || tag === 'w:cr') out.push('\n');
    else if (tag === 'w:noBreakHyphen') out.push('-');
    else if (
      tag === 'w:del' ||
      tag === 'w:moveFrom' ||
      tag === 'w:instrText' ||
      tag === 'w:delText' ||
      tag === 'w:pPr' ||
      tag === 'w:rPr' ||
      tag === 'w:drawing' ||
      tag === 'w:pict'
    )
      continue;
    else if (tag.startsWith('w:') || tag.startsWith('m:')) textOf(children(n, tag), out);
  }
}

type Context = { numbering: Map<string, Map<number, NumberFormat>>; styles: Map<string, { numId: string; level: number }> };

function paragraph(p: XNode, ctx: Context): DocParagraph {
  const kids = children(p, 'w:p');
  const parts: string[] = [];
  textOf(kids, parts);
  const pPr = first(kids, 'w:pPr');
  const pPrKids = pPr ? children(pPr, 'w:pPr') : [];
  let num: { numId: string; level: number } | null = null;
  const numPr = first(pPrKids, 'w:numPr');
  if (numPr) {
    const id = first(children(numPr, 'w:numPr'), 'w:numId');
    const lvl = first(children(numPr, 'w:numPr'), 'w:ilvl');
    if (id) num = { numId: attr(id, 'w:val') ?? '', level: Number(lvl ? attr(lvl, 'w:val') : 0) || 0 };
  }
  if (!num) {
    const style = first(pPrKids, 'w:pStyle');
    num = style ? (ctx.styles.get(attr(style, 'w:val') ?? '') ?? null) : null;
  }
  // numId 0 explicitly removes numbering.
  const numbering =
    num && num.numId !== '0'
      ? { numId: num.numId, level: num.level, format: ctx.numbering.get(num.numId)?.get(num.level) ?? ('decimal' as NumberFormat) }
      : null;
  return { kind: 'p', text: parts.join(''), numbering };
}

function cellText(tc: XNode, ctx: Context): string {
  const lines: string[] = [];
  walk(children(tc, 'w:tc'), ctx, (b) => {
    if (b.kind === 'p') lines.push(b.text);
    else for (const r of b.rows) lines.push(r.join(' '));
  });
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function table(tbl: XNode, ctx: Context): DocTable {
  const rows: string[][] = [];
  const rowNodes: XNode[] = [];
  const collectRows = (nodes: XNode[]) => {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === 'w:tr') rowNodes.push(n);
      else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') collectRows(children(n, t));
    }
  };
  collectRows(children(tbl, 'w:tbl'));
  for (const tr of rowNodes) {
    const cells: string[] = [];
    const collectCells = (nodes: XNode[]) => {
      for (const n of nodes) {
        const t = tagOf(n);
        if (t === 'w:tc') {
          // A cell spanning columns fills them all, so that column indices follow the table grid.
          const tcPr = first(children(n, 'w:tc'), 'w:tcPr');
          const span = tcPr ? first(children(tcPr, 'w:tcPr'), 'w:gridSpan') : undefined;
          const shd = tcPr ? first(children(tcPr, 'w:tcPr'), 'w:shd') : undefined;
          const fill = shd ? (attr(shd, 'w:fill') ?? '').toLowerCase() : '';
          const text = cellText(n, ctx);
          // An empty shaded cell marks a month or week in a schedule grid.
          cells.push(!text && fill && fill !== 'auto' && fill !== 'ffffff' ? shadedMark : text);
          for (let i = 1; i < Math.min(Number(span ? attr(span, 'w:val') : 1) || 1, 64); i++) cells.push('');
        } else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') collectCells(children(n, t));
      }
    };
    const trPr = first(children(tr, 'w:tr'), 'w:trPr');
    const before = trPr ? first(children(trPr, 'w:trPr'), 'w:gridBefore') : undefined;
    for (let i = 0; i < Math.min(Number(before ? attr(before, 'w:val') : 0) || 0, 64); i++) cells.push('');
    collectCells(children(tr, 'w:tr'));
    rows.push(cells);
  }
  return { kind: 'table', rows };
}

function walk(nodes: XNode[], ctx: Context, emit: (b: DocBlock) => void): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') emit(paragraph(n, ctx));
    else if (tag === 'w:tbl') emit(table(n, ctx));
    else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:smartTag') {
      walk(children(n, tag), ctx, emit);
    }
  }
}

/**
 * Opens a .docx and returns its body blocks in order; throws a 4xx DomainError for anything that is not a readable DOCX.
 * One import parses at a time in this process (429 beyond it: core/importSlot.ts).
 */
export async function readDocxBlocks(buf: Buffer): Promise<DocBlock[]> {
  checkSignature(buf);
  return withImportSlot(() => readDocx(buf));
}

async function readDocx(buf: Buffer): Promise<DocBlock[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    throw new ValidationError('Berkas .docx rusak atau terpotong sehingga tidak dapat dibuka. Simpan ulang dari Word lalu unggah lagi.');
  }
  let documentXml: string | null;
  let numberingXml: string | null;
  let stylesXml: string | null;
  if (Object.keys(zip.files).length > docxMaxEntries) throw tooBig();
  const budget = { left: docxMaxInflatedBytes };
  try {
    documentXml = await readPart(zip, 'word/document.xml', budget);
    numberingXml = await readPart(zip, 'word/numbering.xml', budget);
    stylesXml = await readPart(zip, 'word/styles.xml', budget);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new ValidationError('Berkas .docx rusak atau terpotong sehingga tidak dapat dibuka. Simpan ulang dari Word lalu unggah lagi.');
  }
  if (documentXml === null) {
    throw notDocx('Berkas ini bukan dokumen Word (.docx): bagian word/document.xml tidak ada.');
  }
  let body: XNode | undefined;
  let ctx: Context;
  try {
    const doc = first(parser.parse(documentXml) as XNode[], 'w:document');
    body = doc && first(children(doc, 'w:document'), 'w:body');
    ctx = { numbering: readNumbering(numberingXml), styles: readStyleNumbering(stylesXml) };
  } catch {
    throw new ValidationError('Isi dokumen Word tidak dapat dibaca (XML rusak). Simpan ulang dari Word lalu unggah lagi.');
  }
  if (!body) throw new ValidationError('Dokumen Word ini tidak berisi badan dokumen (w:body).');
  const blocks: DocBlock[] = [];
  let paragraphs = 0;
  let tables = 0;
  walk(children(body, 'w:body'), ctx, (b) => {
    if (b.kind === 'p') b.at = `paragraf ${++paragraphs}`;
    else b.at = `tabel ${++tables}`;
    blocks.push(b);
  });
  return blocks;
}
