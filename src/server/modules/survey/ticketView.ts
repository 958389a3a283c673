import { and, asc, eq, isNull } from 'drizzle-orm';
import { clockId, formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import type { SurveyState, TicketView } from '../../../shared/schemas/survey';
import type { Ctx } from '../../core/context';
import { agendaSessions, certificates, checkIns, surveyResponses } from '../../db/schema/index';
import { registrationOfTicket } from '../meetings/ticketFiles';

type Db = Ctx['db'];

export async function hasCheckedIn(db: Db, registrationId: string): Promise<boolean> {
  const [c] = await db.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.registrationId, registrationId)).limit(1);
  return !!c;
}

/** Where the survey stands: open to a participant who checked in, once the meeting runs or is done. */
export function surveyStateOf(o: { meetingStatus: string; checkedIn: boolean; answered: boolean }): SurveyState {
  if (o.answered) return 'answered';
  if (o.meetingStatus === 'cancelled') return 'closed';
  if (o.meetingStatus !== 'running' && o.meetingStatus !== 'done') return 'not_started';
  return o.checkedIn ? 'open' : 'not_checked_in';
}

export async function meetingSessions(db: Db, meetingId: string) {
  const rows = await db
    .select()
    .from(agendaSessions)
    .where(eq(agendaSessions.meetingId, meetingId))
    .orderBy(asc(agendaSessions.day), asc(agendaSessions.position), asc(agendaSessions.startTime));
  return rows.map((s) => ({ id: s.id, day: s.day, time: `${clockId(s.startTime)}–${clockId(s.endTime)}`, title: s.title }));
}

/** The participant's ticket page: their own registration, the meeting, the ticket files and the survey's state. */
export async function viewTicket(ctx: Ctx, token: string): Promise<TicketView> {
  const { r, m, institutionName } = await registrationOfTicket(ctx.db, token);
  const [checkedIn, sessions, [response], [certificate]] = await Promise.all([
    hasCheckedIn(ctx.db, r.id),
    meetingSessions(ctx.db, m.id),
    ctx.db
      .select({ createdAt: surveyResponses.createdAt })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.meetingId, m.id), eq(surveyResponses.registrationId, r.id))),
    ctx.db
      .select({ id: certificates.id })
      .from(certificates)
      .where(and(eq(certificates.registrationId, r.id), isNull(certificates.revokedAt)))
      .limit(1),
  ]);
  const base = `/api/tickets/${encodeURIComponent(token)}`;
  return {
    name: r.name,
    position: r.position,
    institution: institutionName,
    meeting: {
      title: m.title,
      status: m.status,
      dateText: formatMeetingDate(m.startDate, m.endDate),
      timeText: formatMeetingTime(m.startTime, m.endTime),
      venue: m.venue,
      venueAddress: m.venueAddress,
      sessions,
    },
    checkedIn,
    qrUrl: `${base}/qr.png`,
    ticketPdfUrl: `${base}/ticket.pdf`,
    calendarUrl: `${base}/calendar.ics`,
    certificateUrl: certificate ? `${base}/certificate.pdf` : null,
    survey: {
      state: surveyStateOf({ meetingStatus: m.status, checkedIn, answered: !!response }),
      answeredAt: response ? response.createdAt.toISOString() : null,
    },
  };
}
