import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { sessions, users, userTokens } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { hashPassword, newSecret, sha256 } from '../../core/passwords';
import { enqueueMail, flushMail } from '../../core/mailOutbox';
import type { acceptInvitationInput, requestResetInput, resetPasswordInput } from '../../../shared/schemas/auth';

export const linkLifetimeHours = { reset: 1, invite: 24 * 7 } as const;
type Purpose = keyof typeof linkLifetimeHours;

/** Creates a one-time link token (stored hashed) inside the caller's transaction. */
export async function issueUserToken(ctx: Ctx, userId: string, purpose: Purpose): Promise<string> {
  const token = newSecret();
  await ctx.db.insert(userTokens).values({
    tokenHash: sha256(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + linkLifetimeHours[purpose] * 3600_000),
  });
  return token;
}

export function linkFor(ctx: Ctx, purpose: Purpose, token: string) {
  const path = purpose === 'reset' ? 'reset-password' : 'accept-invitation';
  return `${ctx.config.publicUrl}/app/${path}?token=${encodeURIComponent(token)}`;
}

/** Always answers the same way, so the form does not reveal which addresses have accounts. */
export async function requestPasswordReset(ctx: Ctx, input: z.infer<typeof requestResetInput>) {
  const [user] = await ctx.db.select().from(users).where(and(eq(users.email, input.email), eq(users.active, true))).limit(1);
  if (!user || !user.passwordHash) return;
  await inTransaction(ctx, async (tx) => {
    const token = await issueUserToken(tx, user.id, 'reset');
    await enqueueMail(tx, {
      to: user.email,
      subject: 'Atur ulang kata sandi Simpul',
    text: `Yth. ${user.name},\n\nUntuk mengatur ulang kata sandi Anda, buka tautan berikut (berlaku ${linkLifetimeHours.reset} jam, sekali pakai):\n${linkFor(ctx, 'reset', token)}\n\nAbaikan e-mail ini bila Anda tidak memintanya.\n\nSimpul - Koordinasi Kehumasan`,
    });
  });
  await flushMail(ctx);
}

async function consumeToken(ctx: Ctx, token: string, purpose: Purpose) {
  const [row] = await ctx.db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, sha256(token)), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())))
    .limit(1);
  if (!row) {
    throw new ValidationError('Tautan tidak berlaku lagi (kedaluwarsa atau sudah dipakai). Mintalah tautan baru.', { token: 'Tautan tidak berlaku' });
  }
  await ctx.db.update(userTokens).set({ usedAt: new Date() }).where(eq(userTokens.tokenHash, row.tokenHash));
  return row;
}

export async function resetPassword(ctx: Ctx, input: z.infer<typeof resetPasswordInput>) {
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    const row = await consumeToken(tx, input.token, 'reset');
    await tx.db.update(users).set({ passwordHash }).where(eq(users.id, row.userId));
    // A reset ends every open session of the account.
    await tx.db.delete(sessions).where(eq(sessions.userId, row.userId));
    await audit(tx, { action: 'user.password_reset', entityType: 'user', entityId: row.userId });
  });
}

export async function acceptInvitation(ctx: Ctx, input: z.infer<typeof acceptInvitationInput>) {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const row = await consumeToken(tx, input.token, 'invite');
    const patch = { passwordHash, ...(input.name ? { name: input.name } : {}) };
    const [user] = await tx.db.update(users).set(patch).where(eq(users.id, row.userId)).returning();
    await audit(tx, { action: 'user.invitation_accepted', entityType: 'user', entityId: row.userId });
    return { email: user!.email };
  });
}
