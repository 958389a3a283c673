import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { NotFoundError, StateError } from '../../core/errors';
import type { Subject } from '../../core/policy';
import { agendaSessions, meetingInvitations, meetingManagers, meetings, speakers, users } from '../../db/schema/index';
import { registrationOfTicket } from '../meetings/ticketFiles';

/**
 * Who a material belongs to. The account of an activity speaker is the one the committee linked to it
 * (`speakers.user_id`, an active account with role `speaker`); a speaker without a link falls back to the active
 * speaker account whose name equals the speaker's (case and spacing aside). Only administrators create accounts and
 * set a speaker account's name (not even the invitee at acceptance), so both links are in the bureau's hands.
 */
const normalised = (column: SQL | unknown) => sql`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

export type MaterialMeeting = typeof meetings.$inferSelect & {
  managerIds: string[];
  institutionIds: string[];
  sessions: (typeof agendaSessions.$inferSelect)[];
  /** Speaker accounts by activity speaker id. */
  accountsBySpeaker: Map<string, string[]>;
};

/** Speaker accounts of the given activity speakers (see above). */
async function speakerAccounts(ctx: Ctx, speakerIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!speakerIds.length) return map;
  const rows = await ctx.db
    .select({ speakerId: speakers.id, userId: users.id })
    .from(speakers)
    .innerJoin(
      users,
      or(eq(users.id, speakers.userId), and(isNull(speakers.userId), sql`${normalised(users.name)} = ${normalised(speakers.name)}`)),
    )
    .where(and(inArray(speakers.id, speakerIds), eq(users.role, 'speaker'), eq(users.active, true)));
  for (const r of rows) map.set(r.speakerId, [...(map.get(r.speakerId) ?? []), r.userId]);
  return map;
}

export const sessionSpeakerIds = (s: { speakerIds: unknown }) => (Array.isArray(s.speakerIds) ? (s.speakerIds as string[]) : []);

/** The speaker accounts of one session, or of every session of the meeting. */
export function speakerUserIdsOf(m: MaterialMeeting, sessionId?: string): string[] {
  const sessions = sessionId ? m.sessions.filter((s) => s.id === sessionId) : m.sessions;
  return [...new Set(sessions.flatMap((s) => sessionSpeakerIds(s).flatMap((id) => m.accountsBySpeaker.get(id) ?? [])))];
}

/** The policy subject of a meeting's materials: managers, invited institutions and speaker accounts (of one session). */
export function materialSubject(m: MaterialMeeting, o: { sessionId?: string; ownerId?: string | null } = {}): Subject {
  return {
    status: m.status,
    managerIds: m.managerIds,
    institutionIds: m.institutionIds,
    speakerUserIds: speakerUserIdsOf(m, o.sessionId),
    ownerId: o.ownerId ?? null,
  };
}

/** A meeting with what the materials policy needs, or 404. */
export async function loadMaterialMeeting(ctx: Ctx, meetingId: string): Promise<MaterialMeeting> {
  const [m] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!m) throw new NotFoundError('Rapat tidak ditemukan');
  const [managers, invited, sessions] = await Promise.all([
    ctx.db.select({ id: meetingManagers.userId }).from(meetingManagers).where(eq(meetingManagers.meetingId, meetingId)),
    ctx.db.select({ id: meetingInvitations.institutionId }).from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)),
    ctx.db
      .select()
      .from(agendaSessions)
      .where(eq(agendaSessions.meetingId, meetingId))
      .orderBy(asc(agendaSessions.day), asc(agendaSessions.position), asc(agendaSessions.startTime)),
  ]);
  const accountsBySpeaker = await speakerAccounts(ctx, [...new Set(sessions.flatMap(sessionSpeakerIds))]);
  return {
    ...m,
    managerIds: managers.map((r) => r.id),
    institutionIds: invited.map((r) => r.id),
    sessions,
    accountsBySpeaker,
  };
}

/** Materials of a called-off meeting stay readable but are no longer changed. */
export function assertMaterialsWritable(m: { status: string }) {
  if (m.status === 'cancelled') throw new StateError('Rapat ini dibatalkan: materinya tidak dapat diunggah atau dihapus lagi.');
}

/** The meeting of a participant's ticket (a cancelled registration or a forged token: 404). */
export async function meetingOfTicket(ctx: Ctx, token: string): Promise<string> {
  return (await registrationOfTicket(ctx.db, token)).m.id;
}

/** Meetings whose sessions have a speaker whose account is this user (see above). */
export function speaksAt(user: { name: string }) {
  return sql`exists (select 1 from ${agendaSessions} s, jsonb_array_elements_text(s.speaker_ids) e(v)
    join ${speakers} sp on sp.id::text = e.v
    where s.meeting_id = ${meetings.id} and ${normalised(sql`sp.name`)} = ${normalised(user.name)})`;
}
