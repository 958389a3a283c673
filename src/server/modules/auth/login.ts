import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { loginAttempts, sessions, users } from '../../db/schema/index';
import type { Ctx, Role } from '../../core/context';
import { DomainError, UnauthenticatedError } from '../../core/errors';
import { newSecret, sha256, verifyPassword } from '../../core/passwords';
import type { loginInput } from '../../../shared/schemas/auth';

/**
 * Password-guessing limits (log-in and password change share them).
 * - Per account: the first `freeFailures` wrong passwords since the last success are answered at once; after that
 *   each further check must wait `firstDelaySeconds`, doubling with every failure, at most `maxDelayMinutes`, counted
 *   from the last failure. Failures older than `windowMinutes` are forgotten. A successful log-in or a password
 *   reset through the e-mailed link clears the count. No lock is ever longer than `maxDelayMinutes`.
 * - Per client address: `perAddress` failures in `addressWindowMinutes` stop every further check from it.
 */
export const loginLimits = {
  windowMinutes: 60,
  freeFailures: 5,
  firstDelaySeconds: 30,
  maxDelayMinutes: 15,
  perAddress: 30,
  addressWindowMinutes: 15,
};

/** Seconds an account must wait after `failures` recent failures before the next password check. */
export function delaySecondsAfter(failures: number): number {
  if (failures < loginLimits.freeFailures) return 0;
  const exponent = Math.min(failures - loginLimits.freeFailures, 30);
  return Math.min(loginLimits.firstDelaySeconds * 2 ** exponent, loginLimits.maxDelayMinutes * 60);
}

/**
 * An argon2id hash (same parameters as real ones) of a random string nobody knows. Unknown addresses, accounts
 * without a password yet and inactive accounts are checked against it, so every log-in costs one argon2 verification
 * and the answer time does not tell which addresses have accounts.
 */
export const dummyPasswordHash = '$argon2id$v=19$m=19456,t=2,p=1$JE2aCFm33sUqq2K96IYlJw$V2WPScALZBPSNDJr+qHzr0SVKL/0Df/SBMuuAXe/h+g';

function waitText(seconds: number) {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} menit` : `${Math.max(1, Math.ceil(seconds))} detik`;
}

/**
 * Admits one password check for `email` or refuses it (429). Counting and recording happen in one transaction that
 * holds a lock on the address (and on the client address), so simultaneous attempts are admitted one after another
 * and never more than the limit reach the password check. The attempt is recorded as a failure before the check;
 * `passwordCheckSucceeded` turns it into a success. Unknown addresses go through exactly the same steps.
 */
export async function admitPasswordCheck(ctx: Ctx, email: string, refusal: string): Promise<number> {
  const ip = ctx.ip ?? 'unknown';
  return ctx.db.transaction(async (tx) => {
    // Account first, then address: every transaction takes them in this order, so they cannot deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-account:${email}`}, 0))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`);
    const result = await tx.execute(sql`
      with last_success as (
        select coalesce(max(${loginAttempts.at}), '-infinity'::timestamptz) as at
        from ${loginAttempts} where ${loginAttempts.email} = ${email} and ${loginAttempts.success}
      )
      select
        (select count(*)::int from ${loginAttempts}
          where ${loginAttempts.email} = ${email} and not ${loginAttempts.success}
            and ${loginAttempts.at} > greatest((select at from last_success), clock_timestamp() - make_interval(mins => ${loginLimits.windowMinutes}))
        ) as account_failures,
        (select extract(epoch from clock_timestamp() - max(${loginAttempts.at}))::float8 from ${loginAttempts}
          where ${loginAttempts.email} = ${email} and not ${loginAttempts.success}
        ) as seconds_since_failure,
        (select count(*)::int from ${loginAttempts}
          where ${loginAttempts.ip} = ${ip} and not ${loginAttempts.success}
            and ${loginAttempts.at} > clock_timestamp() - make_interval(mins => ${loginLimits.addressWindowMinutes})
        ) as address_failures`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      account_failures: number;
      seconds_since_failure: number | null;
      address_failures: number;
    }[];
    const row = rows[0]!;
    if (Number(row.address_failures) >= loginLimits.perAddress) {
      throw new DomainError('rate_limited', `${refusal} Coba lagi dalam ${loginLimits.addressWindowMinutes} menit.`, {
        retryAfterSeconds: loginLimits.addressWindowMinutes * 60,
      });
    }
    const delay = delaySecondsAfter(Number(row.account_failures));
    const waited = row.seconds_since_failure === null ? Infinity : Number(row.seconds_since_failure);
    if (delay > 0 && waited < delay) {
      const left = Math.ceil(delay - waited);
      throw new DomainError(
        'rate_limited',
        `${refusal} Coba lagi dalam ${waitText(left)}, atau atur ulang kata sandi lewat "Lupa kata sandi".`,
        {
          retryAfterSeconds: left,
        },
      );
    }
    const [attempt] = await tx
      .insert(loginAttempts)
      .values({ email, ip, success: false, at: sql`clock_timestamp()` })
      .returning({ id: loginAttempts.id });
    return attempt!.id;
  });
}

/** Marks an admitted attempt as successful: the account's failure count starts again from zero. */
export async function passwordCheckSucceeded(ctx: Ctx, attemptId: number) {
  await ctx.db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
}

/** Checks the password and opens a server-side session; failures are counted per account and per address. */
export async function login(ctx: Ctx, input: z.infer<typeof loginInput>) {
  const ip = ctx.ip ?? 'unknown';
  const attemptId = await admitPasswordCheck(ctx, input.email, 'Terlalu banyak percobaan masuk yang gagal.');
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  // The same argon2 work whether the account exists, is inactive or has no password yet.
  const usable = !!user && user.active && !!user.passwordHash;
  const matches = await verifyPassword(usable ? user.passwordHash : dummyPasswordHash, input.password);
  if (!usable || !matches || !user) throw new UnauthenticatedError('E-mail atau kata sandi salah');
  await passwordCheckSucceeded(ctx, attemptId);

  const token = newSecret();
  const csrfToken = newSecret(18);
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt, ip });
  await ctx.db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return { token, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role } };
}

export async function logout(ctx: Ctx, sessionHash: string | undefined) {
  if (sessionHash) await ctx.db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
}
