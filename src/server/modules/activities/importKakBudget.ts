import { isAccountCode } from '../../../shared/accountCode';
import { clean, parseRupiah } from './importKakFields';

/**
 * Budget tables (Rincian/Rencana Anggaran Biaya, RAB) as offices write them: No | Kode Rekening | Uraian | Volume |
 * Satuan | Harga Satuan | Jumlah, or the account code on a row of its own with the items below it; sub-total and
 * total rows; volumes such as "2 org x 3 kl" or "40 OK"; amounts in every rupiah spelling.
 */

export type ImportedBudgetLine = {
  /** As written; empty when the table gives none. */
  accountCode: string;
  /** 'current' = six levels (Kepmendagri 050-5889/2021), 'old' = five levels, as written before it. */
  codeKind: 'current' | 'old' | 'none';
  description: string;
  volume: number;
  /** The volume as written, e.g. "2 org x 3 kl". */
  volumeText: string;
  unit: string;
  unitPrice: number;
  amount: number;
  at: string;
};

export type BudgetTable = { lines: ImportedBudgetLine[]; total: number | null; problems: string[] };

const quote = (s: string, max = 80) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;
/** Five or six dot-separated levels, "5.2.2.01.01" or "5.1.02.01.01.0052". */
const codeAtStart = /^(\d{1,2}(?:\s?\.\s?\d{1,4}){4,5})\.?(?:\s+|$)(.*)$/s;
export const oldAccountCode = /^\d\.\d\.\d{1,2}\.\d{2}\.\d{2}$/;
const totalWords =
  /^(sub\s*-?\s*total|jumlah(\s+(total|seluruhnya|keseluruhan|biaya|anggaran))?|total(\s+(biaya|anggaran|keseluruhan))?|grand\s+total)\b/i;

/** Column roles read from a header row; -1 when the column is not there. */
type Columns = { code: number; desc: number; volume: number; unit: number; price: number; amount: number };

function headerColumns(header: string[]): Columns | null {
  const find = (re: RegExp, except: number[] = []) => header.findIndex((c, i) => !except.includes(i) && re.test(c));
  const desc = find(/^(uraian|rincian|komponen|jenis belanja|nama barang|kegiatan|uraian kegiatan)\b/i);
  const volume = find(/^(vol(ume)?\.?|jumlah volume|kuantitas|qty)\b/i);
  const price = find(/^harga(\s+satuan)?\b|^harga\b|^biaya satuan/i);
  const unit = find(/^(sat(uan)?\.?)$/i);
  const amount = find(/^(jumlah|total|nilai|biaya|jumlah biaya|jumlah harga)\b/i, [volume]);
  const code = find(/kode|rekening/i);
  if (desc < 0 || (price < 0 && amount < 0) || (volume < 0 && price < 0)) return null;
  return { code, desc, volume, unit, price, amount };
}

/** "2 org x 3 kl" -> 6 and "org x kl"; "40 OK" -> 40 and "OK"; "1.000" -> 1000; "2,5" -> 2.5. Null when no number. */
export function parseVolume(s: string): { value: number; unit: string } | null {
  const parts = clean(s)
    .split(/\s*[x×*]\s*(?=\d)/i)
    .map((p) => /^(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d{1,2})?)\s*([\p{L}/.]*(?:\s[\p{L}/.]+)?)$/u.exec(p.trim()));
  if (!parts.length || parts.some((p) => !p)) return null;
  let value = 1;
  const units: string[] = [];
  for (const p of parts) {
    const raw = p![1]!;
    value *= /^\d{1,3}(\.\d{3})+$/.test(raw) ? Number(raw.replace(/\./g, '')) : Number(raw.replace(',', '.'));
    if (p![2]) units.push(p![2]);
  }
  return { value: Math.round(value * 100) / 100, unit: units.join(' x ') };
}

/** Finds the header row (among the first three) of a budget table; null when the table is no RAB. */
export function budgetHeader(rows: string[][]): { h: number; cols: Columns } | null {
  for (let h = 0; h < Math.min(3, rows.length); h++) {
    const cols = headerColumns(rows[h]!.map(clean));
    if (cols) return { h, cols };
  }
  return null;
}

export function readBudgetTable(rows: string[][], h: number, cols: Columns, at: string): BudgetTable {
  const lines: ImportedBudgetLine[] = [];
  const problems: string[] = [];
  let total: number | null = null;
  let currentCode = '';
  rows.forEach((raw, r) => {
    if (r <= h) return;
    const cells = raw.map(clean);
    if (cells.every((c) => !c || /^\d{1,3}\.?$/.test(c))) return;
    const where = `${at}, baris ${r + 1}`;
    let desc = cells[cols.desc] ?? '';
    let code = cols.code >= 0 ? (cells[cols.code] ?? '') : '';
    // The code may stand at the start of the description, or alone in the No/code cell of a group row.
    const inDesc = codeAtStart.exec(desc);
    if (!code && inDesc) (code = inDesc[1]!), (desc = clean(inDesc[2] ?? ''));
    if (!code) {
      const anyCode = cells.map((c) => codeAtStart.exec(c)).find(Boolean);
      if (anyCode && cells.indexOf(anyCode.input) < cols.desc) code = anyCode[1]!;
    }
    code = code.replace(/\s/g, '');
    desc = desc.replace(/^(?:[-–•·*]|[a-z]\.|\d{1,2}[.)])\s+/, '').trim();
    const label =
      cells
        .slice(0, Math.max(cols.desc + 1, 1))
        .join(' ')
        .trim() || desc;
    const volume = cols.volume >= 0 ? parseVolume(cells[cols.volume] ?? '') : null;
    const price = cols.price >= 0 ? parseRupiah(cells[cols.price] ?? '') : null;
    const amountCell = cols.amount >= 0 ? (cells[cols.amount] ?? '') : '';
    const stated = amountCell ? parseRupiah(amountCell) : null;
    const isTotal = totalWords.test(desc) || cells.some((c) => totalWords.test(c) && c.length < 40);
    if (isTotal && !volume) {
      const amount =
        stated ??
        [...cells]
          .reverse()
          .map(parseRupiah)
          .find((v) => v !== null && v > 0) ??
        null;
      if (!/sub/i.test(label) && !cells.some((c) => /^sub/i.test(c)) && amount !== null) total = amount;
      return;
    }
    if (!volume && (price === null || price === 0)) {
      // A group row: the account code (and its name) for the items below it.
      if (code) currentCode = code;
      else if (desc) problems.push(`Baris rincian anggaran tanpa volume dan harga: ${quote(desc)} (${where})`);
      return;
    }
    if (!desc) {
      problems.push(`Baris rincian anggaran tanpa uraian (${where})`);
      return;
    }
    const lineCode = code || currentCode;
    const vol = volume ?? { value: 1, unit: '' };
    const unitPrice = price ?? (stated !== null && vol.value ? Math.round(stated / vol.value) : 0);
    const amount = stated ?? Math.round(vol.value * unitPrice);
    if (stated !== null && price !== null && Math.round(vol.value * price) !== stated) {
      problems.push(
        `Rincian ${quote(desc)}: volume x harga satuan tidak sama dengan jumlah yang tertulis (${where}); dipakai jumlah yang tertulis`,
      );
    }
    const unit = (cols.unit >= 0 ? cells[cols.unit] : '') || vol.unit || '';
    lines.push({
      accountCode: lineCode,
      codeKind: !lineCode ? 'none' : isAccountCode(lineCode) ? 'current' : oldAccountCode.test(lineCode) ? 'old' : 'none',
      description: desc,
      volume: vol.value,
      volumeText: cells[cols.volume] ?? '',
      unit,
      unitPrice,
      amount,
      at: where,
    });
  });
  return { lines, total, problems };
}
