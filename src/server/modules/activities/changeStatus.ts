import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { activities } from '../../db/schema/index';
import { writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import {
  activityStatusLabels,
  statusTransitions,
  type ActivityStatus,
  type ActivityView,
  type changeStatusInput,
} from '../../../shared/schemas/activities';
import { activityRoot } from './activityRoot';
import { getActivity } from './getActivity';
import { loadActivityDetail } from './present';

/**
 * Moves the activity along draft -> approved -> running -> done. Errors of the KAK checks block approval;
 * withdrawing the approval (back to draft) reopens the KAK for editing, and is recorded like every move.
 */
export async function changeStatus(ctx: Ctx, id: string, input: z.output<typeof changeStatusInput>): Promise<ActivityView> {
  await writeAggregate(ctx, activityRoot, id, { action: 'activity.status', version: input.version }, async (tx, row) => {
    const from = row.status as ActivityStatus;
    const needs = statusTransitions[from][input.status];
    if (!needs) {
      const message = `Status kegiatan tidak dapat diubah dari ${activityStatusLabels[from]} menjadi ${activityStatusLabels[input.status]}`;
      throw new ValidationError(message, { status: message });
    }
    authorize(tx.actor, needs, { type: 'activity', status: from });
    const { checks } = await loadActivityDetail(tx.db, id);
    if (input.status === 'approved' && checks.errors.length) {
      const { errors, warnings } = checks;
      const fields = Object.fromEntries(errors.map((e) => [e.path, e.message]).reverse());
      throw new ValidationError(
        `KAK belum dapat disetujui: ada ${errors.length} kesalahan yang harus diperbaiki terlebih dahulu. ${errors.map((e) => e.message).join('; ')}`,
        fields,
        { issues: errors, warnings },
      );
    }
    await tx.db.update(activities).set({ status: input.status }).where(eq(activities.id, id));
    return {
      result: null,
      audit: {
        action: 'activity.status',
        entityType: 'activity',
        entityId: id,
        before: { status: from },
        after: { status: input.status, warnings: checks.warnings.map((w) => w.message) },
      },
    };
  });
  return getActivity(ctx, id);
}
