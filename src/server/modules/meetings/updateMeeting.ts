import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { findRoot, writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { activities, meetingManagers, meetings } from '../../db/schema/index';
import type { MeetingDetail, updateMeetingInput } from '../../../shared/schemas/meetings';
import { meetingRoot } from './meetingRoot';
import { presentMeeting } from './present';
import { checkManagers, checkMeetingDates } from './validateMeeting';

/** Changes a meeting's details (its managers only). */
export async function updateMeeting(ctx: Ctx, id: string, input: z.output<typeof updateMeetingInput>): Promise<MeetingDetail> {
  const { version, managerIds, ...fields } = input;
  await writeAggregate(ctx, meetingRoot, id, { action: 'meeting.manage', version }, async (tx, before) => {
    const [activity] = await tx.db
      .select({ fiscalYear: activities.fiscalYear })
      .from(activities)
      .where(eq(activities.id, before.activityId));
    const next = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as typeof before;
    checkMeetingDates(next, activity!.fiscalYear);
    const values: Record<string, unknown> = { ...fields };
    if (fields.rsvpDeadline !== undefined) values.rsvpDeadline = fields.rsvpDeadline ? new Date(fields.rsvpDeadline) : null;
    for (const k of Object.keys(values)) if (values[k] === undefined) delete values[k];
    if (Object.keys(values).length) await tx.db.update(meetings).set(values).where(eq(meetings.id, id));
    if (managerIds) {
      const ids = [...new Set(managerIds)];
      await checkManagers(tx, ids);
      await tx.db.delete(meetingManagers).where(eq(meetingManagers.meetingId, id));
      if (ids.length) await tx.db.insert(meetingManagers).values(ids.map((userId) => ({ meetingId: id, userId })));
    }
    return {
      result: null,
      audit: { action: 'meeting.update', entityType: 'meeting', entityId: id, before, after: { ...values, managerIds } },
    };
  });
  return presentMeeting(ctx, await findRoot(ctx, meetingRoot, id));
}
