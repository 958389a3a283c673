import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { NotFoundError } from '../../core/errors';
import { activities } from '../../db/schema/index';
import { letterheadFrom } from '../../documents/letterhead';
import type { Block, DocumentModel } from '../../documents/model';
import { formatNip } from '../../documents/nip';
import { renderPdf } from '../../documents/renderPdf';
import { formatDateId } from '../../../shared/dates';
import { formatMeetingDate } from '../../../shared/meetingDates';
import { followUpStatusLabels } from '../../../shared/outcomes';
import type { Outcomes } from '../../../shared/schemas/outcomes';
import type { Signer } from '../../../shared/schemas/meetings';
import { loadDocumentSettings } from '../settings/organisationSettings';
import { fileSafe } from '../meetings/letters';
import { meetingRoot } from '../meetings/meetingRoot';
import { getOutcomes, outcomesOf } from './resolutions';

const institutionsText = (f: { institutions: { name: string }[] }) => f.institutions.map((i) => i.name).join('; ');

/** The board as a workbook: every follow-up (overdue first within each resolution) and the tally per institution. */
export async function followUpBoardXlsx(ctx: Ctx, meetingId: string) {
  const o = await getOutcomes(ctx, meetingId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Simpul';
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const head = (ws: ExcelJS.Worksheet, cells: string[]) => {
    const r = ws.addRow(cells);
    r.eachCell((c) => {
      c.font = { bold: true };
      c.border = border;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    });
  };
  const ws = wb.addWorksheet('Tindak Lanjut', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [
    { width: 6 },
    { width: 40 },
    { width: 40 },
    { width: 32 },
    { width: 14 },
    { width: 22 },
    { width: 32 },
    { width: 36 },
    { width: 11 },
  ];
  ws.addRow([`Tindak Lanjut ${o.meeting.title}`]).getCell(1).font = { bold: true, size: 13 };
  ws.addRow([
    `Capaian: ${o.totals.done} dari ${o.totals.total} selesai (${o.totals.rate.toLocaleString('id-ID')}%), ${o.totals.overdue} terlambat`,
  ]);
  ws.addRow([]);
  head(ws, ['No.', 'Rumusan', 'Tindak lanjut', 'Penanggung jawab', 'Batas waktu', 'Status', 'Keterangan', 'Bukti', 'Terlambat']);
  for (const r of o.resolutions) {
    const list = r.followUps.length ? r.followUps : [null];
    for (const f of list) {
      const row = ws.addRow([
        r.number,
        r.statement,
        f?.action ?? '-',
        f ? institutionsText(f) : '',
        f ? formatDateId(f.dueDate) : '',
        f ? followUpStatusLabels[f.status] : '',
        f?.statusNote ?? '',
        f ? [f.evidenceUrl, f.evidenceFileName && `Berkas: ${f.evidenceFileName}`].filter(Boolean).join('\n') : '',
        f?.overdue ? 'Ya' : '',
      ]);
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = border;
        c.alignment = { vertical: 'top', wrapText: true };
      });
      if (f?.overdue) row.getCell(9).font = { bold: true, color: { argb: 'FFC00000' } };
    }
  }
  const wi = wb.addWorksheet('Per Instansi');
  wi.columns = [{ width: 44 }, { width: 10 }, { width: 10 }, { width: 16 }, { width: 12 }, { width: 12 }];
  head(wi, ['Instansi', 'Jumlah', 'Selesai', 'Tidak dapat dilaksanakan', 'Terlambat', 'Capaian (%)']);
  for (const i of o.byInstitution) {
    const row = wi.addRow([i.name, i.total, i.done, i.notFeasible, i.overdue, i.rate]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = border;
    });
  }
  wi.addRow(['Semua', o.totals.total, o.totals.done, o.totals.notFeasible, o.totals.overdue, o.totals.rate]).font = { bold: true };
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, name: `Tindak Lanjut - ${fileSafe(o.meeting.title)}.xlsx` };
}

/** "Rumusan Rapat Koordinasi Kehumasan 2019" as a document model: letterhead, heading, numbered statements, follow-ups, signature. */
export function resolutionsModel(
  o: Outcomes,
  extra: { year: number; venue: string; place: string; signer: Signer | null },
  letterhead: DocumentModel['letterhead'],
): DocumentModel {
  const title = /\d{4}/.test(o.meeting.title) ? o.meeting.title : `${o.meeting.title} ${extra.year}`;
  const blocks: Block[] = [
    { kind: 'title', lines: ['RUMUSAN', title.toUpperCase()] },
    {
      kind: 'list',
      items: [
        { label: 'Hari/tanggal', runs: [{ text: `: ${formatMeetingDate(o.meeting.startDate, o.meeting.endDate)}` }] },
        { label: 'Tempat', runs: [{ text: `: ${extra.venue}` }] },
      ],
    },
    {
      kind: 'paragraph',
      indent: true,
      runs: [{ text: `Peserta ${title} menyepakati rumusan sebagai berikut:` }],
    },
  ];
  if (!o.resolutions.length) blocks.push({ kind: 'paragraph', runs: [{ text: 'Belum ada rumusan yang dicatat.', italic: true }] });
  else
    blocks.push({
      kind: 'list',
      items: o.resolutions.map((r) => ({
        label: `${r.number}.`,
        runs: [{ text: r.statement }],
        notes: r.followUps.map((f) => [
          { text: 'Tindak lanjut: ', italic: true },
          { text: f.action },
          { text: ` (penanggung jawab: ${institutionsText(f)}; batas waktu ${formatDateId(f.dueDate)})`, italic: true },
        ]),
      })),
    });
  blocks.push({
    kind: 'signature',
    placeDate: `${extra.place}, ${formatDateId(o.meeting.endDate)}`,
    position: extra.signer?.position ?? '....................................',
    name: extra.signer?.name ?? '(....................................)',
    nip: [extra.signer?.rank, `NIP. ${extra.signer?.nip ? formatNip(extra.signer.nip) : '....................................'}`]
      .filter(Boolean)
      .join(' / '),
  });
  return { meta: { title: `Rumusan ${title}`, subject: `Rumusan ${title}`, author: 'Simpul' }, letterhead, blocks };
}

/** The published resolutions PDF: the bureau and every member officer (the resolutions are public to members). */
export async function resolutionsPdf(ctx: Ctx, meetingId: string) {
  authorize(ctx.actor, 'followUp.update');
  const m = await meetingRoot.load!(ctx, meetingId);
  if (!m) throw new NotFoundError('Rapat tidak ditemukan');
  // The follow-ups' institutions are part of the published text.
  const o = await outcomesOf(ctx, m);
  const [a] = await ctx.db.select({ fiscalYear: activities.fiscalYear }).from(activities).where(eq(activities.id, m.activityId));
  const settings = await loadDocumentSettings(ctx.db);
  const model = resolutionsModel(
    o,
    {
      year: a?.fiscalYear ?? Number(m.startDate.slice(0, 4)),
      venue: [m.venue, m.venueAddress].filter(Boolean).join(', '),
      place: m.letterPlace ?? 'Padang',
      signer: (m.signer as Signer | null) ?? null,
    },
    letterheadFrom(settings),
  );
  const bytes = await renderPdf(model);
  return { bytes, name: `${fileSafe(model.meta.title)}.pdf` };
}
