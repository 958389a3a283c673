import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { activities } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { kakSchema } from '../../../shared/kak';
import type { ActivityDetail, updateActivityInput } from '../../../shared/schemas/activities';
import { findActivityRow, loadActivityDetail, presentActivity } from './present';
import { parseInput, staleVersion } from './validate';

/**
 * Changes the keys sent (a KAK section sent replaces that section). The client names the version it read;
 * when someone saved in between, nothing is written and the answer is 409.
 */
export async function updateActivity(ctx: Ctx, id: string, input: z.output<typeof updateActivityInput>): Promise<ActivityDetail> {
  authorize(ctx.actor, 'activity.write');
  await inTransaction(ctx, async (tx) => {
    const before = presentActivity(await findActivityRow(tx.db, id));
    if (before.version !== input.version) throw staleVersion(before.version);
    const kak = input.kak ? parseInput(kakSchema, { ...before.kak, ...stripUndefined(input.kak) }) : undefined;
    const officerInCharge = input.officerInCharge ? { ...before.officerInCharge, ...stripUndefined(input.officerInCharge) } : undefined;
    const [row] = await tx.db
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
        version: sql`${activities.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(activities.id, id), eq(activities.version, input.version)))
      .returning();
    // Another transaction may have saved between our read and this update.
    if (!row) throw staleVersion(before.version + 1);
    await audit(tx, { action: 'activity.update', entityType: 'activity', entityId: id, before, after: presentActivity(row) });
  });
  return loadActivityDetail(ctx.db, id);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
