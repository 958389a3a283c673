import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { formatInstantId } from '../../../shared/dates';
import type { Ctx } from '../../core/context';
import { surveySessionRatings } from '../../db/schema/index';
import { surveyResults } from './results';

/** The survey as a workbook: a sheet of summaries (counts, averages, distributions) and a sheet of every answer. */
export async function surveyXlsx(ctx: Ctx, meetingId: string): Promise<{ bytes: Buffer; name: string }> {
  const r = await surveyResults(ctx, meetingId);
  const ids = r.answers.map((a) => a.id);
  const ratings = ids.length ? await ctx.db.select().from(surveySessionRatings).where(inArray(surveySessionRatings.responseId, ids)) : [];
  const ratingOf = new Map(ratings.map((x) => [`${x.responseId}:${x.sessionId}`, x.rating]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Simpul';
  const sum = wb.addWorksheet('Ringkasan');
  sum.columns = [
    { width: 44 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 8 },
    { width: 8 },
    { width: 8 },
    { width: 8 },
    { width: 8 },
  ];
  const head = sum.addRow([`Survei: ${r.meeting.title}`]);
  head.getCell(1).font = { bold: true, size: 12 };
  sum.addRow(['Jumlah jawaban', r.responses]);
  sum.addRow(['Jumlah peserta hadir', r.attendees]);
  sum.addRow([]);
  const header = sum.addRow(['Penilaian', 'Waktu', 'Penilai', 'Rata-rata', 'Nilai 1', 'Nilai 2', 'Nilai 3', 'Nilai 4', 'Nilai 5']);
  header.font = { bold: true };
  sum.addRow(['Kebermanfaatan rapat', '', r.responses, r.usefulness.average, ...r.usefulness.distribution]);
  for (const s of r.sessions) sum.addRow([s.title, s.time, s.count, s.average, ...s.distribution]);
  sum.getColumn(4).numFmt = '0.00';

  const sheet = wb.addWorksheet('Jawaban');
  const cols = ['No', 'Instansi', 'Kebermanfaatan', ...r.sessions.map((s) => s.title), 'Saran', 'Topik yang diinginkan', 'Dijawab pada'];
  sheet.columns = cols.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 32 : i >= cols.length - 3 ? 40 : 16 }));
  sheet.addRow(cols).font = { bold: true };
  r.answers.forEach((a, i) =>
    sheet.addRow([
      i + 1,
      a.institution ?? '',
      a.usefulness,
      ...r.sessions.map((s) => ratingOf.get(`${a.id}:${s.id}`) ?? null),
      a.suggestions ?? '',
      a.topicsWanted ?? '',
      formatInstantId(new Date(a.createdAt), { time: true }),
    ]),
  );
  sheet.getColumn(cols.length - 2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(cols.length - 1).alignment = { wrapText: true, vertical: 'top' };
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, name: `survei-rapat-${r.meeting.id.slice(0, 8)}.xlsx` };
}
