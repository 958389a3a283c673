import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { mailOutbox } from '../db/schema/index';
import type { Ctx } from './context';
import type { Mail, Mailer } from './mail';

export const maxMailAttempts = 12;
export const sentBodyPlaceholder = '(isi dihapus setelah terkirim)';

/** Queues a mail inside the caller's transaction: it is sent only if the change commits. */
export async function enqueueMail(ctx: Ctx, mail: Mail): Promise<void> {
  await ctx.db.insert(mailOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null });
}

/** Minutes to wait before the next try: 1, 2, 4, ... up to 6 hours. */
function backoffMinutes(attempts: number) {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

/**
 * Sends the mail that is due. Rows are claimed first (an update with SKIP LOCKED), so several processes can
 * run this at once without sending twice, and no transaction stays open while SMTP talks.
 * SMTP failures never throw: they are recorded on the row and retried later with a growing delay.
 */
export async function deliverPendingMail(db: Db, mailer: Mailer, limit = 20): Promise<{ sent: number; failed: number }> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        isNull(mailOutbox.sentAt),
        lt(mailOutbox.attempts, maxMailAttempts),
        lte(mailOutbox.nextAttemptAt, sql`now()`),
        or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(mailOutbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(mailOutbox)
    .set({ claimedUntil: sql`now() + interval '5 minutes'` })
    .where(inArray(mailOutbox.id, due))
    .returning();
  let sent = 0;
  let failed = 0;
  for (const row of claimed.sort((a, b) => a.id - b.id)) {
    try {
      await mailer.send({ to: row.to, subject: row.subject, text: row.text, html: row.html ?? undefined });
      // The body may hold a one-time link: keep only who, what and when once it has left.
      await db
        .update(mailOutbox)
        .set({ sentAt: new Date(), attempts: row.attempts + 1, claimedUntil: null, lastError: null, text: sentBodyPlaceholder, html: null })
        .where(eq(mailOutbox.id, row.id));
      sent += 1;
    } catch (e) {
      const attempts = row.attempts + 1;
      await db
        .update(mailOutbox)
        .set({
          attempts,
          claimedUntil: null,
          nextAttemptAt: new Date(Date.now() + backoffMinutes(attempts) * 60_000),
          lastError: String((e as Error).message ?? e).slice(0, 500),
        })
        .where(eq(mailOutbox.id, row.id));
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Tries to send right after a commit, so mail usually leaves at once; what fails waits for the worker. */
export async function flushMail(ctx: Ctx): Promise<void> {
  await deliverPendingMail(ctx.db, ctx.mailer).catch(() => undefined);
}

/** Retries due mail in the background; returns a stop function for shutdown. */
export function startMailWorker(db: Db, mailer: Mailer, log: { warn: (o: object, m: string) => void }, intervalMs = 30_000) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const r = await deliverPendingMail(db, mailer);
      if (r.failed) log.warn(r, 'some e-mail could not be delivered; it will be retried');
    } catch (e) {
      log.warn({ err: (e as Error).message }, 'mail worker failed');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
