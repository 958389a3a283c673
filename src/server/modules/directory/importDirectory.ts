import { and, eq, inArray, sql } from 'drizzle-orm';
import { institutions, officers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { normalizeSearch } from '../../../shared/text';
import { institutionSearchText } from './institutions';
import { officerSearchText } from './officers';
import { parseDirectoryFile } from './importParse';
import { checkRows, type CheckedRow, type ExistingDirectory } from './importValidate';

export const importModes = ['valid', 'all'] as const;
export type ImportMode = (typeof importModes)[number];
type UploadedFile = { buffer: Buffer; filename: string };

async function loadExisting(ctx: Ctx): Promise<ExistingDirectory> {
  const [insts, offs] = await Promise.all([
    ctx.db
      .select({ id: institutions.id, name: institutions.name, shortName: institutions.shortName, category: institutions.category, regionCode: institutions.regionCode })
      .from(institutions),
    ctx.db.select({ institutionId: officers.institutionId, name: officers.name, email: officers.email, nip: officers.nip }).from(officers),
  ]);
  return { institutions: insts, officers: offs };
}

function summarize(rows: CheckedRow[]) {
  return {
    rows: rows.length,
    valid: rows.filter((r) => r.valid).length,
    invalid: rows.filter((r) => !r.valid).length,
    institutions: rows.filter((r) => r.kind === 'institution').length,
    officers: rows.filter((r) => r.kind === 'officer').length,
  };
}

function chunks<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Parses the file and reports every row with its problems; writes nothing. */
export async function previewImport(ctx: Ctx, file: UploadedFile) {
  authorize(ctx.actor, 'institution.import');
  const parsed = await parseDirectoryFile(file);
  const plan = checkRows(parsed.rows, await loadExisting(ctx));
  return { fileName: file.filename, format: parsed.format, ignoredColumns: parsed.ignoredColumns, summary: summarize(plan.rows), rows: plan.rows };
}

/**
 * Imports institutions and officers in one transaction with one audit row. Mode `valid` skips the rows with
 * problems; mode `all` writes nothing unless every row is valid.
 */
export async function importDirectory(ctx: Ctx, file: UploadedFile, modeText: string | undefined) {
  authorize(ctx.actor, 'institution.import');
  const mode = importModes.find((m) => m === modeText);
  if (!mode) {
    throw new ValidationError('Pilih mode impor: "valid" (hanya baris yang valid) atau "all" (semua atau tidak sama sekali)', { mode: 'Mode harus valid atau all' });
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
    if (!plan.institutions.length && !plan.officers.length) {
      throw new ValidationError('Tidak ada baris valid untuk diimpor', undefined, { summary, rows: invalid });
    }

    const idOfFileRow = new Map<CheckedRow, string>();
    const createdInstitutions: { id: string; name: string }[] = [];
    for (const part of chunks(plan.institutions)) {
      const values = part.map(({ input }) => {
        const v = {
          name: input.name, shortName: input.shortName ?? null, category: input.category, regionCode: input.regionCode ?? null,
          address: input.address ?? null, website: input.website ?? null, email: input.email ?? null, phone: input.phone ?? null,
        };
        return { ...v, searchText: institutionSearchText(v) };
      });
      const inserted = await tx.db.insert(institutions).values(values).returning({ id: institutions.id, name: institutions.name });
      const byName = new Map(inserted.map((r) => [normalizeSearch(r.name), r.id]));
      for (const { row, input } of part) idOfFileRow.set(row, byName.get(normalizeSearch(input.name))!);
      createdInstitutions.push(...inserted);
    }

    const officerValues = plan.officers.map(({ input, institution }) => {
      const v = {
        institutionId: 'existingId' in institution ? institution.existingId : idOfFileRow.get(institution.fileRow)!,
        name: input.name, nip: input.nip ?? null, position: input.position ?? null, prFunctionalLevel: input.prFunctionalLevel ?? null,
        email: input.email ?? null, phone: input.phone ?? null, isMainContact: input.isMainContact ?? false,
      };
      return { ...v, searchText: officerSearchText(v) };
    });
    // A main contact named in the file replaces the institution's current one.
    const newMain = [...new Set(officerValues.filter((o) => o.isMainContact).map((o) => o.institutionId))];
    const unsetMain: { id: string; name: string; institutionId: string }[] = [];
    for (const part of chunks(newMain)) {
      unsetMain.push(
        ...(await tx.db
          .update(officers)
          .set({ isMainContact: false, version: sql`${officers.version} + 1`, updatedAt: new Date() })
          .where(and(inArray(officers.institutionId, part), eq(officers.isMainContact, true)))
          .returning({ id: officers.id, name: officers.name, institutionId: officers.institutionId })),
      );
    }
    const createdOfficers: { id: string; name: string; institutionId: string }[] = [];
    for (const part of chunks(officerValues)) {
      createdOfficers.push(
        ...(await tx.db.insert(officers).values(part).returning({ id: officers.id, name: officers.name, institutionId: officers.institutionId })),
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
        mainContactsUnset: unsetMain,
        skippedRows: invalid.map((r) => ({ sheet: r.sheet, rowNumber: r.rowNumber })),
      },
    });
    return {
      mode,
      imported: { institutions: createdInstitutions.length, officers: createdOfficers.length },
      skipped: invalid.length,
      summary,
      skippedRows: invalid,
    };
  });
}
