import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ValidationError } from '../../core/errors';
import { columnOfHeader, isInstructionSheet, kindOfSheet, type ColumnKey, type RowKind } from './importColumns';

export const importMaxBytes = 5 * 1024 * 1024;
export const importMaxRows = 10_000;

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

/** Reads an XLSX or CSV file into text rows; a file that is not one of those, or has no header row, is refused. */
export async function parseDirectoryFile(file: { buffer: Buffer; filename: string }): Promise<ParsedFile> {
  const { buffer, filename } = file;
  if (buffer.length > importMaxBytes) throw new ValidationError(`Berkas terlalu besar: maksimal ${importMaxBytes / 1024 / 1024} MB`);
  const ext = filename.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1];
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new ValidationError('Format .xls (Excel 97-2003) tidak didukung. Simpan ulang berkas sebagai .xlsx atau CSV.', { file: 'Format .xls tidak didukung' });
  }
  const isZip = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (ext && !['xlsx', 'csv', 'txt'].includes(ext)) {
    throw new ValidationError(`Jenis berkas .${ext} tidak didukung: unggah berkas XLSX atau CSV. ${templateHint}`, { file: 'Hanya XLSX atau CSV' });
  }
  const workbook = new ExcelJS.Workbook();
  let format: ParsedFile['format'];
  if (isZip) {
    format = 'xlsx';
    try {
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    } catch {
      throw new ValidationError('Berkas XLSX rusak atau tidak dapat dibaca. Buka dan simpan ulang di Excel/LibreOffice, lalu unggah lagi.', { file: 'Berkas XLSX rusak' });
    }
  } else {
    if (ext === 'xlsx') throw new ValidationError('Berkas ini bukan XLSX yang sah (isinya rusak atau bukan spreadsheet).', { file: 'Berkas XLSX rusak' });
    format = 'csv';
    const text = decodeText(buffer);
    await workbook.csv.read(Readable.from([text]), {
      sheetName: 'CSV',
      map: (v: unknown) => v, // keep text as typed: no number or date guessing (NIP, 08xx)
      parserOptions: { delimiter: guessDelimiter(text), ignoreEmpty: true },
    } as unknown as ExcelJS.CsvReadOptions).catch(() => {
      throw new ValidationError('Berkas CSV tidak dapat dibaca (periksa tanda kutip dan pemisah kolom).', { file: 'Berkas CSV rusak' });
    });
  }

  const rows: RawRow[] = [];
  const ignored = new Set<string>();
  let headerFound = false;
  for (const sheet of workbook.worksheets) {
    if (isInstructionSheet(sheet.name)) continue;
    const header = findHeader(sheet);
    if (!header) continue;
    headerFound = true;
    header.ignored.forEach((h) => ignored.add(h));
    const sheetKind = header.columns.has('kind') ? null : kindOfSheet(sheet.name);
    for (let r = header.rowNumber + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: RawRow['values'] = {};
      const lossy: ColumnKey[] = [];
      for (const [key, col] of header.columns) {
        const cell = row.getCell(col).value;
        // Excel turns a typed 13.10 into the number 13.1: a region code always has two decimals.
        const text = (key === 'regionCode' && typeof cell === 'number' ? cell.toFixed(2) : cellText(cell)).trim();
        if (text) values[key] = text.slice(0, 2000);
        if (typeof cell === 'number' && Math.abs(cell) > Number.MAX_SAFE_INTEGER) lossy.push(key);
      }
      if (!Object.keys(values).length) continue;
      rows.push({ sheet: sheet.name, rowNumber: r, sheetKind, values, lossy });
      if (rows.length > importMaxRows) {
        throw new ValidationError(`Berkas berisi lebih dari ${importMaxRows.toLocaleString('id-ID')} baris data: bagi menjadi beberapa berkas.`);
      }
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

/** The header row: among the first five, the first that names the "Nama" column. */
function findHeader(sheet: ExcelJS.Worksheet): { rowNumber: number; columns: Map<ColumnKey, number>; ignored: string[] } | null {
  for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
    const columns = new Map<ColumnKey, number>();
    const ignored: string[] = [];
    sheet.getRow(r).eachCell((cell, col) => {
      const text = cellText(cell.value).trim();
      if (!text) return;
      const key = columnOfHeader(text);
      if (key && !columns.has(key)) columns.set(key, col);
      else ignored.push(text);
    });
    if (columns.has('name') && columns.size >= 2) return { rowNumber: r, columns, ignored };
  }
  return null;
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
  if (buffer.subarray(0, 8192).includes(0)) {
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
