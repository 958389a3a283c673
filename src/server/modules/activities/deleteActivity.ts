import { eq } from 'drizzle-orm';
import { activities } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { loadActivityDetail } from './present';

/** Deletes a draft (with its lines, committee and speakers); approved or past activities stay on record. */
export async function deleteActivity(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, 'activity.write');
  await inTransaction(ctx, async (tx) => {
    const before = await loadActivityDetail(tx.db, id);
    if (before.status !== 'draft') throw new ValidationError('Hanya kegiatan berstatus Draf yang dapat dihapus');
    await tx.db.delete(activities).where(eq(activities.id, id));
    await audit(tx, { action: 'activity.delete', entityType: 'activity', entityId: id, before });
  });
}
