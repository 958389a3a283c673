import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { activities } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { activityStatusLabels, statusTransitions, type ActivityDetail, type changeStatusInput } from '../../../shared/schemas/activities';
import { loadActivityDetail } from './present';
import { staleVersion } from './validate';

/** Moves the activity along draft -> approved -> running -> done; errors of the KAK checks block approval. */
export async function changeStatus(ctx: Ctx, id: string, input: z.output<typeof changeStatusInput>): Promise<ActivityDetail> {
  authorize(ctx.actor, 'activity.write');
  await inTransaction(ctx, async (tx) => {
    const before = await loadActivityDetail(tx.db, id);
    if (before.version !== input.version) throw staleVersion(before.version);
    const needs = statusTransitions[before.status][input.status];
    if (!needs) {
      const message = `Status kegiatan tidak dapat diubah dari ${activityStatusLabels[before.status]} menjadi ${activityStatusLabels[input.status]}`;
      throw new ValidationError(message, { status: message });
    }
    authorize(ctx.actor, needs);
    if (input.status === 'approved' && before.checks.errors.length) {
      const { errors, warnings } = before.checks;
      const fields = Object.fromEntries(errors.map((e) => [e.path, e.message]).reverse());
      throw new ValidationError(
        `KAK belum dapat disetujui: ada ${errors.length} kesalahan yang harus diperbaiki terlebih dahulu. ${errors.map((e) => e.message).join('; ')}`,
        fields,
        { issues: errors, warnings },
      );
    }
    const [row] = await tx.db
      .update(activities)
      .set({ status: input.status, version: sql`${activities.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(activities.id, id), eq(activities.version, input.version)))
      .returning({ id: activities.id });
    if (!row) throw staleVersion(before.version + 1);
    await audit(tx, {
      action: 'activity.status',
      entityType: 'activity',
      entityId: id,
      before: { status: before.status },
      after: { status: input.status, warnings: before.checks.warnings.map((w) => w.message) },
    });
  });
  return loadActivityDetail(ctx.db, id);
}
