import { ValidationError } from '../../core/errors';
import { withImportSlot } from '../../core/importSlot';
import type { DocBlock } from './importKakDocx';

/**
 * Reads a PDF with a text layer (most KAKs circulate as PDF) into the same blocks as a Word file: lines of text
 * become paragraphs (a wrapped line is joined to the one above it), and runs of lines whose words sit in aligned
 * columns become tables (a cell wrapped over several lines is joined). A scanned PDF has no text: it is refused
 * with a message that says so.
 */

export const pdfMaxPages = 80;
export const scannedPdfMessage = 'PDF ini berupa hasil pindaian; unggah berkas Word atau PDF yang teksnya dapat dipilih.';

type Item = { str: string; x: number; y: number; w: number; h: number };
type Segment = { text: string; x: number; end: number };
type Line = { y: number; h: number; segments: Segment[]; page: number };

/** Words further apart than this (in points) belong to different table cells. */
const cellGap = 9;

function linesOf(items: Item[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; h: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, Math.min(l.h, it.h) * 0.4));
    if (line) line.items.push(it);
    else lines.push({ y: it.y, h: it.h, items: [it] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const its = l.items.sort((a, b) => a.x - b.x);
      const segments: Segment[] = [];
      for (const it of its) {
        const last = segments[segments.length - 1];
        const gap = last ? it.x - last.end : Infinity;
        if (last && gap < cellGap) {
          last.text += (gap > 0.8 && !last.text.endsWith(' ') && !it.str.startsWith(' ') ? ' ' : '') + it.str;
          last.end = Math.max(last.end, it.x + it.w);
        } else segments.push({ text: it.str, x: it.x, end: it.x + it.w });
      }
      for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
      return { y: l.y, h: l.h, segments, page };
    });
}

const listStart = /^(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|[-–•·▪●○*√✓])\s|^\d{1,2}(?:\.\d{1,2})+\.?\s|^BAB\s+[IVX]+\b/;

/** Turns the lines of all pages into paragraphs and tables. */
function blocksOf(lines: Line[], leftMargin: number, rightEdge: number): DocBlock[] {
  const blocks: DocBlock[] = [];
  let tables = 0;
  let i = 0;
  let paragraph: { text: string; last: Line } | null = null;
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'p', text: paragraph.text, numbering: null, at: `halaman ${paragraph.last.page}` });
    paragraph = null;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.segments.length >= 2) {
      flush();
      const taken = tableLines(lines, i);
      i += taken.length;
      blocks.push({ kind: 'table', rows: tableRows(taken), at: `tabel ${++tables} (halaman ${line.page})` });
      continue;
    }
    const seg = line.segments[0]!;
    const text = seg.text;
    const prevLine: Line | undefined = paragraph ? (paragraph as { last: Line }).last : undefined;
    const continues =
      paragraph &&
      prevLine &&
      prevLine.page === line.page &&
      prevLine.y - line.y <= Math.max(prevLine.h, line.h) * 1.6 &&
      !listStart.test(text) &&
      // The line above ran to the right edge (it wrapped) and this one starts at the margin.
      (prevLine.segments[prevLine.segments.length - 1]!.end >= rightEdge - 40 ||
        (/[a-z,]$/.test((paragraph as { text: string }).text) && /^[a-z]/.test(text))) &&
      seg.x <= leftMargin + 30;
    if (continues) {
      paragraph!.text += ` ${text}`;
      paragraph!.last = line;
    } else {
      flush();
      paragraph = { text, last: line };
    }
    i++;
  }
  flush();
  return blocks;
}

const signish = (t: string) =>
  /^(mengetahui|menyetujui)\b|^NIP\b/i.test(t) || /^[A-Z][\p{L} .'-]{1,40}, (\d{1,2} )?[A-Za-z]{3,9} \d{4}$/u.test(t);

/** The lines of a table that starts at `start`: until running text across the columns, a large gap, or a signature block. */
function tableLines(lines: Line[], start: number): Line[] {
  const first = lines[start]!;
  const xs = () => taken.flatMap((l) => l.segments.map((s) => s.x));
  const aligned = (l: Line) => l.segments.every((s) => xs().some((x) => Math.abs(x - s.x) < 6));
  const signTable = first.segments.some((s) => signish(s.text));
  const taken: Line[] = [first];
  for (let k = start + 1; k < lines.length; k++) {
    const l = lines[k]!;
    const prev = taken[taken.length - 1]!;
    const firstX = Math.min(...taken.map((t) => t.segments[0]!.x));
    const secondX = Math.min(...xs().filter((x) => x > firstX + 6));
    // Running text across the columns ends the table.
    if (l.segments.length === 1 && l.segments[0]!.x <= firstX + 4 && l.segments[0]!.end > secondX + 4) break;
    if (!signTable && l.segments.some((s) => signish(s.text))) break;
    const gap = l.page === prev.page ? prev.y - l.y : 0;
    if (gap > Math.max(l.h, prev.h) * 2.6 && !(signTable && aligned(l))) break;
    if (l.page !== prev.page && !aligned(l)) break;
    if (l.segments.length === 1 && !aligned(l)) break;
    taken.push(l);
  }
  return taken;
}

/**
 * Cells of a table's lines: column starts are the x positions the lines share; a line starts a new row when
 * its first cell holds a row number (or a total), else it continues the cells of the row above (a wrapped cell).
 * Lines above the first numbered row form one header row. Wrapped cell lines are kept apart by "\n".
 */
function tableRows(lines: Line[]): string[][] {
  const xs = lines.flatMap((l) => l.segments.map((s) => s.x)).sort((a, b) => a - b);
  const cols: number[] = [];
  for (const x of xs) if (!cols.length || x - cols[cols.length - 1]! > 6) cols.push(x);
  const colOf = (x: number) => {
    let c = 0;
    for (let k = 0; k < cols.length; k++) if (x >= cols[k]! - 6) c = k;
    return c;
  };
  const cellsOf = (l: Line) => {
    const cells: string[] = Array.from({ length: cols.length }, () => '');
    for (const s of l.segments) {
      const c = colOf(s.x);
      cells[c] = cells[c] ? `${cells[c]} ${s.text}` : s.text;
    }
    return cells;
  };
  const all = lines.map(cellsOf);
  const rowStart = (c: string[]) => /^\d{1,3}\.?$/.test(c[0]!) || /^(sub\s*total|total|jumlah)\b/i.test(c.find(Boolean) ?? '');
  const numbered = all.filter(rowStart).length >= 2;
  const rows: string[][] = [];
  let row: string[] | null = null;
  let header = numbered;
  for (const cells of all) {
    const filled = cells.filter(Boolean).length;
    const starts = numbered ? rowStart(cells) : filled * 2 >= cols.length || !row;
    if (header && !rowStart(cells) && row) {
      cells.forEach((c, k) => {
        if (c) row![k] = row![k] ? `${row![k]}\n${c}` : c;
      });
      continue;
    }
    if (rowStart(cells)) header = false;
    if (starts || !row) {
      row = cells;
      rows.push(row);
    } else {
      cells.forEach((c, k) => {
        if (c) row![k] = row![k] ? `${row![k]}\n${c}` : c;
      });
    }
  }
  return rows;
}

export async function readPdfBlocks(buf: Buffer): Promise<DocBlock[]> {
  return withImportSlot(() => readPdf(buf));
}

async function readPdf(buf: Buffer): Promise<DocBlock[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException')
      throw new ValidationError(
        'PDF ini dikunci dengan kata sandi sehingga tidak dapat dibaca. Unggah PDF tanpa kata sandi atau berkas Word.',
      );
    throw new ValidationError('Berkas PDF rusak atau terpotong sehingga tidak dapat dibuka. Simpan ulang PDF-nya lalu unggah lagi.');
  }
  try {
    if (doc.numPages > pdfMaxPages)
      throw new ValidationError(`PDF ini ${doc.numPages} halaman; KAK yang dapat diimpor paling banyak ${pdfMaxPages} halaman.`);
    const lines: Line[] = [];
    let chars = 0;
    let left = Infinity;
    let right = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [, , , d, e, f] = it.transform as number[];
        items.push({ str: it.str, x: e!, y: f!, w: it.width, h: Math.abs(d!) || it.height || 10 });
        chars += it.str.trim().length;
      }
      const pageLines = linesOf(items, p);
      for (const l of pageLines) {
        left = Math.min(left, l.segments[0]!.x);
        right = Math.max(right, l.segments[l.segments.length - 1]!.end);
      }
      lines.push(...pageLines);
      page.cleanup();
    }
    if (chars < 20) throw new ValidationError(scannedPdfMessage);
    return blocksOf(lines, left, right);
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError('Berkas PDF rusak atau terpotong sehingga tidak dapat dibuka. Simpan ulang PDF-nya lalu unggah lagi.');
  } finally {
    await doc.destroy();
  }
}
