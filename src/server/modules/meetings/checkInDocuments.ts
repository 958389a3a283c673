import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Ctx } from '../../core/context';
import { committeeMembers } from '../../db/schema/activities';
import { institutions } from '../../db/schema/directory';
import { registrations } from '../../db/schema/meetings';
import { mmToPt } from '../../documents/layout';
import type { Block, DocumentModel } from '../../documents/model';
import { letterheadFrom } from '../../documents/letterhead';
import { renderPdf } from '../../documents/renderPdf';
import { institutionCategories, type InstitutionCategory } from '../../../shared/categories';
import { formatDateId } from '../../../shared/dates';
import { badgePrefix } from '../../../shared/schemas/checkIn';
import { loadDocumentSettings } from '../settings/organisationSettings';
import { arrivalsOf, attendanceDay, categoryLabel } from './checkInAttendance';
import { clockWib, loadCheckInMeeting, type MeetingRow } from './checkInMeeting';

const dayNames = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
/** "Selasa, 12 Maret 2019". */
export function dayAndDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${dayNames[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()]}, ${formatDateId(iso)}`;
}

type Line = { no: number; name: string; position: string | null; institution: string | null; time: string };
type Group = { label: string; lines: Line[] };

/**
 * The rows of a daftar hadir: every registered delegate (and walk-in) of the meeting, grouped by institution
 * category in the directory's order, institutions and names alphabetically, with the time they arrived that
 * day (blank when they did not check in: they may still sign on paper).
 */
async function attendanceRows(ctx: Ctx, meeting: MeetingRow, day: string): Promise<Group[]> {
  const people = await ctx.db
    .select({
      id: registrations.id,
      name: registrations.name,
      position: registrations.position,
      institution: institutions.name,
      category: institutions.category,
    })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(and(eq(registrations.meetingId, meeting.id), isNull(registrations.cancelledAt)))
    .orderBy(asc(institutions.name), asc(registrations.name));
  const arrived = new Map((await arrivalsOf(ctx, meeting.id, day)).map((a) => [a.registrationId, a.checkedInAt]));
  const order = (c: string | null) => (c ? institutionCategories.indexOf(c as InstitutionCategory) : 99);
  const byCat = new Map<string, typeof people>();
  for (const p of [...people].sort((a, b) => order(a.category) - order(b.category))) {
    const key = p.category ?? '';
    byCat.set(key, [...(byCat.get(key) ?? []), p]);
  }
  let no = 0;
  return [...byCat.entries()].map(([c, list]) => ({
    label: categoryLabel(c || null),
    lines: list.map((p) => {
      const at = arrived.get(p.id);
      return { no: ++no, name: p.name, position: p.position, institution: p.institution, time: at ? `${clockWib(at)} WIB` : '' };
    }),
  }));
}

/** Who signs the daftar hadir: the committee's secretary, else its chair, of the meeting's activity. */
async function committeeSigner(ctx: Ctx, meeting: MeetingRow) {
  const members = await ctx.db
    .select()
    .from(committeeMembers)
    .where(and(eq(committeeMembers.activityId, meeting.activityId), inArray(committeeMembers.role, ['sekretaris', 'ketua'])));
  const m = members.find((x) => x.role === 'sekretaris') ?? members.find((x) => x.role === 'ketua');
  return {
    position: m?.role === 'ketua' ? 'Ketua Panitia' : 'Sekretaris Panitia',
    name: m?.name ?? '(..............................)',
    nip: m?.nip ? `NIP. ${m.nip}` : 'NIP.',
  };
}

const fileDate = (day: string) => day.replaceAll('-', '');

async function attendanceData(ctx: Ctx, meetingId: string, query: { day?: string }) {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  const day = attendanceDay(meeting, query.day);
  return { meeting, day, groups: await attendanceRows(ctx, meeting, day), signer: await committeeSigner(ctx, meeting) };
}

/** Daftar hadir as a document model: heading, one table per category with an empty box to sign, the committee's signature. */
export function attendanceListModel(
  input: Awaited<ReturnType<typeof attendanceData>>,
  letterhead: DocumentModel['letterhead'],
): DocumentModel {
  const { meeting, day, groups, signer } = input;
  const blocks: Block[] = [
    { kind: 'title', lines: ['DAFTAR HADIR', meeting.title.toUpperCase()] },
    {
      kind: 'table',
      columns: [
        { width: 0.28, align: 'left' },
        { width: 0.72, align: 'left' },
      ],
      header: ['Hari, tanggal', dayAndDate(day)],
      rows: [
        ['Waktu', `${meeting.startTime.replace(':', '.')} - ${meeting.endTime.replace(':', '.')} WIB`],
        ['Tempat', [meeting.venue, meeting.venueAddress].filter(Boolean).join(', ')],
      ],
      fontSize: 10,
    },
  ];
  const columns = [
    { width: 0.07, align: 'center' as const },
    { width: 0.25, align: 'left' as const },
    { width: 0.33, align: 'left' as const },
    { width: 0.13, align: 'center' as const },
    { width: 0.22, align: 'left' as const },
  ];
  for (const g of groups) {
    blocks.push({ kind: 'subheading', text: g.label });
    blocks.push({
      kind: 'table',
      columns,
      header: ['No.', 'Nama', 'Jabatan / Instansi', 'Waktu hadir', 'Tanda tangan'],
      rows: g.lines.map((l) => [`${l.no}.`, l.name, [l.position, l.institution].filter(Boolean).join(' / '), l.time, `${l.no}.`]),
      fontSize: 9,
      minRowHeightPt: 30,
    });
  }
  if (!groups.length) blocks.push({ kind: 'paragraph', runs: [{ text: 'Belum ada peserta terdaftar.' }] });
  blocks.push({
    kind: 'signature',
    placeDate: `${meeting.letterPlace ?? 'Padang'}, ${formatDateId(day)}`,
    position: signer.position,
    name: signer.name,
    nip: signer.nip,
  });
  return {
    meta: { title: `Daftar Hadir ${meeting.title}`, subject: `Daftar hadir ${dayAndDate(day)}`, author: 'Simpul' },
    letterhead,
    blocks,
  };
}

export async function attendanceListPdf(ctx: Ctx, meetingId: string, query: { day?: string }) {
  const data = await attendanceData(ctx, meetingId, query);
  const settings = await loadDocumentSettings(ctx.db);
  const bytes = await renderPdf(attendanceListModel(data, letterheadFrom(settings)));
  return { bytes, name: `daftar-hadir-${fileDate(data.day)}.pdf` };
}

export async function attendanceListXlsx(ctx: Ctx, meetingId: string, query: { day?: string }) {
  const { meeting, day, groups, signer } = await attendanceData(ctx, meetingId, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Simpul';
  const ws = wb.addWorksheet('Daftar Hadir', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 42 }, { width: 14 }, { width: 24 }];
  const title = (text: string, size = 12) => {
    const r = ws.addRow([text]);
    ws.mergeCells(r.number, 1, r.number, 5);
    r.getCell(1).font = { bold: true, size };
    r.getCell(1).alignment = { horizontal: 'center' };
  };
  title('DAFTAR HADIR', 14);
  title(meeting.title);
  ws.addRow([]);
  ws.addRow(['', 'Hari, tanggal', dayAndDate(day)]);
  ws.addRow(['', 'Waktu', `${meeting.startTime.replace(':', '.')} - ${meeting.endTime.replace(':', '.')} WIB`]);
  ws.addRow(['', 'Tempat', [meeting.venue, meeting.venueAddress].filter(Boolean).join(', ')]);
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  for (const g of groups) {
    ws.addRow([]);
    const h = ws.addRow([g.label]);
    h.getCell(1).font = { bold: true };
    const head = ws.addRow(['No.', 'Nama', 'Jabatan / Instansi', 'Waktu hadir', 'Tanda tangan']);
    head.eachCell((c) => {
      c.font = { bold: true };
      c.border = border;
      c.alignment = { horizontal: 'center', vertical: 'middle' };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    });
    for (const l of g.lines) {
      const r = ws.addRow([l.no, l.name, [l.position, l.institution].filter(Boolean).join(' / '), l.time, '']);
      r.height = 30;
      r.eachCell({ includeEmpty: true }, (c) => {
        c.border = border;
        c.alignment = { vertical: 'middle', wrapText: true };
      });
    }
  }
  ws.addRow([]);
  for (const text of [`${meeting.letterPlace ?? 'Padang'}, ${formatDateId(day)}`, signer.position, '', '', signer.name, signer.nip])
    ws.addRow(['', '', '', text]);
  ws.views = [{ state: 'normal' }];
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, name: `daftar-hadir-${fileDate(day)}.xlsx` };
}

/**
 * Name tags: A4 sheets of 8 (2 x 4 cards of 105 x 74 mm, cut lines between them), each with the name,
 * position, institution and a QR naming the registration (`simpul:badge:<id>`; scanned at the desk it finds
 * the person, like a search by name: it is not a credential, only the meeting's managers check people in).
 */
export async function nameTagsPdf(ctx: Ctx, meetingId: string) {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  const people = await ctx.db
    .select({ id: registrations.id, name: registrations.name, position: registrations.position, institution: institutions.name })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(and(eq(registrations.meetingId, meeting.id), isNull(registrations.cancelledAt)))
    .orderBy(asc(institutions.name), asc(registrations.name));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: `Tanda Nama ${meeting.title}`, Author: 'Simpul', Creator: 'Simpul' },
    lang: 'id-ID',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cardW = mmToPt(105);
  const cardH = mmToPt(297 / 4);
  const pad = mmToPt(6);
  const qrSize = mmToPt(30);
  if (!people.length) {
    doc.addPage();
    doc.font('Helvetica').fontSize(12).text('Belum ada peserta terdaftar.', mmToPt(20), mmToPt(20));
  }
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    if (i % 8 === 0) {
      doc.addPage();
      doc.save().lineWidth(0.3).dash(3, { space: 3 }).strokeColor('#999999');
      doc
        .moveTo(cardW, 0)
        .lineTo(cardW, cardH * 4)
        .stroke();
      for (let r = 1; r < 4; r++)
        doc
          .moveTo(0, cardH * r)
          .lineTo(cardW * 2, cardH * r)
          .stroke();
      doc.undash().restore();
    }
    const x = (i % 2) * cardW;
    const y = Math.floor((i % 8) / 2) * cardH;
    const textW = cardW - 2 * pad - qrSize - mmToPt(3);
    doc
      .fillColor('#555555')
      .font('Helvetica')
      .fontSize(7)
      .text(meeting.title, x + pad, y + pad, { width: cardW - 2 * pad, height: mmToPt(8), ellipsis: true });
    doc
      .fillColor('black')
      .font('Helvetica-Bold')
      .fontSize(p.name.length > 28 ? 13 : 16)
      .text(p.name, x + pad, y + pad + mmToPt(10), { width: textW, height: mmToPt(22), ellipsis: true });
    let ty = doc.y + mmToPt(2);
    if (p.position) {
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(p.position, x + pad, ty, { width: textW, height: mmToPt(10), ellipsis: true });
      ty = doc.y + mmToPt(1);
    }
    if (p.institution)
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(p.institution, x + pad, ty, { width: textW, height: mmToPt(14), ellipsis: true });
    const png = await QRCode.toBuffer(`${badgePrefix}${p.id}`, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    doc.image(png, x + cardW - pad - qrSize, y + cardH / 2 - qrSize / 2 + mmToPt(3), { width: qrSize, height: qrSize });
  }
  doc.end();
  return { bytes: await done, name: 'tanda-nama.pdf' };
}
