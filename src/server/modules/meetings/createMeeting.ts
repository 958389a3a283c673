import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { activities, meetingManagers, meetings } from '../../db/schema/index';
import type { createMeetingInput, MeetingDetail } from '../../../shared/schemas/meetings';
import { findRoot } from '../../core/aggregate';
import { meetingRoot } from './meetingRoot';
import { presentMeeting } from './present';
import { checkManagers, checkMeetingDates } from './validateMeeting';

/** Creates a meeting of an activity; the creator (and the named committee users) manage it. */
export async function createMeeting(ctx: Ctx, input: z.output<typeof createMeetingInput>): Promise<MeetingDetail> {
  authorize(ctx.actor, 'meeting.create');
  const actorId = ctx.actor.id;
  const id = await inTransaction(ctx, async (tx) => {
    const [activity] = await tx.db
      .select({ id: activities.id, fiscalYear: activities.fiscalYear })
      .from(activities)
      .where(eq(activities.id, input.activityId));
    if (!activity) throw new NotFoundError('Kegiatan tidak ditemukan');
    const endDate = input.endDate ?? input.startDate;
    checkMeetingDates({ ...input, endDate }, activity.fiscalYear);
    const managerIds = [...new Set([actorId, ...(input.managerIds ?? [])])];
    await checkManagers(tx, managerIds);
    const { managerIds: _m, ...fields } = input;
    const [row] = await tx.db
      .insert(meetings)
      .values({
        ...fields,
        endDate,
        rsvpDeadline: input.rsvpDeadline ? new Date(input.rsvpDeadline) : null,
        copies: input.copies ?? [],
        letterSubject: input.letterSubject ?? `Undangan ${input.title}`,
      })
      .returning();
    await tx.db.insert(meetingManagers).values(managerIds.map((userId) => ({ meetingId: row!.id, userId })));
    await audit(tx, { action: 'meeting.create', entityType: 'meeting', entityId: row!.id, after: { ...row, managerIds } });
    return row!.id;
  });
  return presentMeeting(ctx, await findRoot(ctx, meetingRoot, id));
}
