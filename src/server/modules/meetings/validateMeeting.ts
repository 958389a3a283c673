import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { users } from '../../db/schema/index';

type Dates = { startDate: string; endDate: string; startTime: string; endTime: string };

/** The rules a meeting's dates and times keep; throws ValidationError with per-field Indonesian messages. */
export function checkMeetingDates(m: Dates, fiscalYear: number): void {
  const fields: Record<string, string> = {};
  if (Number(m.startDate.slice(0, 4)) !== fiscalYear)
    fields.startDate = `Tanggal rapat harus dalam tahun anggaran kegiatan (${fiscalYear})`;
  if (Number(m.endDate.slice(0, 4)) !== fiscalYear) fields.endDate = `Tanggal rapat harus dalam tahun anggaran kegiatan (${fiscalYear})`;
  if (m.endDate < m.startDate) fields.endDate = 'Tanggal selesai tidak boleh sebelum tanggal mulai';
  if (m.endTime <= m.startTime) fields.endTime = 'Jam selesai harus setelah jam mulai';
  if (Object.keys(fields).length) throw new ValidationError(Object.values(fields)[0]!, fields);
}

/** Manager ids must be committee members' or administrators' accounts. */
export async function checkManagers(ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), inArray(users.role, ['committee', 'admin'])));
  if (found.length !== new Set(ids).size)
    throw new ValidationError('Pengelola rapat harus akun panitia atau administrator', {
      managerIds: 'Pengelola rapat harus akun panitia atau administrator',
    });
}

export { eq };
