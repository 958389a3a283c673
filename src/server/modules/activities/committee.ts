import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { committeeMembers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { authorize } from '../../core/policy';
import type { committeeMemberInput, updateCommitteeMemberInput } from '../../../shared/schemas/activities';
import { touchActivity } from './budgetLines';
import { presentMember } from './present';

async function findMember(db: Db, activityId: string, memberId: string) {
  const [row] = await db.select().from(committeeMembers).where(and(eq(committeeMembers.id, memberId), eq(committeeMembers.activityId, activityId)));
  if (!row) throw new NotFoundError('Anggota panitia tidak ditemukan');
  return presentMember(row);
}

/** Adds a member of the organising committee (panitia). */
export async function addCommitteeMember(ctx: Ctx, activityId: string, input: z.output<typeof committeeMemberInput>) {
  authorize(ctx.actor, 'activity.write');
  return inTransaction(ctx, async (tx) => {
    await touchActivity(tx.db, activityId);
    const [row] = await tx.db
      .insert(committeeMembers)
      .values({ activityId, role: input.role, name: input.name, position: input.position ?? null, nip: input.nip ?? null })
      .returning();
    const member = presentMember(row!);
    await audit(tx, { action: 'committeeMember.create', entityType: 'committee_member', entityId: member.id, after: member });
    return member;
  });
}

export async function updateCommitteeMember(ctx: Ctx, activityId: string, memberId: string, input: z.output<typeof updateCommitteeMemberInput>) {
  authorize(ctx.actor, 'activity.write');
  return inTransaction(ctx, async (tx) => {
    const before = await findMember(tx.db, activityId, memberId);
    await touchActivity(tx.db, activityId);
    const [row] = await tx.db
      .update(committeeMembers)
      .set({ role: input.role, name: input.name, position: input.position, nip: input.nip })
      .where(eq(committeeMembers.id, memberId))
      .returning();
    const after = presentMember(row!);
    await audit(tx, { action: 'committeeMember.update', entityType: 'committee_member', entityId: memberId, before, after });
    return after;
  });
}

export async function removeCommitteeMember(ctx: Ctx, activityId: string, memberId: string): Promise<void> {
  authorize(ctx.actor, 'activity.write');
  await inTransaction(ctx, async (tx) => {
    const before = await findMember(tx.db, activityId, memberId);
    await touchActivity(tx.db, activityId);
    await tx.db.delete(committeeMembers).where(eq(committeeMembers.id, memberId));
    await audit(tx, { action: 'committeeMember.delete', entityType: 'committee_member', entityId: memberId, before });
  });
}
