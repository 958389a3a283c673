import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { activities } from '../../db/schema/index';
import { writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { kakSchema } from '../../../shared/kak';
import type { ActivityView, updateActivityInput } from '../../../shared/schemas/activities';
import { activityRoot } from './activityRoot';
import { getActivity } from './getActivity';
import { presentActivity } from './present';
import { parseInput } from './validate';

/**
 * Changes the keys sent (a KAK section sent replaces that section) of a draft. The client names the version it
 * read; when someone saved in between, nothing is written and the answer is 409.
 */
export async function updateActivity(ctx: Ctx, id: string, input: z.output<typeof updateActivityInput>): Promise<ActivityView> {
  await writeAggregate(ctx, activityRoot, id, { action: 'activity.write', version: input.version }, async (tx, row) => {
    const before = presentActivity(row);
    const kak = input.kak ? parseInput(kakSchema, { ...before.kak, ...stripUndefined(input.kak) }) : undefined;
    const officerInCharge = input.officerInCharge ? { ...before.officerInCharge, ...stripUndefined(input.officerInCharge) } : undefined;
    const [updated] = await tx.db
      .update(activities)
      .set({
        title: input.title,
        fiscalYear: input.fiscalYear,
        orgUnit: input.orgUnit,
        officerInCharge,
        kak,
        committeeDecree: input.committeeDecree,
        signPlace: input.signPlace,
        signDate: input.signDate,
      })
      .where(eq(activities.id, id))
      .returning();
    return {
      result: null,
      audit: { action: 'activity.update', entityType: 'activity', entityId: id, before, after: presentActivity(updated!) },
    };
  });
  return getActivity(ctx, id);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
