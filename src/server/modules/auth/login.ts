import { and, count, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import { loginAttempts, sessions, users } from '../../db/schema/index';
import type { Ctx } from '../../core/context';
import { RateLimitedError, UnauthenticatedError } from '../../core/errors';
import { newSecret, sha256, verifyPassword } from '../../core/passwords';
import type { loginInput } from '../../../shared/schemas/auth';

export const loginLimits = { windowMinutes: 15, perAccount: 5, perAddress: 30 };

async function recentFailures(ctx: Ctx, column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) {
  const since = new Date(Date.now() - loginLimits.windowMinutes * 60_000);
  const [row] = await ctx.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}

/** Refuses a password check once the account or the address has too many recent failures (log-in, password change). */
export async function assertPasswordAttemptsAllowed(ctx: Ctx, email: string, refusal: string) {
  const ip = ctx.ip ?? 'unknown';
  if ((await recentFailures(ctx, loginAttempts.email, email)) >= loginLimits.perAccount
    || (await recentFailures(ctx, loginAttempts.ip, ip)) >= loginLimits.perAddress) {
    throw new RateLimitedError(`${refusal} Coba lagi dalam ${loginLimits.windowMinutes} menit.`);
  }
}

/** Checks the password and opens a server-side session; failures are counted per account and per address. */
export async function login(ctx: Ctx, input: z.infer<typeof loginInput>) {
  const ip = ctx.ip ?? 'unknown';
  await assertPasswordAttemptsAllowed(ctx, input.email, 'Terlalu banyak percobaan masuk yang gagal.');
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const ok = !!user && user.active && (await verifyPassword(user.passwordHash, input.password));
  await ctx.db.insert(loginAttempts).values({ email: input.email, ip, success: ok });
  if (!ok || !user) throw new UnauthenticatedError('E-mail atau kata sandi salah');

  const token = newSecret();
  const csrfToken = newSecret(18);
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt, ip });
  await ctx.db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return { token, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

export async function logout(ctx: Ctx, sessionHash: string | undefined) {
  if (sessionHash) await ctx.db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
}
