import {
  categoryMessage,
  createInstitutionInput,
  createOfficerInput,
  levelMessage,
  parseCategory,
  parsePrFunctionalLevel,
  regionCodeRequiredMessage,
  type CreateInstitutionInput,
  type CreateOfficerInput,
} from '../../../shared/schemas/directory';
import { normalizeSearch } from '../../../shared/text';
import { headerOf, parseKind, type ColumnKey, type RowKind } from './importColumns';
import type { RawRow } from './importParse';

export type Problem = { field: ColumnKey; column: string; message: string };
export type CheckedRow = {
  sheet: string;
  rowNumber: number;
  kind: RowKind | null;
  values: Partial<Record<ColumnKey, string>>;
  problems: Problem[];
  valid: boolean;
};
export type ExistingDirectory = {
  institutions: { id: string; name: string; shortName: string | null; category: string; regionCode: string | null }[];
  officers: { institutionId: string; name: string; email: string | null; nip: string | null }[];
};
type InstitutionRef = { existingId: string } | { fileRow: CheckedRow };
export type ImportPlan = {
  rows: CheckedRow[];
  institutions: { row: CheckedRow; input: CreateInstitutionInput }[];
  officers: { row: CheckedRow; input: CreateOfficerInput; institution: InstitutionRef }[];
};

function parseYesNo(text: string | undefined): boolean | null {
  const key = normalizeSearch(text);
  if (['', 'tidak', 't', 'no', 'n', 'false', '0', 'bukan', '-'].includes(key)) return false;
  if (['ya', 'y', 'yes', 'true', '1', 'v', 'x', '✓', 'iya', 'utama'].includes(key)) return true;
  return null;
}

function pushGrouped<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Checks every row of an import file against the rules of the directory and what is already stored: the same
 * rules as the forms (shared zod schemas), plus duplicates within the file or of existing rows. Pure: writes nothing.
 */
export function checkRows(raw: RawRow[], existing: ExistingDirectory): ImportPlan {
  const manySheets = new Set(raw.map((r) => r.sheet)).size > 1;
  const where = (r: CheckedRow) => (manySheets ? `baris ${r.rowNumber} lembar ${r.sheet}` : `baris ${r.rowNumber}`);
  const rows: CheckedRow[] = raw.map((r) => ({ sheet: r.sheet, rowNumber: r.rowNumber, kind: null, values: r.values, problems: [], valid: false }));
  const add = (row: CheckedRow, field: ColumnKey, message: string) => {
    if (!row.problems.some((p) => p.field === field)) row.problems.push({ field, column: headerOf[field], message });
  };
  const addZodIssues = (row: CheckedRow, issues: { path: PropertyKey[]; message: string }[], override: Partial<Record<ColumnKey, string>>) => {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? 'name') as ColumnKey;
      add(row, field, override[field] ?? issue.message);
    }
  };

  raw.forEach((r, i) => {
    const row = rows[i]!;
    const kindText = r.values.kind ?? '';
    row.kind = kindText ? parseKind(kindText) : r.sheetKind;
    if (!row.kind) add(row, 'kind', kindText ? `Jenis "${kindText}" tidak dikenal: isi lembaga atau petugas` : 'Jenis wajib diisi: lembaga atau petugas');
  });

  // Institutions first: officers may refer to institutions created by the same file.
  const plan: ImportPlan = { rows, institutions: [], officers: [] };
  const existingByName = new Map(existing.institutions.map((x) => [normalizeSearch(x.name), x]));
  const existingByShort = new Map<string, ExistingDirectory['institutions']>();
  for (const x of existing.institutions) if (x.shortName) pushGrouped(existingByShort, normalizeSearch(x.shortName), x);
  const existingRegion = new Map(existing.institutions.filter((x) => x.category === 'regency_city' && x.regionCode).map((x) => [x.regionCode!, x]));
  const fileByName = new Map<string, CheckedRow>();
  const fileByShort = new Map<string, CheckedRow[]>();
  const fileRegion = new Map<string, CheckedRow>();

  raw.forEach((r, i) => {
    const row = rows[i]!;
    if (row.kind !== 'institution') return;
    const v = r.values;
    const categoryText = v.category ?? '';
    const category = parseCategory(categoryText);
    const parsed = createInstitutionInput.safeParse({
      name: v.name ?? '', shortName: v.shortName, category: category ?? categoryText, regionCode: v.regionCode,
      address: v.address, website: v.website, email: v.email, phone: v.phone,
    });
    addZodIssues(row, parsed.error?.issues ?? [], {
      category: categoryText ? `Kategori "${categoryText}" tidak dikenal ${categoryMessage.replace(/^Kategori tidak dikenal /, '')}` : 'Kategori wajib diisi',
    });
    if (category === 'regency_city' && !v.regionCode) add(row, 'regionCode', regionCodeRequiredMessage);
    const key = normalizeSearch(v.name);
    if (key) {
      const twin = fileByName.get(key);
      if (twin) add(row, 'name', `Nama lembaga sama dengan ${where(twin)}`);
      else fileByName.set(key, row);
      const stored = existingByName.get(key);
      if (stored) add(row, 'name', `Lembaga "${stored.name}" sudah terdaftar di direktori`);
    }
    if (v.shortName) pushGrouped(fileByShort, normalizeSearch(v.shortName), row);
    if (category === 'regency_city' && v.regionCode) {
      const twin = fileRegion.get(v.regionCode);
      const stored = existingRegion.get(v.regionCode);
      if (twin) add(row, 'regionCode', `Kode wilayah ${v.regionCode} sama dengan ${where(twin)}`);
      else fileRegion.set(v.regionCode, row);
      if (stored) add(row, 'regionCode', `Kode wilayah ${v.regionCode} sudah dipakai ${stored.name}`);
    }
    row.valid = row.problems.length === 0;
    if (row.valid && parsed.success) plan.institutions.push({ row, input: parsed.data });
  });

  const resolve = (text: string): { ref?: InstitutionRef; message?: string } => {
    const key = normalizeSearch(text);
    const stored = existingByName.get(key);
    if (stored) return { ref: { existingId: stored.id } };
    let target = fileByName.get(key);
    if (!target) {
      const candidates: InstitutionRef[] = [
        ...(existingByShort.get(key) ?? []).map((x) => ({ existingId: x.id })),
        ...(fileByShort.get(key) ?? []).map((fileRow) => ({ fileRow })),
      ];
      if (candidates.length > 1) return { message: `Singkatan "${text}" dipakai lebih dari satu lembaga: tulis nama lengkapnya` };
      const only = candidates[0];
      if (!only) return { message: `Lembaga "${text}" tidak ditemukan: tulis nama atau singkatan lembaga yang terdaftar, atau tambahkan barisnya sebagai lembaga di berkas ini` };
      if ('existingId' in only) return { ref: only };
      target = only.fileRow;
    }
    if (!target.valid) return { message: `Lembaga "${text}" di ${where(target)} bermasalah, jadi petugas ini tidak dapat diimpor` };
    return { ref: { fileRow: target } };
  };

  const storedEmails = new Set(existing.officers.map((o) => o.email).filter(Boolean));
  const storedNips = new Set(existing.officers.map((o) => o.nip).filter(Boolean));
  const storedPeople = new Set(existing.officers.map((o) => `${o.institutionId}|${normalizeSearch(o.name)}`));
  const fileEmails = new Map<string, CheckedRow>();
  const fileNips = new Map<string, CheckedRow>();
  const filePeople = new Map<string, CheckedRow>();
  const mainContacts = new Map<unknown, CheckedRow>();

  raw.forEach((r, i) => {
    const row = rows[i]!;
    if (row.kind !== 'officer') return;
    const v = r.values;
    const levelText = v.prFunctionalLevel ?? '';
    const main = parseYesNo(v.isMainContact);
    const parsed = createOfficerInput.safeParse({
      name: v.name ?? '', nip: v.nip, position: v.position, prFunctionalLevel: levelText ? (parsePrFunctionalLevel(levelText) ?? levelText) : undefined,
      email: v.email, phone: v.phone, isMainContact: main ?? false,
    });
    if (r.lossy.includes('nip')) add(row, 'nip', 'NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang: format kolom NIP sebagai Teks lalu ketik ulang');
    addZodIssues(row, parsed.error?.issues ?? [], { prFunctionalLevel: `Jenjang "${levelText}" tidak dikenal ${levelMessage.replace(/^Jenjang Pranata Humas tidak dikenal /, '')}` });
    if (main === null) add(row, 'isMainContact', `Kontak Utama harus "ya" atau "tidak" (tertulis "${v.isMainContact}")`);
    const resolved = v.institution ? resolve(v.institution) : { message: 'Lembaga wajib diisi untuk petugas' };
    if (resolved.message) add(row, 'institution', resolved.message);
    const instKey = resolved.ref ? ('existingId' in resolved.ref ? resolved.ref.existingId : resolved.ref.fileRow) : null;
    if (parsed.success) {
      const { email, nip } = parsed.data;
      if (email) {
        const twin = fileEmails.get(email);
        if (twin) add(row, 'email', `E-mail sama dengan ${where(twin)}`);
        else fileEmails.set(email, row);
        if (storedEmails.has(email)) add(row, 'email', 'E-mail sudah terdaftar untuk petugas humas lain');
      }
      if (nip) {
        const twin = fileNips.get(nip);
        if (twin) add(row, 'nip', `NIP sama dengan ${where(twin)}`);
        else fileNips.set(nip, row);
        if (storedNips.has(nip)) add(row, 'nip', 'NIP sudah terdaftar untuk petugas humas lain');
      }
    }
    if (instKey && v.name) {
      const personKey = `${typeof instKey === 'string' ? instKey : `file:${instKey.sheet}:${instKey.rowNumber}`}|${normalizeSearch(v.name)}`;
      const twin = filePeople.get(personKey);
      if (twin) add(row, 'name', `Petugas yang sama (nama dan lembaga) sudah ada di ${where(twin)}`);
      else filePeople.set(personKey, row);
      if (storedPeople.has(personKey)) add(row, 'name', 'Petugas dengan nama ini sudah terdaftar di lembaga tersebut');
      if (main) {
        const first = mainContacts.get(instKey);
        if (first) add(row, 'isMainContact', `Kontak utama lembaga ini sudah ditetapkan di ${where(first)}`);
        else mainContacts.set(instKey, row);
      }
    }
    row.valid = row.problems.length === 0;
    if (row.valid && parsed.success && resolved.ref) plan.officers.push({ row, input: parsed.data, institution: resolved.ref });
  });

  for (const row of rows) row.valid = row.problems.length === 0;
  return plan;
}
