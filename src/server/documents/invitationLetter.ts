import { formatDateId } from '../../shared/dates';
import { formatMeetingDate, formatMeetingTime } from '../../shared/meetingDates';
import { letterheadFrom, type DocumentSettings } from './letterhead';
import type { Block, DocumentModel } from './model';
import { formatNip } from './nip';

/**
 * An official invitation letter (tata naskah dinas, Permendagri 1/2023) as a content model: the renderers print it
 * as DOCX and PDF with the letterhead. The agenda (susunan acara) is its attachment (Lampiran).
 */
export type InvitationLetter = {
  number: string | null;
  place: string | null;
  /** YYYY-MM-DD; null prints a blank date to fill in by hand. */
  date: string | null;
  nature: string;
  subject: string;
  addressee: string;
  institutionName: string;
  meeting: {
    title: string;
    startDate: string;
    endDate: string;
    startTime: string;
    endTime: string;
    venue: string;
    venueAddress: string | null;
  };
  agenda: { time: string; title: string; speakers: string }[];
  signer: { name: string; position: string; rank?: string | null; nip?: string | null } | null;
  copies: string[];
  fiscalYear: number;
};

const p = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({
  kind: 'paragraph',
  runs: [{ text }],
  ...extra,
});

export function invitationLetterContent(l: InvitationLetter, settings: DocumentSettings): DocumentModel {
  const placeDate = `${l.place?.trim() || 'Padang'}, ${l.date ? formatDateId(l.date) : `.................... ${l.fiscalYear}`}`;
  const hasAgenda = l.agenda.length > 0;
  const blocks: Block[] = [
    p(placeDate),
    p(''),
    p(`Nomor     : ${l.number ?? '....................'}`),
    p(`Sifat       : ${l.nature}`),
    p(`Lampiran  : ${hasAgenda ? '1 (satu) berkas' : '-'}`),
    p(`Hal          : ${l.subject}`),
    p(''),
    p('Kepada'),
    { kind: 'paragraph', runs: [{ text: `Yth. ${l.addressee}`, bold: true }] },
    p(`di ${l.institutionName}`),
    p(''),
    p(
      `Dengan hormat, dalam rangka pelaksanaan ${l.meeting.title}, bersama ini kami mengundang Bapak/Ibu atau pejabat yang membidangi kehumasan untuk hadir pada:`,
      { indent: true },
    ),
    {
      kind: 'list',
      items: [
        { label: 'Hari/tanggal', runs: [{ text: `: ${formatMeetingDate(l.meeting.startDate, l.meeting.endDate)}` }] },
        { label: 'Waktu', runs: [{ text: `: ${formatMeetingTime(l.meeting.startTime, l.meeting.endTime)}` }] },
        { label: 'Tempat', runs: [{ text: `: ${[l.meeting.venue, l.meeting.venueAddress].filter(Boolean).join(', ')}` }] },
        { label: 'Acara', runs: [{ text: `: ${hasAgenda ? 'sebagaimana terlampir' : l.meeting.title}` }] },
      ],
    },
    p('Konfirmasi kehadiran dan nama peserta mohon disampaikan melalui tautan yang dikirimkan bersama surat ini.', { indent: true }),
    p('Demikian disampaikan, atas perhatian dan kehadiran Bapak/Ibu diucapkan terima kasih.', { indent: true }),
    {
      kind: 'signature',
      placeDate: '',
      position: l.signer?.position ?? '....................................',
      name: l.signer?.name ?? '(....................................)',
      nip: [l.signer?.rank, `NIP. ${l.signer?.nip ? formatNip(l.signer.nip) : '....................................'}`]
        .filter(Boolean)
        .join(' / '),
    },
  ];
  if (l.copies.length) {
    blocks.push(p(''), p('Tembusan:', { keepWithNext: true }), {
      kind: 'list',
      items: l.copies.map((c, i) => ({ label: `${i + 1}.`, runs: [{ text: c }] })),
    });
  }
  if (hasAgenda) {
    blocks.push(
      p(''),
      p(`Lampiran Surat Nomor ${l.number ?? '....................'}`, { keepWithNext: true }),
      { kind: 'title', lines: ['SUSUNAN ACARA', l.meeting.title.toUpperCase()] },
      {
        kind: 'table',
        fontSize: 10,
        columns: [
          { width: 0.08, align: 'center' },
          { width: 0.2, align: 'center' },
          { width: 0.42, align: 'left' },
          { width: 0.3, align: 'left' },
        ],
        header: ['No.', 'Waktu', 'Acara', 'Narasumber'],
        rows: l.agenda.map((a, i) => [`${i + 1}.`, a.time, a.title, a.speakers || '-']),
      },
    );
  }
  return {
    meta: { title: `Undangan ${l.meeting.title} — ${l.institutionName}`, subject: l.subject, author: settings.unitNameLines.join(' ') },
    letterhead: letterheadFrom(settings),
    blocks,
  };
}
