import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { mailOutbox } from '../db/schema/index';
import type { Ctx } from './context';
import { defineQueue, enqueue, wakeWorkers, type JobContext } from './jobs';
import type { Mail } from './mail';

export const sentBodyPlaceholder = '(isi dihapus setelah terkirim)';

/**
 * Mail goes out through the `mail_send` queue: pg-boss retries a failed delivery with a doubling delay
 * (30 s, 1 min, 2 min, ... with jitter) and gives up after 10 retries (about 9-17 hours); a job lost with its
 * process (kill -9) is retried once it expires (5 minutes).
 */
export const mailQueue = defineQueue({
  name: 'mail_send',
  label: 'Pengiriman e-mail',
  schema: z.object({ mailId: z.number().int().positive() }),
  retryLimit: 10,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 300,
  handler: (data, jc) => deliverMail(jc, data.mailId),
  // Retrying a failed mail job from the screen puts its mail back in the queue.
  onRetry: async (db, data) => {
    await db
      .update(mailOutbox)
      .set({ state: 'queued' })
      .where(and(eq(mailOutbox.id, data.mailId), eq(mailOutbox.state, 'failed')));
  },
  // Mail queued before the job queue existed (or by an older version) gets its job.
  onStart: async (db) => {
    const orphans = await db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.state, 'queued'), isNull(mailOutbox.jobId)));
    for (const o of orphans) {
      const jobId = randomUUID();
      await db.transaction(async (tx) => {
        await tx.update(mailOutbox).set({ jobId }).where(eq(mailOutbox.id, o.id));
        await enqueue({ db: tx as unknown as Db }, mailQueue, { mailId: o.id }, { id: jobId });
      });
    }
  },
});

/**
 * Queues a mail inside the caller's transaction: the mail log row and its job commit with the change, or neither
 * exists. Nothing is sent here: the request does not wait for SMTP.
 */
export async function enqueueMail(ctx: Pick<Ctx, 'db' | 'config'>, mail: Mail): Promise<number> {
  const jobId = randomUUID();
  const host = new URL(ctx.config.publicUrl).hostname || 'simpul.local';
  const [row] = await ctx.db
    .insert(mailOutbox)
    .values({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      messageId: `<${randomUUID()}@${host}>`,
      entityType: mail.related?.type ?? null,
      entityId: mail.related?.id ?? null,
      eraseBody: !mail.keepBody,
      attachments: mail.attachments?.length
        ? mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content:
              typeof a.content === 'string'
                ? a.encoding === 'base64'
                  ? a.content
                  : Buffer.from(a.content).toString('base64')
                : a.content.toString('base64'),
            ...(a.cid ? { cid: a.cid } : {}),
          }))
        : null,
      jobId,
    })
    .returning({ id: mailOutbox.id });
  await enqueue(ctx, mailQueue, { mailId: row!.id }, { id: jobId });
  return row!.id;
}

/** After the commit: wakes this process's mail worker so the mail leaves within moments. Never waits for SMTP. */
export async function flushMail(_ctx?: unknown): Promise<void> {
  wakeWorkers(mailQueue.name);
}

/** An SMTP answer that will not change on retry (5xx: unknown mailbox, refused sender). */
function isPermanent(e: unknown) {
  const code = (e as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * The job of mail N sends every queued mail up to N, oldest first, so that mail held back while SMTP was down
 * goes out in order once it is back. Each row is claimed first (claimed_until), so two processes never send the
 * same mail at once; a mail already sent is skipped (none twice). A connection failure stops the run (later
 * mail waits behind it); a permanent refusal of another mail does not block the rest.
 */
async function deliverMail(jc: JobContext, mailId: number): Promise<void> {
  const { db } = jc;
  try {
    const due = await db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.state, 'queued'), lte(mailOutbox.id, mailId)))
      .orderBy(asc(mailOutbox.id))
      .limit(50);
    for (const { id } of due) {
      const [row] = await claim(db, id);
      if (!row) {
        if (id === mailId) throw new Error('E-mail ini sedang dikirim oleh proses lain; diperiksa lagi nanti.');
        continue;
      }
      const failure = await sendOne(jc, row);
      if (failure && id === mailId) throw failure;
      if (failure && !isPermanent(failure)) {
        // The server is unreachable: this mail waits behind the older one (order is kept); say why on its row.
        await db
          .update(mailOutbox)
          .set({ lastError: `Menunggu e-mail sebelumnya: ${errorText(failure)}`.slice(0, 500) })
          .where(and(eq(mailOutbox.id, mailId), eq(mailOutbox.state, 'queued')));
        throw failure;
      }
    }
    // Mine is out: SMTP works, so newer mail waiting behind an earlier failure goes now too (in order), instead of
    // waiting for its own next try. Best effort: a failure here is left to that mail's own job.
    const newer = await db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.state, 'queued'), gt(mailOutbox.id, mailId), isNotNull(mailOutbox.lastError)))
      .orderBy(asc(mailOutbox.id))
      .limit(50);
    for (const { id } of newer) {
      const [row] = await claim(db, id);
      if (row && (await sendOne(jc, row))) break;
    }
  } catch (e) {
    if (jc.job.isFinalTry) {
      await db
        .update(mailOutbox)
        .set({ state: 'failed', claimedUntil: null, lastError: errorText(e) })
        .where(and(eq(mailOutbox.id, mailId), eq(mailOutbox.state, 'queued')));
    }
    throw e;
  }
}

/** Holds a queued mail for 5 minutes, unless another process holds it: then nothing comes back. */
function claim(db: Db, id: number) {
  return db
    .update(mailOutbox)
    .set({ claimedUntil: sql`now() + interval '5 minutes'` })
    .where(
      and(
        eq(mailOutbox.id, id),
        eq(mailOutbox.state, 'queued'),
        or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, sql`now()`)),
      ),
    )
    .returning();
}

function errorText(e: unknown) {
  return String((e as Error)?.message ?? e).slice(0, 500);
}

async function sendOne(jc: JobContext, row: typeof mailOutbox.$inferSelect): Promise<unknown> {
  const { db, mailer } = jc;
  try {
    await mailer.send({
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
      messageId: row.messageId ?? undefined,
      attachments: row.attachments?.map((a) => ({ ...a, encoding: 'base64' as const })),
    });
  } catch (e) {
    await db
      .update(mailOutbox)
      .set({ attempts: row.attempts + 1, claimedUntil: null, lastError: errorText(e) })
      .where(eq(mailOutbox.id, row.id));
    return e;
  }
  // Without SMTP nothing left: keep the body so an administrator can read it in the mail log.
  const unsent = mailer.configured === false;
  await db
    .update(mailOutbox)
    .set({
      state: unsent ? 'unsent' : 'sent',
      sentAt: unsent ? null : new Date(),
      attempts: row.attempts + 1,
      claimedUntil: null,
      lastError: null,
      // The body may hold a one-time link: keep only who, what and when once it has left.
      ...(row.eraseBody && !unsent ? { text: sentBodyPlaceholder, html: null } : {}),
      // Attachments (letters, tickets) can be large: once sent they are not kept.
      ...(!unsent ? { attachments: null } : {}),
    })
    .where(eq(mailOutbox.id, row.id));
  return null;
}
