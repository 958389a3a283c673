import { eq, sql } from 'drizzle-orm';
import type { AggregateRoot } from '../../core/aggregate';
import { loadAuthorized } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { meetingManagers, meetings } from '../../db/schema/meetings';
import { jakartaIsoDate } from '../../../shared/dates';
import type { CheckInMeeting } from '../../../shared/schemas/checkIn';

export type MeetingRow = typeof meetings.$inferSelect & { managerIds: string[] };

/** The ids of a meeting's managers as one column of a query on `meetings` (a JSON array). */
export const managerIdsColumn = sql<
  string[] | string
>`coalesce((select json_agg(${meetingManagers.userId}) from ${meetingManagers} where ${meetingManagers.meetingId} = ${meetings.id}), '[]'::json)`;
export const parseManagerIds = (v: string[] | string): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

/** The meeting as the check-in sees it: its row and the users who run it (what the policy's row rule reads). */
export const checkInMeetingRoot: AggregateRoot<MeetingRow> = {
  type: 'meeting',
  table: meetings,
  notFound: 'Rapat tidak ditemukan',
  subject: (row) => ({ status: row.status, managerIds: row.managerIds }),
  async load(ctx, id) {
    // One round trip: the meeting and its managers' ids (every check-in request starts here).
    const [row] = await ctx.db.select({ meeting: meetings, managerIds: managerIdsColumn }).from(meetings).where(eq(meetings.id, id));
    if (!row) return undefined;
    return { ...row.meeting, managerIds: parseManagerIds(row.managerIds) };
  },
};

/** Loads the meeting when the caller may run its check-in (administrators, its managers): else 401/403/404. */
export function loadCheckInMeeting(ctx: Ctx, meetingId: string): Promise<MeetingRow> {
  return loadAuthorized(ctx, checkInMeetingRoot, meetingId, 'meeting.checkIn');
}

/**
 * The meeting day an arrival counts for: its WIB calendar date, clamped into the meeting's days (a rehearsal
 * before the meeting counts for the first day, a late entry after it for the last).
 */
export function meetingDayOf(meeting: Pick<MeetingRow, 'startDate' | 'endDate'>, at: Date): string {
  const d = jakartaIsoDate(at);
  if (d < meeting.startDate) return meeting.startDate;
  if (d > meeting.endDate) return meeting.endDate;
  return d;
}

export function presentCheckInMeeting(m: MeetingRow): CheckInMeeting {
  return {
    id: m.id,
    title: m.title,
    startDate: m.startDate,
    endDate: m.endDate,
    startTime: m.startTime,
    endTime: m.endTime,
    venue: m.venue,
    status: m.status,
  };
}

/** "09.12" in WIB. */
export function clockWib(at: Date): string {
  const s = at.toLocaleTimeString('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return s.replace(':', '.');
}
