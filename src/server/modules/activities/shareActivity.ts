import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { activities } from '../../db/schema/index';
import { writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import type { ActivityView, shareActivityInput } from '../../../shared/schemas/activities';
import { activityRoot } from './activityRoot';
import { getActivity } from './getActivity';

/**
 * Shares (or stops sharing) an activity's personal data (NIPs, fees, budget lines) with member officers.
 * Those who see that data decide (committee, administrators: 'activity.readPersonal'); allowed in every status,
 * since it changes who reads the KAK, not the KAK. Drafts stay hidden from members whatever this says.
 */
export async function shareActivity(ctx: Ctx, id: string, input: z.output<typeof shareActivityInput>): Promise<ActivityView> {
  await writeAggregate(ctx, activityRoot, id, { action: 'activity.readPersonal', version: input.version }, async (tx, row) => {
    await tx.db.update(activities).set({ sharedWithMembers: input.sharedWithMembers }).where(eq(activities.id, id));
    return {
      result: null,
      audit: {
        action: 'activity.share',
        entityType: 'activity',
        entityId: id,
        before: { sharedWithMembers: row.sharedWithMembers },
        after: { sharedWithMembers: input.sharedWithMembers },
      },
    };
  });
  return getActivity(ctx, id);
}
