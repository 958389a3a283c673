import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { users } from '../../db/schema/auth';
import { institutions } from '../../db/schema/directory';
import { checkIns, registrations } from '../../db/schema/meetings';
import { escapeLike, searchTerms } from '../../../shared/text';
import type { CheckInRecord, ParticipantList } from '../../../shared/schemas/checkIn';
import { loadCheckInMeeting, meetingDayOf, presentCheckInMeeting } from './checkInMeeting';

const toRecord = (r: { row: typeof checkIns.$inferSelect; byName: string | null }): CheckInRecord => ({
  id: r.row.id,
  registrationId: r.row.registrationId,
  meetingDay: r.row.meetingDay,
  checkedInAt: r.row.checkedInAt.toISOString(),
  checkedOutAt: r.row.checkedOutAt?.toISOString() ?? null,
  byName: r.byName,
  deviceLabel: r.row.deviceLabel,
});

/**
 * What a check-in phone keeps on the device: the meeting, its registered (not cancelled) participants with
 * the hash of their ticket token (to recognise a scanned QR offline) and today's check-ins. Names, positions
 * and institutions only: no phone numbers, e-mail addresses or NIPs.
 */
export async function participantList(ctx: Ctx, meetingId: string): Promise<ParticipantList> {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  const day = meetingDayOf(meeting, new Date());
  const people = await ctx.db
    .select({
      id: registrations.id,
      name: registrations.name,
      position: registrations.position,
      institution: institutions.name,
      category: institutions.category,
      walkIn: registrations.walkIn,
      ticketHash: registrations.ticketTokenHash,
    })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(and(eq(registrations.meetingId, meeting.id), isNull(registrations.cancelledAt)))
    .orderBy(asc(registrations.name));
  const today = await ctx.db
    .select({ row: checkIns, byName: users.name })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.byUserId))
    .where(and(eq(checkIns.meetingId, meeting.id), eq(checkIns.meetingDay, day)));
  return {
    meeting: presentCheckInMeeting(meeting),
    day,
    participants: people,
    checkIns: today.map(toRecord),
    generatedAt: new Date().toISOString(),
  };
}

/** Search by name or institution (accent- and case-insensitive), with today's check-in of each person. */
export async function searchParticipants(ctx: Ctx, meetingId: string, query: { q: string; limit: number }) {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  const day = meetingDayOf(meeting, new Date());
  // Terms are normalised like the directory's search (accents stripped, lower case); names are compared lower-cased.
  const match = searchTerms(query.q, 5).map(
    (t) =>
      sql`lower(coalesce(${registrations.name}, '') || ' ' || coalesce(${institutions.name}, '') || ' ' || coalesce(${institutions.shortName}, '')) like ${`%${escapeLike(t)}%`}`,
  );
  const where = and(eq(registrations.meetingId, meeting.id), isNull(registrations.cancelledAt), ...match);
  const rows = await ctx.db
    .select({
      id: registrations.id,
      name: registrations.name,
      position: registrations.position,
      institution: institutions.name,
      category: institutions.category,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      checkIn: checkIns,
      byName: users.name,
    })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .leftJoin(checkIns, and(eq(checkIns.registrationId, registrations.id), eq(checkIns.meetingDay, day)))
    .leftJoin(users, eq(users.id, checkIns.byUserId))
    .where(where)
    .orderBy(asc(registrations.name))
    .limit(query.limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      institution: r.institution,
      category: r.category,
      checkIn: r.checkIn ? toRecord({ row: r.checkIn, byName: r.byName }) : null,
    })),
    total: rows[0]?.total ?? 0,
  };
}
