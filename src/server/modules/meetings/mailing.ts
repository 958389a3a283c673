import type { Ctx } from '../../core/context';
import type { MailAttachment } from '../../core/mail';
import { formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import { formatInstantId } from '../../../shared/dates';

/**
 * The meeting module's e-mails. The letter, ticket and calendar files travel as attachments (stored with the mail
 * log row until sent); every mail also carries links to the same files, for readers whose mail drops them.
 */
export type Attachment = MailAttachment;

export const attachment = (filename: string, contentType: string, bytes: Buffer | string, cid?: string): Attachment => ({
  filename,
  contentType,
  content: Buffer.from(bytes).toString('base64'),
  encoding: 'base64',
  ...(cid ? { cid } : {}),
});

type MeetingText = {
  title: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  venue: string;
  venueAddress: string | null;
};

export const rsvpUrl = (ctx: Pick<Ctx, 'config'>, token: string) => `${ctx.config.publicUrl}/app/rsvp/${token}`;
export const ticketUrl = (ctx: Pick<Ctx, 'config'>, token: string, file: 'qr.png' | 'ticket.pdf' | 'calendar.ics') =>
  `${ctx.config.publicUrl}/api/tickets/${token}/${file}`;
/** The participant's ticket page (QR, agenda, certificate and the feedback survey after the meeting). */
export const ticketPageUrl = (ctx: Pick<Ctx, 'config'>, token: string) => `${ctx.config.publicUrl}/app/tiket/${token}`;

function whenWhere(m: MeetingText): string {
  return [
    `Hari/tanggal : ${formatMeetingDate(m.startDate, m.endDate)}`,
    `Waktu        : ${formatMeetingTime(m.startTime, m.endTime)}`,
    `Tempat       : ${[m.venue, m.venueAddress].filter(Boolean).join(', ')}`,
  ].join('\n');
}

/** The short invitation text of the e-mail and the WhatsApp message. */
export function invitationText(
  m: MeetingText,
  o: { addressee: string; institutionName: string; link: string; deadline: Date | null; reminder?: boolean },
): string {
  return [
    `Yth. ${o.addressee}`,
    '',
    o.reminder
      ? `Mengingatkan undangan kami untuk menghadiri ${m.title}. Kami belum menerima jawaban dari ${o.institutionName}.`
      : `Dengan hormat, kami mengundang ${o.institutionName} untuk menghadiri ${m.title}:`,
    '',
    whenWhere(m),
    '',
    `Mohon konfirmasi kehadiran dan nama peserta melalui tautan berikut${o.deadline ? ` paling lambat ${formatInstantId(o.deadline, { time: true })}` : ''}:`,
    o.link,
    '',
    'Tautan ini khusus untuk instansi Anda; jangan dibagikan di luar instansi.',
  ].join('\n');
}

/** wa.me link with the text (the number in international form without '+', or none: the sender picks a chat). */
export function whatsappUrl(phoneE164: string | null, text: string): string {
  const number = phoneE164 ? phoneE164.replace(/^\+/, '') : '';
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}

export function ticketMailText(
  m: MeetingText,
  o: { name: string; institution: string | null; token: string; ctx: Pick<Ctx, 'config'> },
): { text: string; html: string } {
  const lines = [
    `Yth. ${o.name}${o.institution ? ` (${o.institution})` : ''},`,
    '',
    `Pendaftaran Anda untuk ${m.title} telah kami terima.`,
    '',
    whenWhere(m),
    '',
    'Tunjukkan kode QR tiket Anda kepada panitia saat registrasi. Halaman tiket Anda (acara, sertifikat, survei):',
    ticketPageUrl(o.ctx, o.token),
    '',
    'Tiket juga tersedia di:',
    `Tiket (PDF): ${ticketUrl(o.ctx, o.token, 'ticket.pdf')}`,
    `Kode QR (PNG): ${ticketUrl(o.ctx, o.token, 'qr.png')}`,
    `Kalender (ICS): ${ticketUrl(o.ctx, o.token, 'calendar.ics')}`,
  ];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = `<p>${esc(lines[0]!)}</p><p>${esc(lines[2]!)}</p><pre style="font-family:inherit">${esc(whenWhere(m))}</pre><p>Tunjukkan kode QR berikut kepada panitia saat registrasi:</p><p><img src="cid:tiket-qr" alt="Kode QR tiket" width="240" height="240"></p><p><a href="${ticketPageUrl(o.ctx, o.token)}">Buka halaman tiket Anda</a> (acara, sertifikat, survei)</p><p><a href="${ticketUrl(o.ctx, o.token, 'ticket.pdf')}">Tiket (PDF)</a> · <a href="${ticketUrl(o.ctx, o.token, 'calendar.ics')}">Tambahkan ke kalender</a></p>`;
  return { text: lines.join('\n'), html };
}
