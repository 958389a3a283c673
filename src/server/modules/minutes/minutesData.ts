import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { authorize, can, type Subject } from '../../core/policy';
import {
  agendaSessions,
  checkIns,
  institutions,
  meetingInvitations,
  meetingMinutes,
  sessionMinutes,
  registrations,
} from '../../db/schema/index';
import { categoryLabels, institutionCategories, type InstitutionCategory } from '../../../shared/categories';
import type { MeetingStatus } from '../../../shared/meetingStates';
import type { Minutes } from '../../../shared/schemas/minutes';
import { meetingRoot, type MeetingRow } from '../meetings/meetingRoot';

export type MinutesMeeting = MeetingRow & { invitedInstitutionIds: string[] };

/** What the policy reads of a meeting for the minutes: status, managers and the invited institutions. */
export const minutesSubject = (m: MinutesMeeting): Subject => ({
  status: m.status,
  managerIds: m.managerIds,
  institutionIds: m.invitedInstitutionIds,
});

/** Loads a meeting and checks the actor may read or write its minutes (404 for one that is not theirs). */
export async function loadMinutesMeeting(ctx: Ctx, meetingId: string, action: 'minutes.read' | 'minutes.write'): Promise<MinutesMeeting> {
  authorize(ctx.actor, action);
  const m = await meetingRoot.load!(ctx, meetingId);
  if (!m) throw new NotFoundError('Rapat tidak ditemukan');
  const invited = await ctx.db
    .select({ id: meetingInvitations.institutionId })
    .from(meetingInvitations)
    .where(eq(meetingInvitations.meetingId, meetingId));
  const row = { ...m, invitedInstitutionIds: invited.map((i) => i.id) };
  authorize(ctx.actor, action, minutesSubject(row));
  return row;
}

type AttendanceCategory = InstitutionCategory | 'other';
const categoryOrder: AttendanceCategory[] = [
  'bureau',
  'provincial_agency',
  ...institutionCategories.filter((c) => c !== 'bureau' && c !== 'provincial_agency'),
  'other',
];
const labelOf = (c: AttendanceCategory) => (c === 'other' ? 'Lainnya (perorangan/tanpa instansi)' : categoryLabels[c].id);

/** Who came: the registrations checked in on any day of the meeting, counted by institution category. */
export async function attendanceOf(ctx: Ctx, meetingId: string): Promise<Minutes['attendance']> {
  const rows = await ctx.db
    .select({
      name: registrations.name,
      position: registrations.position,
      institution: institutions.name,
      category: institutions.category,
    })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(
      and(
        eq(registrations.meetingId, meetingId),
        inArray(registrations.id, ctx.db.select({ id: checkIns.registrationId }).from(checkIns).where(eq(checkIns.meetingId, meetingId))),
      ),
    )
    .orderBy(asc(institutions.category), asc(institutions.name), asc(registrations.name));
  const attendees = rows.map((r) => ({
    name: r.name,
    position: r.position,
    institution: r.institution,
    category: ((institutionCategories as readonly string[]).includes(r.category ?? '') ? r.category : 'other') as AttendanceCategory,
  }));
  attendees.sort((a, b) => categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category));
  const counts = new Map<AttendanceCategory, number>();
  for (const a of attendees) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  return {
    total: attendees.length,
    byCategory: categoryOrder.filter((c) => counts.has(c)).map((c) => ({ category: c, label: labelOf(c), count: counts.get(c)! })),
    attendees,
  };
}

/** The whole minutes document of a meeting the caller was authorized for (empty fields when none was written yet). */
export async function minutesOf(ctx: Ctx, m: MinutesMeeting): Promise<Minutes> {
  const [row] = await ctx.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, m.id));
  const sessions = await ctx.db
    .select({ s: agendaSessions, bodyHtml: sessionMinutes.bodyHtml })
    .from(agendaSessions)
    .leftJoin(sessionMinutes, eq(sessionMinutes.sessionId, agendaSessions.id))
    .where(eq(agendaSessions.meetingId, m.id))
    .orderBy(sql`coalesce(${agendaSessions.day}, ${m.startDate}::date)`, asc(agendaSessions.position), asc(agendaSessions.startTime));
  return {
    meeting: {
      id: m.id,
      title: m.title,
      startDate: m.startDate,
      endDate: m.endDate,
      startTime: m.startTime,
      endTime: m.endTime,
      venue: m.venue,
      venueAddress: m.venueAddress,
      status: m.status as MeetingStatus,
    },
    chairName: row?.chairName ?? null,
    chairPosition: row?.chairPosition ?? null,
    noteTakerName: row?.noteTakerName ?? null,
    noteTakerPosition: row?.noteTakerPosition ?? null,
    openingHtml: row?.openingHtml ?? '',
    closingHtml: row?.closingHtml ?? '',
    sessions: sessions.map(({ s, bodyHtml }) => ({
      sessionId: s.id,
      day: s.day,
      startTime: s.startTime,
      endTime: s.endTime,
      title: s.title,
      moderator: s.moderator,
      bodyHtml: bodyHtml ?? '',
    })),
    attendance: await attendanceOf(ctx, m.id),
    // Minutes not written yet are the empty document at version 1 (the column's default): the first save names 1.
    version: row?.version ?? 1,
    updatedAt: row?.updatedAt ? row.updatedAt.toISOString() : null,
    can: { write: can(ctx.actor, 'minutes.write', minutesSubject(m)) && m.status !== 'cancelled' },
  };
}

export async function getMinutes(ctx: Ctx, meetingId: string): Promise<Minutes> {
  return minutesOf(ctx, await loadMinutesMeeting(ctx, meetingId, 'minutes.read'));
}
