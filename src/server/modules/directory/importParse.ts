import { Readable, Transform, pipeline } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DomainError, ValidationError } from '../../core/errors';
import { withImportSlot } from '../../core/importSlot';
import { columnOfHeader, isInstructionSheet, kindOfSheet, type ColumnKey, type RowKind } from './importColumns';

export const importMaxBytes = 5 * 1024 * 1024;
export const importMaxRows = 10_000;
/** Rows read in all, blank ones included (a sheet may hold a million formatted but empty rows). */
export const importMaxScannedRows = 50_000;
/**
 * Zip bomb limits of an XLSX: what its parts may inflate to, all together and for the shared strings (which are
 * held in memory). A workbook of 10,000 directory rows inflates to a few megabytes.
 */
export const xlsxMaxInflatedBytes = 32 * 1024 * 1024;
export const xlsxMaxSharedStringsBytes = 16 * 1024 * 1024;
const xlsxMaxEntries = 2000;

/** One data row of the file, as text, before any checks. */
export type RawRow = {
  sheet: string;
  rowNumber: number;
  /** Kind from the sheet's name when the sheet has no "Jenis" column. */
  sheetKind: RowKind | null;
  values: Partial<Record<ColumnKey, string>>;
  /** Columns whose number Excel stored with lost digits (an 18-digit NIP typed as a number). */
  lossy: ColumnKey[];
};

export type ParsedFile = { format: 'xlsx' | 'csv'; rows: RawRow[]; ignoredColumns: string[] };

const templateHint = 'Unduh templat di GET /api/directory/import/template.';
const tooManyRows = () =>
  new ValidationError(`Berkas berisi lebih dari ${importMaxRows.toLocaleString('id-ID')} baris data: bagi menjadi beberapa berkas.`);
const brokenXlsx = () =>
  new ValidationError('Berkas XLSX rusak atau tidak dapat dibaca. Buka dan simpan ulang di Excel/LibreOffice, lalu unggah lagi.', {
    file: 'Berkas XLSX rusak',
  });
const inflatesTooMuch = () =>
  new ValidationError(
    'Isi berkas XLSX terlalu besar setelah diekstrak. Bagi menjadi beberapa berkas, atau simpan ulang tanpa gambar dan format berlebih.',
    {
      file: 'Isi berkas terlalu besar',
    },
  );

/** A row of a sheet as the parser streams it: its number and its cells by column (1-based). */
type SheetRow = {
  number: number;
  cell: (col: number) => ExcelJS.CellValue | undefined;
  eachCell: (fn: (value: ExcelJS.CellValue, col: number) => void) => void;
};
type Sheet = { name: string; rows: AsyncIterable<SheetRow> };

/**
 * Reads an XLSX or CSV file into text rows; a file that is not one of those, or has no header row, is refused.
 * Both formats are parsed as a stream and the parse stops at the row limit, so a file of a million rows costs no
 * more than one of 10,000; one import parses at a time in this process (core/importSlot.ts).
 */
export async function parseDirectoryFile(file: { buffer: Buffer; filename: string }): Promise<ParsedFile> {
  const { buffer, filename } = file;
  if (buffer.length > importMaxBytes) throw new ValidationError(`Berkas terlalu besar: maksimal ${importMaxBytes / 1024 / 1024} MB`);
  const ext = filename.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1];
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new ValidationError('Format .xls (Excel 97-2003) tidak didukung. Simpan ulang berkas sebagai .xlsx atau CSV.', {
      file: 'Format .xls tidak didukung',
    });
  }
  const isZip = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (ext && !['xlsx', 'csv', 'txt'].includes(ext)) {
    throw new ValidationError(`Jenis berkas .${ext} tidak didukung: unggah berkas XLSX atau CSV. ${templateHint}`, {
      file: 'Hanya XLSX atau CSV',
    });
  }
  if (!isZip && ext === 'xlsx')
    throw new ValidationError('Berkas ini bukan XLSX yang sah (isinya rusak atau bukan spreadsheet).', { file: 'Berkas XLSX rusak' });
  return withImportSlot(async () => {
    if (isZip) {
      try {
        return await collectRows('xlsx', xlsxSheets(buffer));
      } catch (e) {
        if (e instanceof DomainError) throw e;
        throw brokenXlsx();
      }
    }
    const text = decodeText(buffer);
    try {
      return await collectRows('csv', csvSheets(text));
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw new ValidationError('Berkas CSV tidak dapat dibaca (periksa tanda kutip dan pemisah kolom).', { file: 'Berkas CSV rusak' });
    }
  });
}

/** Finds each sheet's header among its first five rows, then turns the rows below it into text rows, up to the limit. */
async function collectRows(format: ParsedFile['format'], sheets: AsyncIterable<Sheet>): Promise<ParsedFile> {
  const rows: RawRow[] = [];
  const ignored = new Set<string>();
  let headerFound = false;
  let scanned = 0;
  for await (const sheet of sheets) {
    if (isInstructionSheet(sheet.name)) continue;
    let header: Header | null = null;
    for await (const row of sheet.rows) {
      if (++scanned > importMaxScannedRows) throw tooManyRows();
      if (!header) {
        if (row.number > 5) break; // no header in the first five rows: the sheet holds no directory data
        header = headerOf(row);
        if (header) {
          headerFound = true;
          header.ignored.forEach((h) => ignored.add(h));
        }
        continue;
      }
      const sheetKind = header.columns.has('kind') ? null : kindOfSheet(sheet.name);
      const values: RawRow['values'] = {};
      const lossy: ColumnKey[] = [];
      for (const [key, col] of header.columns) {
        const cell = row.cell(col);
        // Excel turns a typed 13.10 into the number 13.1: a region code always has two decimals.
        const text = (key === 'regionCode' && typeof cell === 'number' ? cell.toFixed(2) : cellText(cell)).trim();
        if (text) values[key] = text.slice(0, 2000);
        if (typeof cell === 'number' && Math.abs(cell) > Number.MAX_SAFE_INTEGER) lossy.push(key);
      }
      if (!Object.keys(values).length) continue;
      rows.push({ sheet: sheet.name, rowNumber: row.number, sheetKind, values, lossy });
      if (rows.length > importMaxRows) throw tooManyRows();
    }
  }
  if (!headerFound) {
    throw new ValidationError(
      `Baris judul kolom tidak ditemukan. Baris pertama harus berisi judul kolom seperti "Jenis", "Nama", "Kategori", "Lembaga". ${templateHint}`,
      { file: 'Judul kolom tidak ditemukan' },
    );
  }
  if (!rows.length) throw new ValidationError('Berkas tidak berisi baris data di bawah judul kolom.', { file: 'Tidak ada baris data' });
  return { format, rows, ignoredColumns: [...ignored] };
}

/** The parts of exceljs' streaming WorkbookReader used here (it has no typings for them). */
type StreamingWorkbook = {
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader & { name: string } }>;
};

/**
 * The worksheets of an XLSX, streamed with exceljs' WorkbookReader. The zip's central directory is read with
 * JSZip (no part is inflated up front); the parts are then inflated as streams in the order the reader needs
 * them (relations, workbook, styles, shared strings, sheets), so no sheet waits in a temporary file, and every
 * inflated byte counts against the zip bomb limits.
 */
async function* xlsxSheets(buffer: Buffer): AsyncGenerator<Sheet> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false, createFolders: false });
  } catch {
    throw brokenXlsx();
  }
  if (Object.keys(zip.files).length > xlsxMaxEntries) throw brokenXlsx();
  const budget = { left: xlsxMaxInflatedBytes };
  const part = (name: string, cap = Infinity) => {
    const entry = zip.file(name);
    return entry ? inflate(entry, budget, cap) : null;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  }) as unknown as StreamingWorkbook;
  const rels = part('xl/_rels/workbook.xml.rels');
  const workbook = part('xl/workbook.xml');
  if (!rels || !workbook) throw brokenXlsx();
  await reader._parseRels(rels);
  await reader._parseWorkbook(workbook);
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const sharedStrings = part('xl/sharedStrings.xml', xlsxMaxSharedStringsBytes);
  if (sharedStrings)
    for await (const _ of reader._parseSharedStrings(sharedStrings)); // cached on the reader
  else (reader as unknown as { sharedStrings: unknown[] }).sharedStrings = [];

  // Sheets in the workbook's order, by their relation targets (xl/worksheets/sheetN.xml).
  const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target.replace(/^\/?xl\//, '').replace(/^\//, '')]));
  for (const sheet of reader.model?.sheets ?? []) {
    const target = targets.get(sheet.rId);
    const sheetNo = target?.match(/^worksheets\/sheet(\d+)\.xml$/)?.[1];
    if (!sheetNo) continue;
    const stream = part(`xl/${target}`);
    if (!stream) continue;
    let worksheet: (ExcelJS.stream.xlsx.WorksheetReader & { name: string }) | undefined;
    for (const event of reader._parseWorksheet(stream, sheetNo)) worksheet = event.value;
    if (!worksheet) continue;
    const ws = worksheet;
    try {
      yield {
        name: ws.name,
        rows: (async function* () {
          for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
            yield {
              number: row.number,
              cell: (col: number) => row.getCell(col).value,
              eachCell: (fn: (value: ExcelJS.CellValue, col: number) => void) => row.eachCell((c, col) => fn(c.value, col)),
            };
          }
        })(),
      };
    } finally {
      stream.destroy(); // a sheet left early (limit, no header) is not inflated further
    }
  }
}

/** Inflates one zip part as a stream of text, failing once the workbook's (or this part's) limit is passed. */
function inflate(entry: JSZip.JSZipObject, budget: { left: number }, cap: number): Readable {
  let partBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      budget.left -= chunk.length;
      partBytes += chunk.length;
      if (budget.left < 0 || partBytes > cap) done(inflatesTooMuch());
      else done(null, chunk);
    },
  });
  // pipeline destroys the JSZip stream too when the limit is passed or the reader stops early.
  pipeline(entry.nodeStream('nodebuffer') as unknown as NodeJS.ReadableStream, counter, () => {});
  counter.setEncoding('utf8'); // characters split between chunks stay whole
  return counter;
}

/** The one "sheet" of a CSV file, streamed through csv-parse with the delimiter its first line uses. */
async function* csvSheets(text: string): AsyncGenerator<Sheet> {
  const parser = parseCsv({ delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: true });
  // 64 KB at a time, so the parser never holds more than a chunk of unparsed text.
  const chunks = (function* () {
    for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536);
  })();
  const source = Readable.from(chunks);
  pipeline(source, parser, () => {});
  try {
    yield {
      name: 'CSV',
      rows: (async function* () {
        let number = 0;
        for await (const record of parser as AsyncIterable<string[]>) {
          number += 1;
          yield {
            number,
            cell: (col: number) => record[col - 1],
            eachCell: (fn: (value: ExcelJS.CellValue, col: number) => void) => record.forEach((v, i) => v !== '' && fn(v, i + 1)),
          };
        }
      })(),
    };
  } finally {
    parser.destroy();
    source.destroy();
  }
}

type Header = { columns: Map<ColumnKey, number>; ignored: string[] };

/** The row as the header, when it names the "Nama" column and at least one other. */
function headerOf(row: SheetRow): Header | null {
  const columns = new Map<ColumnKey, number>();
  const ignored: string[] = [];
  row.eachCell((value, col) => {
    const text = cellText(value).trim();
    if (!text) return;
    const key = columnOfHeader(text);
    if (key && !columns.has(key)) columns.set(key, col);
    else ignored.push(text);
  });
  return columns.has('name') && columns.size >= 2 ? { columns, ignored } : null;
}

/** Text of a cell whatever Excel stored: rich text, hyperlinks (e-mail), formulas, numbers, dates. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue).replace(/^mailto:/i, '');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** UTF-8 (with or without BOM), else Windows-1252 as older Excel saves CSV; binary content is refused. */
function decodeText(buffer: Buffer): string {
  // Binary content anywhere (not only in the first kilobytes): NUL never belongs in a CSV, and would reach the database.
  if (buffer.includes(0)) {
    throw new ValidationError(`Berkas bukan XLSX atau CSV yang dapat dibaca. ${templateHint}`, { file: 'Format berkas tidak dikenal' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  return text.replace(/^\uFEFF/, '');
}

/** Comma, semicolon (Excel in the Indonesian locale) or tab: whichever the first line uses most. */
function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}
