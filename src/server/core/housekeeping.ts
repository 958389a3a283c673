import { and, isNull, lt, or, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { forumAttachments, forumUnsubscribeTokens, loginAttempts, sessions, userTokens } from '../db/schema/index';
import { defineQueue } from './jobs';

/** An upload not attached to anything (a forum attachment never posted) and a file nothing refers to wait this long. */
export const unusedFileGraceMs = 24 * 3600_000;

/**
 * Removes what has no use any more: expired sessions, spent or expired one-time links, old log-in attempts,
 * expired forum unsubscribe links, forum attachments uploaded but never posted, and stored files that no row refers
 * to any more (a replaced logo, the attachments of a deleted post), a day after their upload.
 */
export async function removeExpiredRecords(db: Db, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const graceAgo = new Date(now.getTime() - unusedFileGraceMs);
  const s = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ k: sessions.tokenHash });
  const t = await db
    .delete(userTokens)
    .where(or(lt(userTokens.expiresAt, now), isNotNull(userTokens.usedAt)))
    .returning({ k: userTokens.tokenHash });
  const a = await db.delete(loginAttempts).where(lt(loginAttempts.at, dayAgo)).returning({ k: loginAttempts.id });
  const u = await db
    .delete(forumUnsubscribeTokens)
    .where(lt(forumUnsubscribeTokens.expiresAt, now))
    .returning({ k: forumUnsubscribeTokens.tokenHash });
  const f = await db
    .delete(forumAttachments)
    .where(and(isNull(forumAttachments.topicId), isNull(forumAttachments.replyId), lt(forumAttachments.createdAt, graceAgo)))
    .returning({ k: forumAttachments.id });
  const files = await removeUnusedFiles(db, graceAgo);
  return {
    sessions: s.length,
    userTokens: t.length,
    loginAttempts: a.length,
    unsubscribeTokens: u.length,
    unpostedAttachments: f.length,
    files,
  };
}

/**
 * Deletes stored files older than `before` that no foreign key refers to. The referring columns are read from the
 * catalogue, so a module that adds a table with a file column is covered without being listed here.
 */
async function removeUnusedFiles(db: Db, before: Date): Promise<number> {
  const refs = (
    (await db.execute(sql`
      select quote_ident(n.nspname) || '.' || quote_ident(cl.relname) as tbl, quote_ident(a.attname) as col
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'public.files'::regclass and array_length(c.conkey, 1) = 1
    `)) as unknown as { rows: { tbl: string; col: string }[] }
  ).rows;
  const unused = refs.map((r) => sql`not exists (select 1 from ${sql.raw(r.tbl)} x where x.${sql.raw(r.col)} = f.id)`);
  const removed = (await db.execute(sql`
    delete from files f where f.created_at < ${before.toISOString()}::timestamptz and ${sql.join(unused, sql` and `)}
    returning f.id
  `)) as unknown as { rows: unknown[] };
  return removed.rows.length;
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
