import { lt, or, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { loginAttempts, sessions, userTokens } from '../db/schema/index';
import { defineQueue } from './jobs';

/** Removes what has no use any more: expired sessions, spent or expired one-time links, old log-in attempts. */
export async function removeExpiredRecords(db: Db, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const s = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ k: sessions.tokenHash });
  const t = await db
    .delete(userTokens)
    .where(or(lt(userTokens.expiresAt, now), isNotNull(userTokens.usedAt)))
    .returning({ k: userTokens.tokenHash });
  const a = await db.delete(loginAttempts).where(lt(loginAttempts.at, dayAgo)).returning({ k: loginAttempts.id });
  return { sessions: s.length, userTokens: t.length, loginAttempts: a.length };
}

/** Hourly (at minute 7, Asia/Jakarta), once across all processes sharing the database. */
export const housekeepingQueue = defineQueue({
  name: 'housekeeping',
  label: 'Pembersihan berkala',
  schema: z.object({}),
  retryLimit: 2,
  expireInSeconds: 600,
  cron: { expression: '7 * * * *', data: {} },
  handler: async (_data, jc) => {
    const removed = await removeExpiredRecords(jc.db);
    jc.log.info({ removed }, 'housekeeping');
    return removed;
  },
});
