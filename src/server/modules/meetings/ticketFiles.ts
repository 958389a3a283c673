import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { institutions, meetings, registrations } from '../../db/schema/index';
import { shortInstitutionName } from './invitations';
import { ticketUrl } from './mailing';
import { meetingIcs, ticketPdf, ticketQrPng } from './tickets';
import { hashToken } from './tokens';

export const unknownTicketMessage = 'Tiket tidak dikenal atau sudah dibatalkan. Periksa kembali tautan pada e-mail konfirmasi Anda.';

/**
 * The registration a ticket token opens (the token is the credential: only its sha256 is stored), with its meeting
 * and institution name. Unknown, forged or cancelled: 404, saying nothing about anyone else. `lock` locks the
 * registration row (for a write made through the ticket, such as the survey answer).
 */
export async function registrationOfTicket(db: Ctx['db'], token: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ r: registrations, m: meetings, institutionName: institutions.name })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(and(eq(registrations.ticketTokenHash, hashToken(token)), isNull(registrations.cancelledAt)));
  const [row] = opts.lock ? await q.for('update', { of: registrations }) : await q;
  if (!row) throw new NotFoundError(unknownTicketMessage);
  return row;
}

/** The files of one ticket, opened by its token (the link in the confirmation e-mail): QR PNG, PDF, calendar. */
export async function ticketFile(
  ctx: Ctx,
  token: string,
  file: 'qr.png' | 'ticket.pdf' | 'calendar.ics',
): Promise<{ mime: string; name: string; body: Buffer }> {
  const row = await registrationOfTicket(ctx.db, token);
  if (file === 'qr.png') return { mime: 'image/png', name: 'tiket-qr.png', body: await ticketQrPng(token) };
  if (file === 'calendar.ics')
    return {
      mime: 'text/calendar; charset=utf-8',
      name: 'rapat.ics',
      body: Buffer.from(meetingIcs(row.m, { uid: `${row.r.id}@simpul`, url: ticketUrl(ctx, token, 'ticket.pdf') })),
    };
  const body = await ticketPdf({
    token,
    name: row.r.name,
    position: row.r.position,
    institution: row.institutionName ? shortInstitutionName(row.institutionName) : null,
    meeting: row.m,
  });
  return { mime: 'application/pdf', name: 'tiket.pdf', body };
}
