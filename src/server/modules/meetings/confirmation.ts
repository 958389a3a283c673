import type { Ctx } from '../../core/context';
import type { meetings, registrations } from '../../db/schema/index';
import { shortInstitutionName } from './invitations';
import { enqueueMail } from '../../core/mailOutbox';
import { attachment, ticketMailText, ticketUrl } from './mailing';
import { meetingIcs, ticketPdf, ticketQrPng } from './tickets';
import { printableTicket } from './tokens';

/**
 * The confirmation e-mail of one delegate (queued in the transaction that registers them): the QR ticket inline
 * (PNG) and as PDF, and the meeting as an .ics calendar file; the same files are linked from the text.
 */
export async function queueDelegateConfirmation(
  tx: Ctx,
  r: typeof registrations.$inferSelect,
  m: typeof meetings.$inferSelect,
  institutionName: string | null,
): Promise<void> {
  if (!r.email) return;
  const token = await printableTicket(tx.db, r);
  const institution = institutionName ? shortInstitutionName(institutionName) : null;
  const info = { token, name: r.name, position: r.position, institution, meeting: m };
  const { text, html } = ticketMailText(m, { name: r.name, institution, token, ctx: tx });
  const [png, pdf] = await Promise.all([ticketQrPng(token), ticketPdf(info)]);
  const ics = meetingIcs(m, { uid: `${r.id}@simpul`, url: ticketUrl(tx, token, 'ticket.pdf') });
  await enqueueMail(tx, {
    to: r.email,
    subject: `Tiket: ${m.title}`,
    text,
    html,
    related: { type: 'registration', id: r.id },
    attachments: [
      attachment('tiket-qr.png', 'image/png', png, 'tiket-qr'),
      attachment('tiket.pdf', 'application/pdf', pdf),
      attachment('rapat.ics', 'text/calendar', ics),
    ],
  });
}
