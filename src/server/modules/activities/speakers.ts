import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { budgetLines, speakers } from '../../db/schema/index';
import { childRows } from '../../core/childRows';
import { ValidationError } from '../../core/errors';
import type { Speaker, speakerInput } from '../../../shared/schemas/activities';
import { activityRoot } from './activityRoot';
import { presentSpeaker } from './present';

/** The fee must be paid from a line of the same activity. */
async function checkBudgetLine(db: Db, activityId: string, budgetLineId: string | null | undefined) {
  if (!budgetLineId) return;
  const [line] = await db
    .select({ id: budgetLines.id })
    .from(budgetLines)
    .where(and(eq(budgetLines.id, budgetLineId), eq(budgetLines.activityId, activityId)));
  if (!line) {
    const message = 'Rincian anggaran tidak ditemukan pada kegiatan ini';
    throw new ValidationError(message, { budgetLineId: message });
  }
}

/** Speaker candidates (narasumber) with topic, status and fee: written through the activity. */
export const speakerRows = childRows<typeof speakers.$inferSelect, Speaker, z.output<typeof speakerInput>>({
  root: activityRoot,
  action: 'activity.write',
  table: speakers,
  parentKey: speakers.activityId,
  auditName: 'speaker',
  entityType: 'speaker',
  notFound: 'Narasumber tidak ditemukan',
  present: presentSpeaker,
  async values(tx, activityId, input, before) {
    await checkBudgetLine(tx.db, activityId, input.budgetLineId);
    if (before) return { ...input, updatedAt: sql`now()` };
    return {
      name: input.name,
      institution: input.institution ?? null,
      expertise: input.expertise ?? null,
      topic: input.topic ?? null,
      status: input.status ?? 'candidate',
      fee: input.fee ?? 0,
      budgetLineId: input.budgetLineId ?? null,
    };
  },
});
