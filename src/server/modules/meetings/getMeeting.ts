import { asc, desc, eq } from 'drizzle-orm';
import { loadAuthorized } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { meetings } from '../../db/schema/index';
import type { MeetingDetail, MeetingSummary } from '../../../shared/schemas/meetings';
import { meetingRoot } from './meetingRoot';
import { presentMeeting, presentSummaries } from './present';

/** One meeting with its agenda and what the caller may do with it (committee and administrators). */
export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingDetail> {
  const row = await loadAuthorized(ctx, meetingRoot, id, 'meeting.read');
  return presentMeeting(ctx, row);
}

/** Meetings, optionally of one activity, newest first. */
export async function listMeetings(ctx: Ctx, query: { activityId?: string }): Promise<{ items: MeetingSummary[]; total: number }> {
  authorize(ctx.actor, 'meeting.read');
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(query.activityId ? eq(meetings.activityId, query.activityId) : undefined)
    .orderBy(desc(meetings.startDate), asc(meetings.title));
  const items = await presentSummaries(ctx, rows);
  return { items, total: items.length };
}
