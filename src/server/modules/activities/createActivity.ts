import { activities, budgetLines } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { kakSchema } from '../../../shared/kak';
import { createActivityInput, type ActivityView, type CreateActivityInput } from '../../../shared/schemas/activities';
import { prepareLine } from './budgetLines';
import { getActivity } from './getActivity';
import { presentActivity } from './present';
import { parseInput } from './validate';

/**
 * Creates a draft activity, optionally with its KAK sections and budget lines (the Word import passes
 * what it parsed). The input is validated here too, so callers other than the route are safe.
 */
export async function createActivity(ctx: Ctx, input: CreateActivityInput): Promise<ActivityView> {
  authorize(ctx.actor, 'activity.write');
  const data = parseInput(createActivityInput, input);
  const lines = (data.budgetLines ?? []).map((l, i) => ({ ...prepareLine(l, `budgetLines.${i}.`), position: l.position ?? i }));
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(activities)
      .values({
        title: data.title,
        fiscalYear: data.fiscalYear,
        orgUnit: data.orgUnit,
        status: 'draft',
        officerInCharge: data.officerInCharge,
        kak: data.kak ?? kakSchema.parse({}),
        committeeDecree: data.committeeDecree ?? null,
        signPlace: data.signPlace ?? null,
        signDate: data.signDate ?? null,
      })
      .returning();
    if (lines.length) await tx.db.insert(budgetLines).values(lines.map((l) => ({ ...l, activityId: row!.id })));
    await audit(tx, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: row!.id,
      after: { ...presentActivity(row!), budgetLines: lines },
    });
    return row!.id;
  });
  return getActivity(ctx, id);
}
