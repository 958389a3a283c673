import { eq } from 'drizzle-orm';
import { activities } from '../../db/schema/index';
import { writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { activityRoot } from './activityRoot';
import { loadActivityDetail } from './present';

/** Deletes a draft (with its lines, committee and speakers); approved or past activities stay on record. */
export async function deleteActivity(ctx: Ctx, id: string, version: number): Promise<void> {
  await writeAggregate(ctx, activityRoot, id, { action: 'activity.delete', version }, async (tx) => {
    const before = await loadActivityDetail(tx.db, id);
    await tx.db.delete(activities).where(eq(activities.id, id));
    return { result: null, audit: { action: 'activity.delete', entityType: 'activity', entityId: id, before } };
  });
}
