import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { budgetLines, speakers, users } from '../../db/schema/index';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
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

/** A linked account must be an active speaker account (it may then upload the materials of the speaker's sessions). */
async function checkSpeakerAccount(db: Db, userId: string | null | undefined) {
  if (!userId) return;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, 'speaker'), eq(users.active, true)));
  if (!user) {
    const message = 'Akun narasumber tidak ditemukan: pilih akun aktif dengan peran Narasumber';
    throw new ValidationError(message, { userId: message });
  }
}

/** Active accounts with the speaker role, to link to an activity's speakers (those who may write the activity). */
export async function listSpeakerAccounts(ctx: Ctx, page: { limit: number; offset: number }) {
  authorize(ctx.actor, 'activity.write');
  const where = and(eq(users.role, 'speaker'), eq(users.active, true));
  const [items, [counted]] = await Promise.all([
    ctx.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: counted!.n };
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
    await checkSpeakerAccount(tx.db, input.userId);
    if (before) return { ...input, updatedAt: sql`now()` };
    return {
      name: input.name,
      institution: input.institution ?? null,
      expertise: input.expertise ?? null,
      topic: input.topic ?? null,
      status: input.status ?? 'candidate',
      fee: input.fee ?? 0,
      budgetLineId: input.budgetLineId ?? null,
      userId: input.userId ?? null,
    };
  },
});
