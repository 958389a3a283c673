import { categoryLabels, type InstitutionCategory } from '../../../shared/categories';
import { formatPhone } from '../../../shared/phoneDisplay';
import {
  categoryMessage,
  categoryRequiredMessage,
  createInstitutionInput,
  createOfficerInput,
  levelMessage,
  parseCategory,
  parsePrFunctionalLevel,
  prFunctionalLevelLabels,
  regionCodeRequiredMessage,
  type PrFunctionalLevel,
} from '../../../shared/schemas/directory';
import { normalizeSearch } from '../../../shared/text';
import { headerOf, institutionFields, officerFields, parseKind, type ColumnKey, type RowKind } from './importColumns';
import type { RawRow } from './importParse';

export type Problem = { field: ColumnKey; column: string; message: string };
/** One field a file row changes on a stored row, as people read it ("Telepon: +62 751 123456 -> +62 812 ..."). */
export type Change = { field: ColumnKey; column: string; before: string; after: string };
/** new = added; changed = updates a stored row; unchanged = same as the stored row (nothing written); invalid = has problems. */
export type RowStatus = 'new' | 'changed' | 'unchanged' | 'invalid';
export type CheckedRow = {
  sheet: string;
  rowNumber: number;
  kind: RowKind | null;
  values: Partial<Record<ColumnKey, string>>;
  problems: Problem[];
  valid: boolean;
  status: RowStatus;
  /** The stored institution or officer this row updates (or leaves as is). */
  targetId: string | null;
  changes: Change[];
};

export type StoredInstitution = {
  id: string;
  name: string;
  shortName: string | null;
  category: string;
  regionCode: string | null;
  address: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  version: number;
};
export type StoredOfficer = {
  id: string;
  institutionId: string;
  name: string;
  nip: string | null;
  position: string | null;
  prFunctionalLevel: string | null;
  email: string | null;
  phone: string | null;
  isMainContact: boolean;
  active: boolean;
  version: number;
};
export type ExistingDirectory = { institutions: StoredInstitution[]; officers: StoredOfficer[] };

export type InstitutionRef = { existingId: string } | { fileRow: CheckedRow };
/** An institution row's values after the checks (what is inserted, or what the stored row becomes). */
export type InstitutionValues = {
  name: string;
  shortName: string | null;
  category: InstitutionCategory;
  regionCode: string | null;
  address: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
};
/** An officer row's values after the checks (its institution is the plan's `institution`). */
export type OfficerValues = {
  name: string;
  nip: string | null;
  position: string | null;
  prFunctionalLevel: PrFunctionalLevel | null;
  email: string | null;
  phone: string | null;
  isMainContact: boolean;
};
export type ImportPlan = {
  rows: CheckedRow[];
  /** Valid institution rows that add (existing absent) or change (existing present) a row; unchanged rows are left out. */
  institutions: { row: CheckedRow; input: InstitutionValues; existing: StoredInstitution | null }[];
  officers: { row: CheckedRow; input: OfficerValues; institution: InstitutionRef; existing: StoredOfficer | null }[];
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** A value as the preview shows it in "before -> after" (labels, not codes; grouped phone numbers). */
function shown(field: ColumnKey, value: unknown, institutionName: (id: string) => string): string {
  if (value === null || value === undefined || value === '') return '(kosong)';
  if (field === 'category') return categoryLabels[value as InstitutionCategory]?.id ?? String(value);
  if (field === 'prFunctionalLevel') return prFunctionalLevelLabels[value as PrFunctionalLevel] ?? String(value);
  if (field === 'isMainContact') return value ? 'ya' : 'tidak';
  if (field === 'phone') return formatPhone(String(value));
  if (field === 'institution') return institutionName(String(value));
  return String(value);
}

/**
 * Checks every row of an import file against the rules of the directory and what is already stored: the same
 * rules as the forms (shared zod schemas), plus duplicates within the file or of other stored rows. A row that
 * names a stored institution or officer (by the export's ID column, else by a stable key: region code or name
 * for an institution; NIP, e-mail, or name within the institution for an officer) updates it; its status says
 * whether it is new, changes the stored row (with the changes listed) or leaves it unchanged.
 *
 * Columns the file does not have (or leaves empty on every row of that kind in a sheet) keep their stored
 * values. An empty cell clears the stored value on a row with an ID (an exported record edited), and keeps it on
 * a row without one (a template row changes what it fills). Pure: writes nothing.
 */
export function checkRows(raw: RawRow[], existing: ExistingDirectory): ImportPlan {
  const manySheets = new Set(raw.map((r) => r.sheet)).size > 1;
  const where = (r: CheckedRow) => (manySheets ? `baris ${r.rowNumber} lembar ${r.sheet}` : `baris ${r.rowNumber}`);
  const rows: CheckedRow[] = raw.map((r) => ({
    sheet: r.sheet,
    rowNumber: r.rowNumber,
    kind: null,
    values: r.values,
    problems: [],
    valid: false,
    status: 'invalid',
    targetId: null,
    changes: [],
  }));
  const add = (row: CheckedRow, field: ColumnKey, message: string) => {
    if (!row.problems.some((p) => p.field === field)) row.problems.push({ field, column: headerOf[field], message });
  };
  const addZodIssues = (
    row: CheckedRow,
    issues: { path: PropertyKey[]; message: string }[],
    override: Partial<Record<ColumnKey, string>>,
  ) => {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? 'name') as ColumnKey;
      add(row, field, override[field] ?? issue.message);
    }
  };

  raw.forEach((r, i) => {
    const row = rows[i]!;
    const kindText = r.values.kind ?? '';
    row.kind = kindText ? parseKind(kindText) : r.sheetKind;
    if (!row.kind)
      add(
        row,
        'kind',
        kindText ? `Jenis "${kindText}" tidak dikenal: isi lembaga atau petugas` : 'Jenis wajib diisi: lembaga atau petugas',
      );
  });

  // The columns a sheet carries for a kind of row: those some row of that kind fills.
  const columnsOf = new Map<string, Set<ColumnKey>>();
  rows.forEach((row, i) => {
    const key = `${row.sheet}|${row.kind}`;
    const set = columnsOf.get(key) ?? new Set<ColumnKey>();
    for (const k of Object.keys(raw[i]!.values)) set.add(k as ColumnKey);
    columnsOf.set(key, set);
  });
  const has = (row: CheckedRow, field: ColumnKey) => columnsOf.get(`${row.sheet}|${row.kind}`)?.has(field) ?? false;
  /**
   * Whether a row that updates a stored row keeps the stored value of a field: always when the file lacks the
   * column; and for an empty cell when the row has no ID (a row typed into the template changes what it fills,
   * while an exported row with its ID is the whole record, so emptying a cell clears the value).
   */
  const keepsStored = (row: CheckedRow, v: RawRow['values'], field: ColumnKey) => !has(row, field) || (!v.id && !v[field]);

  const institutionById = new Map(existing.institutions.map((x) => [x.id, x]));
  const officerById = new Map(existing.officers.map((x) => [x.id, x]));
  const institutionName = (id: string) => institutionById.get(id)?.name ?? id;
  /** The ID and version columns of a row: the stored row they name, or a problem. */
  const byIdColumn = <T extends { id: string; version: number }>(
    row: CheckedRow,
    v: RawRow['values'],
    stored: Map<string, T>,
    what: string,
  ): T | null | undefined => {
    if (!v.id) return undefined;
    if (!uuidPattern.test(v.id)) {
      add(row, 'id', `ID "${v.id}" tidak valid: biarkan kolom ID seperti hasil ekspor, atau kosongkan untuk ${what} baru`);
      return null;
    }
    const found = stored.get(v.id.toLowerCase());
    if (!found)
      add(
        row,
        'id',
        `${what[0]!.toUpperCase()}${what.slice(1)} dengan ID ini tidak ada di direktori (dihapus, atau berkas dari sistem lain): kosongkan ID untuk menambahkannya sebagai ${what} baru`,
      );
    return found ?? null;
  };
  const checkVersion = (row: CheckedRow, v: RawRow['values'], stored: { version: number }) => {
    if (!v.version) return;
    const sent = Number(v.version);
    if (!Number.isInteger(sent) || sent < 1)
      add(row, 'version', `Versi "${v.version}" tidak valid: biarkan kolom Versi seperti hasil ekspor`);
    else if (sent !== stored.version) {
      add(
        row,
        'version',
        `Data ini sudah diubah sejak berkas diekspor (versi berkas ${sent}, versi terbaru ${stored.version}): ekspor ulang direktori, lalu ulangi perubahan Anda`,
      );
    }
  };

  // Institutions first: officers may refer to institutions added or renamed by the same file.
  const plan: ImportPlan = { rows, institutions: [], officers: [] };
  const existingByName = new Map(existing.institutions.map((x) => [normalizeSearch(x.name), x]));
  const existingByShort = new Map<string, StoredInstitution[]>();
  for (const x of existing.institutions) if (x.shortName) pushGrouped(existingByShort, normalizeSearch(x.shortName), x);
  const existingRegion = new Map(
    existing.institutions.filter((x) => x.category === 'regency_city' && x.regionCode).map((x) => [x.regionCode!, x]),
  );
  const fileByName = new Map<string, CheckedRow>();
  const fileByShort = new Map<string, CheckedRow[]>();
  const fileRegion = new Map<string, CheckedRow>();
  const fileInstitutionTarget = new Map<string, CheckedRow>();
  /** The stored institution a valid institution row of the file updates. */
  const targetOfRow = new Map<CheckedRow, string>();

  raw.forEach((r, i) => {
    const row = rows[i]!;
    if (row.kind !== 'institution') return;
    const v = r.values;
    const categoryText = v.category ?? '';
    const category = parseCategory(categoryText);
    const key = normalizeSearch(v.name);
    let stored = byIdColumn(row, v, institutionById, 'lembaga');
    if (stored === undefined) {
      const byRegion = category === 'regency_city' && v.regionCode ? existingRegion.get(v.regionCode) : undefined;
      stored = byRegion ?? (key ? existingByName.get(key) : undefined) ?? null;
    }
    if (stored) {
      checkVersion(row, v, stored);
      const twin = fileInstitutionTarget.get(stored.id);
      if (twin) add(row, 'name', `Baris ini dan ${where(twin)} sama-sama merujuk lembaga "${stored.name}"`);
      else fileInstitutionTarget.set(stored.id, row);
    }
    const from = (field: (typeof institutionFields)[number], fileValue: unknown, storedValue: unknown) =>
      stored && keepsStored(row, v, field) ? storedValue : fileValue;
    const parsed = createInstitutionInput.safeParse({
      name: from('name', v.name ?? '', stored?.name),
      shortName: from('shortName', v.shortName, stored?.shortName),
      category: from('category', category ?? categoryText, stored?.category),
      regionCode: from('regionCode', v.regionCode, stored?.regionCode),
      address: from('address', v.address, stored?.address),
      website: from('website', v.website, stored?.website),
      email: from('email', v.email, stored?.email),
      phone: from('phone', v.phone, stored?.phone),
    });
    addZodIssues(row, parsed.error?.issues ?? [], {
      category: categoryText
        ? `Kategori "${categoryText}" tidak dikenal ${categoryMessage.replace(/^Kategori tidak dikenal /, '')}`
        : categoryRequiredMessage,
    });
    const finalCategory = parsed.data?.category ?? category;
    const finalRegion = parsed.data?.regionCode ?? v.regionCode;
    if (finalCategory === 'regency_city' && !finalRegion) add(row, 'regionCode', regionCodeRequiredMessage);
    const finalKey = parsed.data ? normalizeSearch(parsed.data.name) : key;
    if (finalKey) {
      const twin = fileByName.get(finalKey);
      if (twin) add(row, 'name', `Nama lembaga sama dengan ${where(twin)}`);
      else fileByName.set(finalKey, row);
      const sameName = existingByName.get(finalKey);
      if (sameName && sameName.id !== stored?.id) add(row, 'name', `Lembaga "${sameName.name}" sudah terdaftar di direktori`);
    }
    if (v.shortName) pushGrouped(fileByShort, normalizeSearch(v.shortName), row);
    if (finalCategory === 'regency_city' && finalRegion) {
      const twin = fileRegion.get(finalRegion);
      const sameRegion = existingRegion.get(finalRegion);
      if (twin) add(row, 'regionCode', `Kode wilayah ${finalRegion} sama dengan ${where(twin)}`);
      else fileRegion.set(finalRegion, row);
      if (sameRegion && sameRegion.id !== stored?.id)
        add(row, 'regionCode', `Kode wilayah ${finalRegion} sudah dipakai ${sameRegion.name}`);
    }
    row.valid = row.problems.length === 0;
    if (!row.valid || !parsed.success) return;
    const input: InstitutionValues = {
      name: parsed.data.name,
      shortName: parsed.data.shortName ?? null,
      category: parsed.data.category,
      regionCode: parsed.data.regionCode ?? null,
      address: parsed.data.address ?? null,
      website: parsed.data.website ?? null,
      email: parsed.data.email ?? null,
      phone: parsed.data.phone ?? null,
    };
    if (stored) {
      row.targetId = stored.id;
      targetOfRow.set(row, stored.id);
      row.changes = institutionFields
        .filter((f) => (input[f] ?? null) !== (stored[f] ?? null))
        .map((f) => ({
          field: f,
          column: headerOf[f],
          before: shown(f, stored[f], institutionName),
          after: shown(f, input[f], institutionName),
        }));
      row.status = row.changes.length ? 'changed' : 'unchanged';
    } else row.status = 'new';
    if (row.status !== 'unchanged') plan.institutions.push({ row, input, existing: stored });
  });

  const resolve = (text: string): { ref?: InstitutionRef; message?: string } => {
    const key = normalizeSearch(text);
    // A name the file gives an institution (new or renamed) wins over a stored name.
    let target = fileByName.get(key);
    if (!target) {
      const stored = existingByName.get(key);
      if (stored) return { ref: { existingId: stored.id } };
      const candidates: InstitutionRef[] = [
        ...(existingByShort.get(key) ?? []).map((x) => ({ existingId: x.id })),
        ...(fileByShort.get(key) ?? []).map((fileRow) => ({ fileRow })),
      ];
      // The same institution found through its stored short name and its file row is one candidate.
      const distinct = candidates.filter((c, i) => {
        const id = 'existingId' in c ? c.existingId : (targetOfRow.get(c.fileRow) ?? c.fileRow);
        return candidates.findIndex((d) => ('existingId' in d ? d.existingId : (targetOfRow.get(d.fileRow) ?? d.fileRow)) === id) === i;
      });
      if (distinct.length > 1) return { message: `Singkatan "${text}" dipakai lebih dari satu lembaga: tulis nama lengkapnya` };
      const only = distinct[0];
      if (!only)
        return {
          message: `Lembaga "${text}" tidak ditemukan: tulis nama atau singkatan lembaga yang terdaftar, atau tambahkan barisnya sebagai lembaga di berkas ini`,
        };
      if ('existingId' in only) return { ref: only };
      target = only.fileRow;
    }
    const storedTarget = targetOfRow.get(target);
    if (storedTarget) return { ref: { existingId: storedTarget } };
    if (!target.valid) {
      // A stored institution whose file row is bad: its officers still attach to the stored row.
      const stored = existingByName.get(key);
      if (stored) return { ref: { existingId: stored.id } };
      return { message: `Lembaga "${text}" di ${where(target)} bermasalah, jadi petugas ini tidak dapat diimpor` };
    }
    return { ref: { fileRow: target } };
  };

  const officerByEmail = new Map(existing.officers.filter((o) => o.email).map((o) => [o.email!, o]));
  const officerByNip = new Map(existing.officers.filter((o) => o.nip).map((o) => [o.nip!, o]));
  const officerByPerson = new Map(existing.officers.map((o) => [`${o.institutionId}|${normalizeSearch(o.name)}`, o]));
  const fileEmails = new Map<string, CheckedRow>();
  const fileNips = new Map<string, CheckedRow>();
  const filePeople = new Map<string, CheckedRow>();
  const fileOfficerTarget = new Map<string, CheckedRow>();
  const mainContacts = new Map<unknown, CheckedRow>();

  raw.forEach((r, i) => {
    const row = rows[i]!;
    if (row.kind !== 'officer') return;
    const v = r.values;
    const levelText = v.prFunctionalLevel ?? '';
    const mainParsed = parseYesNo(v.isMainContact);
    if (r.lossy.includes('nip'))
      add(
        row,
        'nip',
        'NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang: format kolom NIP sebagai Teks lalu ketik ulang',
      );
    if (mainParsed === null) add(row, 'isMainContact', `Kontak Utama harus "ya" atau "tidak" (tertulis "${v.isMainContact}")`);
    const resolved = v.institution ? resolve(v.institution) : null;
    if (resolved?.message) add(row, 'institution', resolved.message);
    const refKey = (ref: InstitutionRef | undefined) =>
      ref ? ('existingId' in ref ? ref.existingId : `file:${ref.fileRow.sheet}:${ref.fileRow.rowNumber}`) : null;

    // Which stored officer the row names: the ID column, else NIP, e-mail, or the same name in the same institution.
    const nipKey = v.nip?.replace(/\s+/g, '');
    const emailKey = v.email?.trim().toLowerCase();
    let stored = byIdColumn(row, v, officerById, 'petugas');
    if (stored === undefined) {
      const instKey = refKey(resolved?.ref);
      stored =
        (nipKey && officerByNip.get(nipKey)) ||
        (emailKey && officerByEmail.get(emailKey)) ||
        (instKey && v.name ? officerByPerson.get(`${instKey}|${normalizeSearch(v.name)}`) : undefined) ||
        null;
    }
    if (!v.institution && !stored) add(row, 'institution', 'Lembaga wajib diisi untuk petugas');
    if (stored) {
      checkVersion(row, v, stored);
      const twin = fileOfficerTarget.get(stored.id);
      if (twin) add(row, 'name', `Baris ini dan ${where(twin)} sama-sama merujuk petugas "${stored.name}"`);
      else fileOfficerTarget.set(stored.id, row);
    }
    const from = (field: (typeof officerFields)[number], fileValue: unknown, storedValue: unknown) =>
      stored && keepsStored(row, v, field) ? storedValue : fileValue;
    const level = levelText ? (parsePrFunctionalLevel(levelText) ?? levelText) : undefined;
    const parsed = createOfficerInput.safeParse({
      name: from('name', v.name ?? '', stored?.name),
      nip: from('nip', v.nip, stored?.nip),
      position: from('position', v.position, stored?.position),
      prFunctionalLevel: from('prFunctionalLevel', level, stored?.prFunctionalLevel),
      email: from('email', v.email, stored?.email),
      phone: from('phone', v.phone, stored?.phone),
      isMainContact: from('isMainContact', mainParsed ?? false, stored?.isMainContact),
    });
    addZodIssues(row, parsed.error?.issues ?? [], {
      prFunctionalLevel: `Jenjang "${levelText}" tidak dikenal ${levelMessage.replace(/^Jenjang Pranata Humas tidak dikenal /, '')}`,
    });
    const ref: InstitutionRef | undefined = resolved?.ref ?? (stored && !v.institution ? { existingId: stored.institutionId } : undefined);
    const instKey = refKey(ref);
    const main = parsed.data?.isMainContact ?? false;
    if (parsed.success) {
      const { email, nip } = parsed.data;
      if (email) {
        const twin = fileEmails.get(email);
        if (twin) add(row, 'email', `E-mail sama dengan ${where(twin)}`);
        else fileEmails.set(email, row);
        const owner = officerByEmail.get(email);
        if (owner && owner.id !== stored?.id) add(row, 'email', 'E-mail sudah terdaftar untuk petugas humas lain');
      }
      if (nip) {
        const twin = fileNips.get(nip);
        if (twin) add(row, 'nip', `NIP sama dengan ${where(twin)}`);
        else fileNips.set(nip, row);
        const owner = officerByNip.get(nip);
        if (owner && owner.id !== stored?.id) add(row, 'nip', 'NIP sudah terdaftar untuk petugas humas lain');
      }
      if (main && stored && !stored.active)
        add(row, 'isMainContact', 'Petugas nonaktif tidak dapat menjadi kontak utama: aktifkan petugas terlebih dahulu');
    }
    const name = parsed.data?.name ?? v.name;
    if (instKey && name) {
      const personKey = `${instKey}|${normalizeSearch(name)}`;
      const twin = filePeople.get(personKey);
      if (twin) add(row, 'name', `Petugas yang sama (nama dan lembaga) sudah ada di ${where(twin)}`);
      else filePeople.set(personKey, row);
      const same = officerByPerson.get(personKey);
      if (same && same.id !== stored?.id) add(row, 'name', 'Petugas dengan nama ini sudah terdaftar di lembaga tersebut');
      if (main) {
        const first = mainContacts.get(instKey);
        if (first) add(row, 'isMainContact', `Kontak utama lembaga ini sudah ditetapkan di ${where(first)}`);
        else mainContacts.set(instKey, row);
      }
    }
    row.valid = row.problems.length === 0;
    if (!row.valid || !parsed.success || !ref) return;
    const d = parsed.data;
    const input: OfficerValues = {
      name: d.name,
      nip: d.nip ?? null,
      position: d.position ?? null,
      prFunctionalLevel: d.prFunctionalLevel ?? null,
      email: d.email ?? null,
      phone: d.phone ?? null,
      isMainContact: d.isMainContact ?? false,
    };
    if (stored) {
      row.targetId = stored.id;
      const storedValue = (f: (typeof officerFields)[number]) => (f === 'institution' ? stored.institutionId : stored[f]);
      const fileValue = (f: (typeof officerFields)[number]) =>
        f === 'institution' ? ('existingId' in ref ? ref.existingId : `baru: ${ref.fileRow.values.name}`) : input[f];
      row.changes = officerFields
        .filter((f) => (fileValue(f) ?? null) !== (storedValue(f) ?? null))
        .map((f) => ({
          field: f,
          column: headerOf[f],
          before: shown(f, storedValue(f), institutionName),
          after: shown(f, fileValue(f), institutionName),
        }));
      row.status = row.changes.length ? 'changed' : 'unchanged';
    } else row.status = 'new';
    if (row.status !== 'unchanged') plan.officers.push({ row, input, institution: ref, existing: stored });
  });

  for (const row of rows) {
    row.valid = row.problems.length === 0;
    if (!row.valid) {
      row.status = 'invalid';
      row.changes = [];
    }
  }
  // A row that became invalid late (e.g. a twin found after it) is not written.
  plan.institutions = plan.institutions.filter((p) => p.row.valid);
  plan.officers = plan.officers.filter((p) => p.row.valid);
  return plan;
}
