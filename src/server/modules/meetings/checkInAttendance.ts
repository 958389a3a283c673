import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { users } from '../../db/schema/auth';
import { institutions } from '../../db/schema/directory';
import { checkIns, meetingInvitations, registrations } from '../../db/schema/meetings';
import { categoryLabels, institutionCategories, type InstitutionCategory } from '../../../shared/categories';
import { jakartaDateParts } from '../../../shared/dates';
import type { Attendance } from '../../../shared/schemas/checkIn';
import { loadCheckInMeeting, meetingDayOf, presentCheckInMeeting, type MeetingRow } from './checkInMeeting';

const categoryOrder = (c: string) => {
  const i = institutionCategories.indexOf(c as InstitutionCategory);
  return i < 0 ? 99 : i;
};
export const categoryLabel = (c: string | null | undefined) => (c ? (categoryLabels[c as InstitutionCategory]?.id ?? c) : 'Lainnya');

/** One day's arrivals with who they are (the attendance board and the daftar hadir read the same rows). */
export async function arrivalsOf(ctx: Ctx, meetingId: string, day: string) {
  return ctx.db
    .select({
      checkInId: checkIns.id,
      registrationId: registrations.id,
      name: registrations.name,
      position: registrations.position,
      walkIn: registrations.walkIn,
      invitationId: registrations.invitationId,
      institutionId: registrations.institutionId,
      institution: institutions.name,
      category: institutions.category,
      checkedInAt: checkIns.checkedInAt,
      checkedOutAt: checkIns.checkedOutAt,
      byName: users.name,
      deviceLabel: checkIns.deviceLabel,
    })
    .from(checkIns)
    .innerJoin(registrations, eq(registrations.id, checkIns.registrationId))
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .leftJoin(users, eq(users.id, checkIns.byUserId))
    .where(and(eq(checkIns.meetingId, meetingId), eq(checkIns.meetingDay, day)))
    .orderBy(asc(checkIns.checkedInAt));
}

export function attendanceDay(meeting: MeetingRow, day: string | undefined): string {
  if (day && day >= meeting.startDate && day <= meeting.endDate) return day;
  return meetingDayOf(meeting, new Date());
}

/**
 * The live board: arrivals against invited institutions and registered delegates, by institution category,
 * the invited institutions nobody has arrived from yet, and arrivals per quarter hour.
 */
export async function attendance(ctx: Ctx, meetingId: string, query: { day?: string }): Promise<Attendance> {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  const day = attendanceDay(meeting, query.day);
  const invited = await ctx.db
    .select({ institutionId: institutions.id, name: institutions.name, category: institutions.category, state: meetingInvitations.state })
    .from(meetingInvitations)
    .innerJoin(institutions, eq(institutions.id, meetingInvitations.institutionId))
    .where(eq(meetingInvitations.meetingId, meeting.id))
    .orderBy(asc(institutions.name));
  const registered = await ctx.db
    .select({ institutionId: registrations.institutionId, category: institutions.category })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(and(eq(registrations.meetingId, meeting.id), isNull(registrations.cancelledAt)));
  const arrived = await arrivalsOf(ctx, meeting.id, day);

  const presentInstitutions = new Set(arrived.map((a) => a.institutionId).filter(Boolean));
  const registeredBy = new Map<string, number>();
  for (const r of registered) if (r.institutionId) registeredBy.set(r.institutionId, (registeredBy.get(r.institutionId) ?? 0) + 1);
  const invitedIds = new Set(invited.map((i) => i.institutionId));

  const cats = new Map<string, Attendance['byCategory'][number]>();
  const cat = (c: string | null) => {
    const key = c ?? 'other';
    if (!cats.has(key)) cats.set(key, { category: key, label: categoryLabel(c), invited: 0, present: 0, registered: 0, checkedIn: 0 });
    return cats.get(key)!;
  };
  for (const i of invited) {
    const c = cat(i.category);
    c.invited += 1;
    if (presentInstitutions.has(i.institutionId)) c.present += 1;
  }
  for (const r of registered) cat(r.category).registered += 1;
  for (const a of arrived) cat(a.category).checkedIn += 1;

  // Quarter-hour slots in WIB, from the first arrival to the last.
  const slots = new Map<string, number>();
  for (const a of arrived) {
    const p = jakartaDateParts(a.checkedInAt);
    const slot = `${String(p.hour).padStart(2, '0')}:${String(Math.floor(p.minute / 15) * 15).padStart(2, '0')}`;
    slots.set(slot, (slots.get(slot) ?? 0) + 1);
  }
  let cumulative = 0;
  const arrivals = [...slots.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([slot, count]) => {
      cumulative += count;
      return { slot, count, cumulative };
    });

  return {
    meeting: presentCheckInMeeting(meeting),
    day,
    totals: {
      invitedInstitutions: invited.length,
      presentInstitutions: invited.filter((i) => presentInstitutions.has(i.institutionId)).length,
      registered: registered.length,
      checkedIn: arrived.length,
      walkIns: arrived.filter((a) => a.walkIn || !a.institutionId || !invitedIds.has(a.institutionId)).length,
    },
    byCategory: [...cats.values()].sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category)),
    missing: invited
      .filter((i) => !presentInstitutions.has(i.institutionId) && i.state !== 'declined')
      .map((i) => ({
        institutionId: i.institutionId,
        name: i.name,
        category: i.category,
        registered: registeredBy.get(i.institutionId) ?? 0,
      })),
    arrivals,
    recent: arrived
      .slice(-8)
      .reverse()
      .map((a) => ({ name: a.name, institution: a.institution, at: a.checkedInAt.toISOString() })),
    generatedAt: new Date().toISOString(),
  };
}
