import { eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { budgetLines } from '../../db/schema/index';
import { childRows } from '../../core/childRows';
import { ValidationError } from '../../core/errors';
import { computeLineAmount } from '../../../shared/kakChecks';
import { formatRupiah } from '../../../shared/money';
import type { BudgetLine, budgetLineInput } from '../../../shared/schemas/activities';
import { activityRoot } from './activityRoot';
import { presentBudgetLine } from './present';

type LineInput = z.output<typeof budgetLineInput>;
type LineRow = typeof budgetLines.$inferSelect;

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

/** Budget lines of an activity: written through the activity (its status, version and audit). */
export const budgetLineRows = childRows<LineRow, BudgetLine, LineInput>({
  root: activityRoot,
  action: 'activity.write',
  table: budgetLines,
  parentKey: budgetLines.activityId,
  auditName: 'budgetLine',
  entityType: 'budget_line',
  notFound: 'Rincian anggaran tidak ditemukan',
  present: presentBudgetLine,
  async values(tx, activityId, input, before) {
    const merged = { ...before, ...stripUndefined(input) } as LineInput;
    const values = prepareLine(merged);
    if (before) return { ...values, position: merged.position, updatedAt: sql`now()` };
    const [last] = await tx.db
      .select({ n: max(budgetLines.position) })
      .from(budgetLines)
      .where(eq(budgetLines.activityId, activityId));
    return { ...values, position: input.position ?? (last?.n ?? -1) + 1 };
  },
});

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
