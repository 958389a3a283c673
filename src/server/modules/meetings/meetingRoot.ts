import { eq } from 'drizzle-orm';
import type { AggregateRoot } from '../../core/aggregate';
import type { Actor, Ctx } from '../../core/context';
import { allowedActions } from '../../core/policy';
import { meetingManagers, meetings } from '../../db/schema/index';
import type { MeetingStatus } from '../../../shared/meetingStates';

export type MeetingRow = typeof meetings.$inferSelect & { managerIds: string[] };

/**
 * The meeting is the root of its agenda, invitations and registrations: every write of them goes through it
 * (locked, authorized against its managers and status, version bumped, audited).
 */
export const meetingRoot: AggregateRoot<MeetingRow> = {
  type: 'meeting',
  table: meetings,
  notFound: 'Rapat tidak ditemukan',
  subject: (row) => ({ status: row.status, managerIds: row.managerIds }),
  async load(ctx, id) {
    const [row] = await ctx.db.select().from(meetings).where(eq(meetings.id, id));
    if (!row) return undefined;
    const managers = await ctx.db.select({ userId: meetingManagers.userId }).from(meetingManagers).where(eq(meetingManagers.meetingId, id));
    return { ...row, managerIds: managers.map((m) => m.userId) };
  },
};

export function meetingCan(actor: Actor, row: Pick<MeetingRow, 'status' | 'managerIds'>) {
  const a = allowedActions(actor, ['meeting.manage', 'meeting.send', 'meeting.status', 'meeting.checkIn', 'meeting.overrideQuota'], {
    type: 'meeting',
    status: row.status as MeetingStatus,
    managerIds: row.managerIds,
  });
  return {
    manage: a['meeting.manage'],
    send: a['meeting.send'],
    status: a['meeting.status'],
    checkIn: a['meeting.checkIn'],
    overrideQuota: a['meeting.overrideQuota'],
  };
}

/** When the meeting is over (its last day's end time, WIB): RSVP links expire then. */
export function meetingEndsAt(m: Pick<MeetingRow, 'endDate' | 'endTime'>): Date {
  return new Date(`${m.endDate}T${m.endTime}:00+07:00`);
}
export function meetingStartsAt(m: Pick<MeetingRow, 'startDate' | 'startTime'>): Date {
  return new Date(`${m.startDate}T${m.startTime}:00+07:00`);
}

/** Answers and changes are accepted until the invitation's deadline, else the meeting's, else the meeting's start. */
export function rsvpDeadlineOf(m: Pick<MeetingRow, 'rsvpDeadline' | 'startDate' | 'startTime'>, invitationDeadline: Date | null): Date {
  return invitationDeadline ?? m.rsvpDeadline ?? meetingStartsAt(m);
}

export type { Ctx };
