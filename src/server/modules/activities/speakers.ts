import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { budgetLines, speakers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import type { speakerInput, updateSpeakerInput } from '../../../shared/schemas/activities';
import { touchActivity } from './budgetLines';
import { presentSpeaker } from './present';

async function findSpeaker(db: Db, activityId: string, speakerId: string) {
  const [row] = await db.select().from(speakers).where(and(eq(speakers.id, speakerId), eq(speakers.activityId, activityId)));
  if (!row) throw new NotFoundError('Narasumber tidak ditemukan');
  return presentSpeaker(row);
}

/** The fee must be paid from a line of the same activity. */
async function checkBudgetLine(db: Db, activityId: string, budgetLineId: string | null | undefined) {
  if (!budgetLineId) return;
  const [line] = await db.select({ id: budgetLines.id }).from(budgetLines).where(and(eq(budgetLines.id, budgetLineId), eq(budgetLines.activityId, activityId)));
  if (!line) {
    const message = 'Rincian anggaran tidak ditemukan pada kegiatan ini';
    throw new ValidationError(message, { budgetLineId: message });
  }
}

/** Adds a speaker candidate (narasumber) with topic, status and fee. */
export async function addSpeaker(ctx: Ctx, activityId: string, input: z.output<typeof speakerInput>) {
  authorize(ctx.actor, 'activity.write');
  return inTransaction(ctx, async (tx) => {
    await touchActivity(tx.db, activityId);
    await checkBudgetLine(tx.db, activityId, input.budgetLineId);
    const [row] = await tx.db
      .insert(speakers)
      .values({
        activityId,
        name: input.name,
        institution: input.institution ?? null,
        expertise: input.expertise ?? null,
        topic: input.topic ?? null,
        status: input.status,
        fee: input.fee,
        budgetLineId: input.budgetLineId ?? null,
      })
      .returning();
    const speaker = presentSpeaker(row!);
    await audit(tx, { action: 'speaker.create', entityType: 'speaker', entityId: speaker.id, after: speaker });
    return speaker;
  });
}

export async function updateSpeaker(ctx: Ctx, activityId: string, speakerId: string, input: z.output<typeof updateSpeakerInput>) {
  authorize(ctx.actor, 'activity.write');
  return inTransaction(ctx, async (tx) => {
    const before = await findSpeaker(tx.db, activityId, speakerId);
    await checkBudgetLine(tx.db, activityId, input.budgetLineId);
    await touchActivity(tx.db, activityId);
    const [row] = await tx.db
      .update(speakers)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(speakers.id, speakerId))
      .returning();
    const after = presentSpeaker(row!);
    await audit(tx, { action: 'speaker.update', entityType: 'speaker', entityId: speakerId, before, after });
    return after;
  });
}

export async function removeSpeaker(ctx: Ctx, activityId: string, speakerId: string): Promise<void> {
  authorize(ctx.actor, 'activity.write');
  await inTransaction(ctx, async (tx) => {
    const before = await findSpeaker(tx.db, activityId, speakerId);
    await touchActivity(tx.db, activityId);
    await tx.db.delete(speakers).where(eq(speakers.id, speakerId));
    await audit(tx, { action: 'speaker.delete', entityType: 'speaker', entityId: speakerId, before });
  });
}
