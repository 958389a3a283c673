import type { Ctx } from '../../core/context';
import { letterheadFrom } from '../../documents/letterhead';
import type { Block, DocumentModel, Run } from '../../documents/model';
import { renderDocx } from '../../documents/renderDocx';
import { renderPdf } from '../../documents/renderPdf';
import { formatDateId } from '../../../shared/dates';
import { clockId, formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import { mimeTypes } from '../../../shared/schemas/common';
import type { Minutes } from '../../../shared/schemas/minutes';
import { fileSafe } from '../meetings/letters';
import { loadDocumentSettings } from '../settings/organisationSettings';
import { loadMinutesMeeting, minutesOf } from './minutesData';
import { richTextBlocks } from './richTextBlocks';

const dots = '....................................';
const p = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({
  kind: 'paragraph',
  runs: [{ text }],
  ...extra,
});
const field = (label: string, value: string): Block => ({
  kind: 'paragraph',
  runs: [{ text: `${label}`, bold: true }, { text: `: ${value}` }],
});
const heading = (label: string, title: string): Block => ({ kind: 'section', label, title });
const empty: Run[] = [{ text: '(tidak ada catatan)', italic: true }];
const textBlocks = (html: string): Block[] => {
  const blocks = richTextBlocks(html);
  return blocks.length ? blocks : [{ kind: 'paragraph', runs: empty }];
};

/**
 * "NOTULEN RAPAT" as an Indonesian office writes it: letterhead, heading, day/date (WIB), time, place, chair,
 * note-taker, who attended (by institution category), the agenda, the discussion of each session, the closing,
 * and the chair's and note-taker's signatures side by side.
 */
export function minutesModel(mt: Minutes, letterhead: DocumentModel['letterhead']): DocumentModel {
  const m = mt.meeting;
  const a = mt.attendance;
  const blocks: Block[] = [
    { kind: 'title', lines: ['NOTULEN RAPAT', m.title.toUpperCase()] },
    field('Hari/tanggal', formatMeetingDate(m.startDate, m.endDate)),
    field('Waktu', formatMeetingTime(m.startTime, m.endTime)),
    field('Tempat', [m.venue, m.venueAddress].filter(Boolean).join(', ')),
    field('Pimpinan rapat', [mt.chairName ?? dots, mt.chairPosition].filter(Boolean).join(', ')),
    field('Notulis', [mt.noteTakerName ?? dots, mt.noteTakerPosition].filter(Boolean).join(', ')),
    field('Peserta', a.total ? `${a.total} orang hadir (daftar terlampir)` : 'belum ada peserta yang tercatat hadir'),
  ];
  if (a.byCategory.length)
    blocks.push({
      kind: 'table',
      fontSize: 10,
      columns: [
        { width: 0.1, align: 'center' },
        { width: 0.65, align: 'left' },
        { width: 0.25, align: 'center' },
      ],
      header: ['No.', 'Kategori instansi', 'Jumlah hadir'],
      rows: [...a.byCategory.map((c, i) => [`${i + 1}.`, c.label, String(c.count)]), ['', 'Jumlah', String(a.total)]],
    });
  blocks.push(heading('A.', 'ACARA'));
  blocks.push(
    mt.sessions.length
      ? {
          kind: 'list',
          items: mt.sessions.map((s, i) => ({
            label: `${i + 1}.`,
            runs: [
              { text: s.title },
              {
                text: ` (${s.day && s.day !== m.startDate ? `${formatDateId(s.day)}, ` : ''}${clockId(s.startTime)}–${clockId(s.endTime)} WIB)`,
              },
            ],
          })),
        }
      : p(m.title),
  );
  blocks.push(heading('B.', 'PEMBUKAAN'), ...textBlocks(mt.openingHtml));
  blocks.push(heading('C.', 'PEMBAHASAN'));
  if (!mt.sessions.length) blocks.push({ kind: 'paragraph', runs: empty });
  mt.sessions.forEach((s, i) => {
    blocks.push({ kind: 'subheading', text: `${i + 1}. ${s.title}` });
    if (s.moderator) blocks.push({ kind: 'paragraph', runs: [{ text: `Moderator: ${s.moderator}`, italic: true }] });
    blocks.push(...textBlocks(s.bodyHtml));
  });
  blocks.push(heading('D.', 'PENUTUP'), ...textBlocks(mt.closingHtml));
  blocks.push({
    kind: 'signatures',
    signers: [
      { role: 'Pimpinan Rapat,', name: mt.chairName ?? `(${dots})`, position: mt.chairPosition ?? '' },
      { role: 'Notulis,', name: mt.noteTakerName ?? `(${dots})`, position: mt.noteTakerPosition ?? '' },
    ],
  });
  if (a.attendees.length)
    blocks.push(
      p(''),
      { kind: 'title', lines: ['LAMPIRAN', 'DAFTAR PESERTA YANG HADIR'] },
      {
        kind: 'table',
        fontSize: 10,
        columns: [
          { width: 0.08, align: 'center' },
          { width: 0.32, align: 'left' },
          { width: 0.25, align: 'left' },
          { width: 0.35, align: 'left' },
        ],
        header: ['No.', 'Nama', 'Jabatan', 'Instansi'],
        rows: a.attendees.map((x, i) => [`${i + 1}.`, x.name, x.position ?? '-', x.institution ?? '-']),
      },
    );
  const title = `Notulen ${m.title}`;
  return { meta: { title, subject: title, author: 'Simpul' }, letterhead, blocks };
}

/** The minutes as DOCX or PDF, for whoever may read them. */
export async function minutesFile(ctx: Ctx, meetingId: string, format: 'docx' | 'pdf') {
  const mt = await minutesOf(ctx, await loadMinutesMeeting(ctx, meetingId, 'minutes.read'));
  const model = minutesModel(mt, letterheadFrom(await loadDocumentSettings(ctx.db)));
  const bytes = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return { bytes, mime: mimeTypes[format], name: `${fileSafe(model.meta.title)}.${format}` };
}
