import { and, eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { activities, budgetLines } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { computeLineAmount } from '../../../shared/kakChecks';
import { formatRupiah } from '../../../shared/money';
import type { budgetLineInput, updateBudgetLineInput } from '../../../shared/schemas/activities';
import { presentBudgetLine } from './present';

type LineInput = z.output<typeof budgetLineInput>;

/**
 * The stored values of a line: amount = volume x unit price (refused when not whole rupiah), and a quarter
 * plan that adds up to it. `prefix` names the field in messages, e.g. "budgetLines.2.".
 */
export function prepareLine(input: Omit<LineInput, 'position'>, prefix = '') {
  const computed = computeLineAmount(input.volume, input.unitPrice);
  if ('error' in computed) throw new ValidationError(computed.error, { [`${prefix}volume`]: computed.error });
  const planned = input.quarterPlan.reduce((a, b) => a + b, 0);
  if (planned !== computed.amount) {
    const message = `Rencana per triwulan (${formatRupiah(planned)}) harus sama dengan jumlah rincian ${formatRupiah(computed.amount)} (selisih ${formatRupiah(Math.abs(planned - computed.amount))})`;
    throw new ValidationError(message, { [`${prefix}quarterPlan`]: message });
  }
  return {
    accountCode: input.accountCode,
    description: input.description,
    volume: input.volume.toFixed(2),
    unit: input.unit,
    unitPrice: input.unitPrice,
    amount: computed.amount,
    quarterPlan: [...input.quarterPlan],
  };
}

/** Marks the activity as changed (sub-resource writes need no version); 404 when it does not exist. */
export async function touchActivity(db: Db, activityId: string): Promise<void> {
  const [row] = await db.update(activities).set({ updatedAt: sql`now()` }).where(eq(activities.id, activityId)).returning({ id: activities.id });
  if (!row) throw new NotFoundError('Kegiatan tidak ditemukan');
}

async function findLine(db: Db, activityId: string, lineId: string) {
  const [row] = await db.select().from(budgetLines).where(and(eq(budgetLines.id, lineId), eq(budgetLines.activityId, activityId)));
  if (!row) throw new NotFoundError('Rincian anggaran tidak ditemukan');
  return row;
}

export async function createBudgetLine(ctx: Ctx, activityId: string, input: LineInput) {
  authorize(ctx.actor, 'activity.write');
  const values = prepareLine(input);
  return inTransaction(ctx, async (tx) => {
    await touchActivity(tx.db, activityId);
    const [last] = await tx.db.select({ n: max(budgetLines.position) }).from(budgetLines).where(eq(budgetLines.activityId, activityId));
    const position = input.position ?? (last?.n ?? -1) + 1;
    const [row] = await tx.db.insert(budgetLines).values({ ...values, activityId, position }).returning();
    const line = presentBudgetLine(row!);
    await audit(tx, { action: 'budgetLine.create', entityType: 'budget_line', entityId: line.id, after: line });
    return line;
  });
}

export async function updateBudgetLine(ctx: Ctx, activityId: string, lineId: string, input: z.output<typeof updateBudgetLineInput>) {
  authorize(ctx.actor, 'activity.write');
  return inTransaction(ctx, async (tx) => {
    const before = presentBudgetLine(await findLine(tx.db, activityId, lineId));
    const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as LineInput;
    const values = prepareLine(merged);
    await touchActivity(tx.db, activityId);
    const [row] = await tx.db
      .update(budgetLines)
      .set({ ...values, position: merged.position, updatedAt: sql`now()` })
      .where(eq(budgetLines.id, lineId))
      .returning();
    const after = presentBudgetLine(row!);
    await audit(tx, { action: 'budgetLine.update', entityType: 'budget_line', entityId: lineId, before, after });
    return after;
  });
}

/** Deletes a line; speakers paid from it keep their fee but lose the link. */
export async function deleteBudgetLine(ctx: Ctx, activityId: string, lineId: string): Promise<void> {
  authorize(ctx.actor, 'activity.write');
  await inTransaction(ctx, async (tx) => {
    const before = presentBudgetLine(await findLine(tx.db, activityId, lineId));
    await touchActivity(tx.db, activityId);
    await tx.db.delete(budgetLines).where(eq(budgetLines.id, lineId));
    await audit(tx, { action: 'budgetLine.delete', entityType: 'budget_line', entityId: lineId, before });
  });
}
