import ExcelJS from 'exceljs';
import { and, asc, count, eq } from 'drizzle-orm';
import { institutions, officers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import type { Ctx } from '../../core/context';
import { authorize, institutionScope } from '../../core/policy';
import { categoryLabels, type InstitutionCategory } from '../../../shared/categories';
import { prFunctionalLevelLabels, type PrFunctionalLevel } from '../../../shared/schemas/directory';
import { jakartaIsoDate } from '../../../shared/dates';
import { headerOf } from './importColumns';
import { institutionFilter } from './institutions';
import { styleHeader } from './importTemplate';

/**
 * The row's ID and version, last on each sheet: a re-imported export updates the rows it names, and a row changed
 * by someone else since the export is refused instead of overwritten.
 */
const keyColumns = [
  { header: headerOf.id, key: 'id', width: 38 },
  { header: headerOf.version, key: 'version', width: 8 },
];

export type ExportQuery = { q?: string; category?: string; active?: 'true' | 'false' };

/**
 * The directory as XLSX: a "Lembaga" sheet and a "Petugas" sheet, limited to what the actor may see (a member
 * officer's workbook holds only their own institution's officers). The headers are those of the import, so the
 * file re-imports: rows are matched by their ID column and update what was changed in the file.
 */
export async function exportDirectory(ctx: Ctx, q: ExportQuery): Promise<{ buffer: Buffer; filename: string }> {
  authorize(ctx.actor, 'institution.export');
  const cond = institutionFilter(q);
  const scope = institutionScope(ctx.actor);
  const [instRows, counts, officerRows] = await Promise.all([
    ctx.db.select().from(institutions).where(cond).orderBy(asc(institutions.name), asc(institutions.id)),
    ctx.db
      .select({ institutionId: officers.institutionId, n: count() })
      .from(officers)
      .where(eq(officers.active, true))
      .groupBy(officers.institutionId),
    ctx.db
      .select({ officer: officers, institutionName: institutions.name })
      .from(officers)
      .innerJoin(institutions, eq(institutions.id, officers.institutionId))
      .where(and(cond, scope ? eq(officers.institutionId, scope) : undefined))
      .orderBy(asc(institutions.name), asc(officers.name), asc(officers.id)),
  ]);
  const countOf = new Map(counts.map((c) => [c.institutionId, c.n]));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Simpul - Koordinasi Kehumasan';
  workbook.created = new Date();
  const inst = workbook.addWorksheet('Lembaga');
  inst.columns = [
    { header: headerOf.name, key: 'name', width: 50 },
    { header: headerOf.shortName, key: 'shortName', width: 22 },
    { header: headerOf.category, key: 'category', width: 32 },
    { header: headerOf.regionCode, key: 'regionCode', width: 13, style: { numFmt: '@' } },
    { header: headerOf.address, key: 'address', width: 40 },
    { header: headerOf.website, key: 'website', width: 30 },
    { header: headerOf.email, key: 'email', width: 30 },
    { header: headerOf.phone, key: 'phone', width: 18, style: { numFmt: '@' } },
    { header: 'Status', key: 'status', width: 10 },
    { header: 'Jumlah Petugas Aktif', key: 'officerCount', width: 20 },
    ...keyColumns,
  ];
  styleHeader(inst);
  for (const r of instRows) {
    inst.addRow({
      ...r,
      category: categoryLabels[r.category as InstitutionCategory]?.id ?? r.category,
      status: r.active ? 'Aktif' : 'Nonaktif',
      officerCount: countOf.get(r.id) ?? 0,
    });
  }
  const off = workbook.addWorksheet('Petugas');
  off.columns = [
    { header: headerOf.name, key: 'name', width: 32 },
    { header: headerOf.institution, key: 'institution', width: 50 },
    { header: headerOf.nip, key: 'nip', width: 21, style: { numFmt: '@' } },
    { header: headerOf.position, key: 'position', width: 32 },
    { header: headerOf.prFunctionalLevel, key: 'level', width: 22 },
    { header: headerOf.email, key: 'email', width: 30 },
    { header: headerOf.phone, key: 'phone', width: 18, style: { numFmt: '@' } },
    { header: headerOf.isMainContact, key: 'main', width: 14 },
    { header: 'Status', key: 'status', width: 10 },
    ...keyColumns,
  ];
  styleHeader(off);
  for (const { officer: o, institutionName } of officerRows) {
    off.addRow({
      ...o,
      institution: institutionName,
      level: o.prFunctionalLevel ? (prFunctionalLevelLabels[o.prFunctionalLevel as PrFunctionalLevel] ?? o.prFunctionalLevel) : null,
      main: o.isMainContact ? 'ya' : 'tidak',
      status: o.active ? 'Aktif' : 'Nonaktif',
    });
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  // Exports carry personal data (officers' e-mail and phone): keep a trace of who took one.
  await audit(ctx, {
    action: 'directory.export',
    entityType: 'directory',
    after: { filter: q, institutions: instRows.length, officers: officerRows.length },
  });
  return { buffer, filename: `direktori-anggota-${jakartaIsoDate(new Date())}.xlsx` };
}
