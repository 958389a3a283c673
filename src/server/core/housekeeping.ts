import { lt, or, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempts, sessions, userTokens } from '../db/schema/index';

/** Removes what has no use any more: expired sessions, spent or expired one-time links, old log-in attempts. */
export async function removeExpiredRecords(db: Db, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const s = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ k: sessions.tokenHash });
  const t = await db.delete(userTokens).where(or(lt(userTokens.expiresAt, now), isNotNull(userTokens.usedAt))).returning({ k: userTokens.tokenHash });
  const a = await db.delete(loginAttempts).where(lt(loginAttempts.at, dayAgo)).returning({ k: loginAttempts.id });
  return { sessions: s.length, userTokens: t.length, loginAttempts: a.length };
}

/** Runs removeExpiredRecords hourly in the background; returns a stop function. */
export function startHousekeeping(db: Db, log: { warn: (o: object, m: string) => void }, intervalMs = 3600_000) {
  const timer = setInterval(() => {
    removeExpiredRecords(db).catch((e) => log.warn({ err: (e as Error).message }, 'housekeeping failed'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
