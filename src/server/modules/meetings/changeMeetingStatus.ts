import { eq } from 'drizzle-orm';
import { findRoot, writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { meetings } from '../../db/schema/index';
import type { MeetingStatus } from '../../../shared/meetingStates';
import type { MeetingDetail } from '../../../shared/schemas/meetings';
import { meetingRoot } from './meetingRoot';
import { presentMeeting } from './present';

/** Moves a meeting along its statuses (any move is allowed to its managers; each is audited). */
export async function changeMeetingStatus(ctx: Ctx, id: string, input: { version: number; status: MeetingStatus }): Promise<MeetingDetail> {
  await writeAggregate(ctx, meetingRoot, id, { action: 'meeting.status', version: input.version }, async (tx, before) => {
    await tx.db.update(meetings).set({ status: input.status }).where(eq(meetings.id, id));
    return {
      result: null,
      audit: {
        action: 'meeting.status',
        entityType: 'meeting',
        entityId: id,
        before: { status: before.status },
        after: { status: input.status },
      },
    };
  });
  return presentMeeting(ctx, await findRoot(ctx, meetingRoot, id));
}
