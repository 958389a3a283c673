import { z } from '../zod';

/**
 * The directory import's columns and answers, shared by the server (src/server/modules/directory/import*.ts,
 * whose `importColumns` must use exactly these keys) and the SPA's import screen.
 */
export const importColumnKeys = [
  'kind',
  'name',
  'shortName',
  'category',
  'regionCode',
  'address',
  'website',
  'email',
  'phone',
  'institution',
  'nip',
  'position',
  'prFunctionalLevel',
  'isMainContact',
  'id',
  'version',
] as const;
export type ColumnKey = (typeof importColumnKeys)[number];
export const importRowStatuses = ['new', 'changed', 'unchanged', 'invalid'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

const columnKey = z.enum(importColumnKeys);
export const importProblemOutput = z.object({ field: columnKey, column: z.string(), message: z.string() });
/** One field a file row changes on a stored row, as people read it. */
export const importChangeOutput = z.object({ field: columnKey, column: z.string(), before: z.string(), after: z.string() });
export const importRowOutput = z.object({
  sheet: z.string(),
  rowNumber: z.number().int(),
  kind: z.enum(['institution', 'officer']).nullable(),
  values: z.partialRecord(columnKey, z.string()),
  problems: z.array(importProblemOutput),
  valid: z.boolean(),
  /** new = added; changed = updates a stored row; unchanged = same as stored (nothing written); invalid = has problems. */
  status: z.enum(importRowStatuses),
  /** The stored institution or officer this row updates (or leaves as is). */
  targetId: z.string().nullable(),
  changes: z.array(importChangeOutput),
});
export const importSummaryOutput = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  institutions: z.number().int(),
  officers: z.number().int(),
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
/** POST /api/directory/import/preview: every row with its problems and changes; nothing written. */
export const importPreviewOutput = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  ignoredColumns: z.array(z.string()),
  summary: importSummaryOutput,
  rows: z.array(importRowOutput),
});
const counts = z.object({ institutions: z.number().int(), officers: z.number().int() });
/** POST /api/directory/import: what was added, updated, left unchanged and skipped. */
export const importResultOutput = z.object({
  mode: z.enum(['valid', 'all']),
  imported: counts,
  updated: counts,
  unchanged: z.number().int(),
  skipped: z.number().int(),
  summary: importSummaryOutput,
  skippedRows: z.array(importRowOutput),
});
export type ImportPreview = z.output<typeof importPreviewOutput>;
export type ImportResult = z.output<typeof importResultOutput>;
export type ImportRow = z.output<typeof importRowOutput>;
