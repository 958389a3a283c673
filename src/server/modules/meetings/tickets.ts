import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';

export type TicketInfo = {
  token: string;
  name: string;
  position: string | null;
  institution: string | null;
  meeting: {
    id: string;
    title: string;
    startDate: string;
    endDate: string;
    startTime: string;
    endTime: string;
    venue: string;
    venueAddress: string | null;
  };
};

/** The QR of a ticket: it encodes only the ticket token (no id, nothing guessable). */
export function ticketQrPng(token: string, width = 320): Promise<Buffer> {
  return QRCode.toBuffer(token, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
}

/** A one-page A6 ticket: meeting, day, time, place, delegate and the QR. */
export async function ticketPdf(t: TicketInfo): Promise<Buffer> {
  const png = await ticketQrPng(t.token, 480);
  const doc = new PDFDocument({ size: 'A6', margin: 24, info: { Title: `Tiket ${t.meeting.title}`, Author: 'Simpul' }, lang: 'id-ID' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = doc.page.width - 48;
  doc.font('Helvetica-Bold').fontSize(9).text('TIKET RAPAT', { width: w, align: 'center' });
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).text(t.meeting.title, { width: w, align: 'center' });
  doc.moveDown(0.3).font('Helvetica').fontSize(8.5);
  doc.text(formatMeetingDate(t.meeting.startDate, t.meeting.endDate), { width: w, align: 'center' });
  doc.text(formatMeetingTime(t.meeting.startTime, t.meeting.endTime), { width: w, align: 'center' });
  doc.text(t.meeting.venue, { width: w, align: 'center' });
  const size = 150;
  doc.image(png, (doc.page.width - size) / 2, doc.y + 6, { width: size, height: size });
  doc.y += size + 12;
  doc.font('Helvetica-Bold').fontSize(11).text(t.name, 24, doc.y, { width: w, align: 'center' });
  doc.font('Helvetica').fontSize(8.5);
  if (t.position) doc.text(t.position, { width: w, align: 'center' });
  if (t.institution) doc.text(t.institution, { width: w, align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(7)
    .fillColor('#555')
    .text('Tunjukkan kode QR ini kepada panitia saat registrasi.', { width: w, align: 'center' });
  doc.end();
  return done;
}

const icsEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** RFC 5545 line folding: lines longer than 75 octets continue on the next line after a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A calendar file for the meeting (times in WIB, written in UTC). */
export function meetingIcs(m: TicketInfo['meeting'], opts: { uid: string; organizer?: string; url?: string }): string {
  const start = new Date(`${m.startDate}T${m.startTime}:00+07:00`);
  const end = new Date(`${m.endDate}T${m.endTime}:00+07:00`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Simpul//Rapat Koordinasi//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${opts.uid}`,
    `DTSTAMP:${utcStamp(new Date())}`,
    `DTSTART:${utcStamp(start)}`,
    `DTEND:${utcStamp(end)}`,
    `SUMMARY:${icsEscape(m.title)}`,
    `LOCATION:${icsEscape([m.venue, m.venueAddress].filter(Boolean).join(', '))}`,
    `DESCRIPTION:${icsEscape(`${formatMeetingDate(m.startDate, m.endDate)}, ${formatMeetingTime(m.startTime, m.endTime)}. Bawa tiket QR Anda.`)}`,
    ...(opts.url ? [`URL:${opts.url}`] : []),
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
