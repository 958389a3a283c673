import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { apiTokens, sessions, users } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../core/errors';
import { hashPassword, verifyPassword } from '../../core/passwords';
import type { changePasswordInput } from '../../../shared/schemas/auth';
import { admitPasswordCheck, passwordCheckSucceeded } from './login';

export const wrongCurrentPassword = 'Kata sandi saat ini salah';

/**
 * Changes the signed-in user's own password. The current password is checked like a log-in (a wrong one counts
 * as a failed attempt, so this form cannot be used to guess it past the log-in limits); the user's other sessions
 * end, the one making the change stays open; personal API tokens are revoked unless `revokeTokens` is false. Only a browser session may do this, not an API token.
 */
export async function changePassword(
  ctx: Ctx,
  input: z.infer<typeof changePasswordInput>,
  currentSessionHash: string | undefined,
): Promise<{ endedSessions: number; revokedTokens: number }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  if (!currentSessionHash)
    throw new ForbiddenError('Kata sandi hanya dapat diubah setelah masuk dengan e-mail dan kata sandi, bukan dengan token API');
  const attemptId = await admitPasswordCheck(ctx, actor.email, 'Terlalu banyak percobaan kata sandi yang gagal.');
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // The attempt was recorded as a failure before the check (outside any transaction), so it stays counted.
    throw new ValidationError(wrongCurrentPassword, { currentPassword: wrongCurrentPassword });
  }
  await passwordCheckSucceeded(ctx, attemptId);
  if (input.newPassword === input.currentPassword) {
    const same = 'Kata sandi baru harus berbeda dari kata sandi saat ini';
    throw new ValidationError(same, { newPassword: same });
  }

  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ passwordHash }).where(eq(users.id, actor.id));
    // Anyone signed in elsewhere with the old password is signed out; this browser stays signed in.
    const ended = await tx.db
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.id), ne(sessions.tokenHash, currentSessionHash)))
      .returning({ tokenHash: sessions.tokenHash });
    // Tokens used by integrations are revoked too unless the user keeps them (revokeTokens: false).
    const revoked = input.revokeTokens
      ? await tx.db
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id })
      : [];
    await audit(tx, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: actor.id,
      after: { endedSessions: ended.length, revokedTokens: revoked.length },
    });
    return { endedSessions: ended.length, revokedTokens: revoked.length };
  });
}
