import { and, eq, ne } from 'drizzle-orm';
import { institutions, officers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { normalizeSearch } from '../../../shared/text';
import { institutionSearchText } from './institutions';
import { officerSearchText } from './officers';
import { parseDirectoryFile } from './importParse';
import { checkRows, type CheckedRow, type ExistingDirectory, type InstitutionRef } from './importValidate';

export const importModes = ['valid', 'all'] as const;
export type ImportMode = (typeof importModes)[number];
type UploadedFile = { buffer: Buffer; filename: string };

async function loadExisting(ctx: Ctx): Promise<ExistingDirectory> {
  const [insts, offs] = await Promise.all([
    ctx.db
      .select({
        id: institutions.id,
        name: institutions.name,
        shortName: institutions.shortName,
        category: institutions.category,
        regionCode: institutions.regionCode,
        address: institutions.address,
        website: institutions.website,
        email: institutions.email,
        phone: institutions.phone,
        version: institutions.version,
      })
      .from(institutions),
    ctx.db
      .select({
        id: officers.id,
        institutionId: officers.institutionId,
        name: officers.name,
        nip: officers.nip,
        position: officers.position,
        prFunctionalLevel: officers.prFunctionalLevel,
        email: officers.email,
        phone: officers.phone,
        isMainContact: officers.isMainContact,
        active: officers.active,
        version: officers.version,
      })
      .from(officers),
  ]);
  return { institutions: insts, officers: offs };
}

function summarize(rows: CheckedRow[]) {
  const status = (s: CheckedRow['status']) => rows.filter((r) => r.status === s).length;
  return {
    rows: rows.length,
    valid: rows.filter((r) => r.valid).length,
    invalid: rows.filter((r) => !r.valid).length,
    institutions: rows.filter((r) => r.kind === 'institution').length,
    officers: rows.filter((r) => r.kind === 'officer').length,
    new: status('new'),
    changed: status('changed'),
    unchanged: status('unchanged'),
  };
}

function chunks<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const staleMessage =
  'Direktori berubah selama impor (data diubah orang lain). Tidak ada data yang disimpan: periksa ulang berkas, lalu impor lagi.';

/** Parses the file and reports every row with its problems; writes nothing. */
export async function previewImport(ctx: Ctx, file: UploadedFile) {
  authorize(ctx.actor, 'institution.import');
  const parsed = await parseDirectoryFile(file);
  const plan = checkRows(parsed.rows, await loadExisting(ctx));
  return {
    fileName: file.filename,
    format: parsed.format,
    ignoredColumns: parsed.ignoredColumns,
    summary: summarize(plan.rows),
    rows: plan.rows,
  };
}

/**
 * Imports institutions and officers in one transaction. New rows are inserted (listed in one `directory.import`
 * audit row); rows that change a stored institution or officer update it the way a manual edit does (its
 * version goes up and each changed row gets its own `institution.update` / `officer.update` audit row); rows
 * equal to the stored ones write nothing. Mode `valid` skips the rows with problems; mode `all` writes nothing
 * unless every row is valid. A file that changes nothing writes nothing, not even the audit row.
 */
export async function importDirectory(ctx: Ctx, file: UploadedFile, modeText: string | undefined) {
  authorize(ctx.actor, 'institution.import');
  const mode = importModes.find((m) => m === modeText);
  if (!mode) {
    throw new ValidationError('Pilih mode impor: "valid" (hanya baris yang valid) atau "all" (semua atau tidak sama sekali)', {
      mode: 'Mode harus valid atau all',
    });
  }
  const parsed = await parseDirectoryFile(file);
  return inTransaction(ctx, async (tx) => {
    // Checked again inside the transaction: the directory may have changed since the preview.
    const plan = checkRows(parsed.rows, await loadExisting(tx));
    const invalid = plan.rows.filter((r) => !r.valid);
    const summary = summarize(plan.rows);
    if (mode === 'all' && invalid.length) {
      throw new ValidationError(
        `${invalid.length} dari ${plan.rows.length} baris bermasalah, jadi tidak ada data yang disimpan. Perbaiki baris tersebut, atau impor hanya baris yang valid.`,
        undefined,
        { summary, rows: invalid },
      );
    }
    if (!summary.valid) throw new ValidationError('Tidak ada baris valid untuk diimpor', undefined, { summary, rows: invalid });
    const result = (counts: { institutions: number; officers: number }, updated: { institutions: number; officers: number }) => ({
      mode,
      imported: counts,
      updated,
      unchanged: summary.unchanged,
      skipped: invalid.length,
      summary,
      skippedRows: invalid,
    });
    if (!plan.institutions.length && !plan.officers.length)
      return result({ institutions: 0, officers: 0 }, { institutions: 0, officers: 0 });

    // ---- Institutions: updates one by one (version + audit, as a manual edit), inserts in batches ----
    const idOfFileRow = new Map<CheckedRow, string>();
    const updatedInstitutions: { id: string; name: string }[] = [];
    for (const { row, input, existing } of plan.institutions) {
      if (!existing) continue;
      const [before] = await tx.db.select().from(institutions).where(eq(institutions.id, existing.id)).for('update');
      if (!before || before.version !== existing.version) throw new ConflictError(staleMessage);
      const [after] = await tx.db
        .update(institutions)
        .set({ ...input, searchText: institutionSearchText(input), version: before.version + 1, updatedAt: new Date() })
        .where(eq(institutions.id, before.id))
        .returning();
      await audit(tx, { action: 'institution.update', entityType: 'institution', entityId: before.id, before, after });
      idOfFileRow.set(row, before.id);
      updatedInstitutions.push({ id: before.id, name: input.name });
    }
    const createdInstitutions: { id: string; name: string }[] = [];
    for (const part of chunks(plan.institutions.filter((p) => !p.existing))) {
      const values = part.map(({ input }) => ({ ...input, searchText: institutionSearchText(input) }));
      const inserted = await tx.db.insert(institutions).values(values).returning({ id: institutions.id, name: institutions.name });
      const byName = new Map(inserted.map((r) => [normalizeSearch(r.name), r.id]));
      for (const { row, input } of part) idOfFileRow.set(row, byName.get(normalizeSearch(input.name))!);
      createdInstitutions.push(...inserted);
    }
    const institutionIdOf = (ref: InstitutionRef) =>
      'existingId' in ref ? ref.existingId : (idOfFileRow.get(ref.fileRow) ?? ref.fileRow.targetId!);

    // ---- Officers ----
    /** Versions this import gave officers it unset as main contact (so their own file rows are not "stale"). */
    const bumped = new Map<string, number>();
    const unsetMain: { id: string; name: string; institutionId: string }[] = [];
    // A main contact named in the file replaces the institution's current one (each unset audited, as in a manual edit).
    const unsetOtherMain = async (institutionId: string, keepId: string | null) => {
      const previous = await tx.db
        .select()
        .from(officers)
        .where(
          and(eq(officers.institutionId, institutionId), eq(officers.isMainContact, true), keepId ? ne(officers.id, keepId) : undefined),
        )
        .for('update');
      for (const before of previous) {
        const [after] = await tx.db
          .update(officers)
          .set({ isMainContact: false, version: before.version + 1, updatedAt: new Date() })
          .where(eq(officers.id, before.id))
          .returning();
        await audit(tx, { action: 'officer.update', entityType: 'officer', entityId: before.id, before, after });
        bumped.set(before.id, after!.version);
        unsetMain.push({ id: before.id, name: before.name, institutionId });
      }
    };

    const updatedOfficers: { id: string; name: string; institutionId: string }[] = [];
    // Rows that stop being a main contact go first, so a new main contact never meets the old one.
    const updates = plan.officers.filter((p) => p.existing).sort((a, b) => Number(a.input.isMainContact) - Number(b.input.isMainContact));
    for (const { input, institution, existing } of updates) {
      const [before] = await tx.db.select().from(officers).where(eq(officers.id, existing!.id)).for('update');
      if (!before || before.version !== (bumped.get(before.id) ?? existing!.version)) throw new ConflictError(staleMessage);
      const institutionId = institutionIdOf(institution);
      const next = { ...input, institutionId };
      const differs = (Object.keys(next) as (keyof typeof next)[]).some((k) => (next[k] ?? null) !== (before[k] ?? null));
      if (!differs) continue; // e.g. already unset as main contact by another row of this file
      if (next.isMainContact && (!before.isMainContact || before.institutionId !== institutionId))
        await unsetOtherMain(institutionId, before.id);
      const [after] = await tx.db
        .update(officers)
        .set({ ...next, searchText: officerSearchText(next), version: before.version + 1, updatedAt: new Date() })
        .where(eq(officers.id, before.id))
        .returning();
      await audit(tx, { action: 'officer.update', entityType: 'officer', entityId: before.id, before, after });
      updatedOfficers.push({ id: before.id, name: next.name, institutionId });
    }

    const officerValues = plan.officers
      .filter((p) => !p.existing)
      .map(({ input, institution }) => {
        const v = { ...input, institutionId: institutionIdOf(institution) };
        return { ...v, searchText: officerSearchText(v) };
      });
    for (const institutionId of new Set(officerValues.filter((o) => o.isMainContact).map((o) => o.institutionId)))
      await unsetOtherMain(institutionId, null);
    const createdOfficers: { id: string; name: string; institutionId: string }[] = [];
    for (const part of chunks(officerValues)) {
      createdOfficers.push(
        ...(await tx.db
          .insert(officers)
          .values(part)
          .returning({ id: officers.id, name: officers.name, institutionId: officers.institutionId })),
      );
    }

    await audit(tx, {
      action: 'directory.import',
      entityType: 'directory',
      after: {
        fileName: file.filename,
        format: parsed.format,
        mode,
        summary,
        institutions: createdInstitutions,
        officers: createdOfficers,
        updatedInstitutions,
        updatedOfficers,
        mainContactsUnset: unsetMain,
        skippedRows: invalid.map((r) => ({ sheet: r.sheet, rowNumber: r.rowNumber })),
      },
    });
    return result(
      { institutions: createdInstitutions.length, officers: createdOfficers.length },
      { institutions: updatedInstitutions.length, officers: updatedOfficers.length },
    );
  });
}
