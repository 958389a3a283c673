import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { mailOutbox } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError, StateError } from '../../core/errors';
import { jobTimeZone, jobsSchema, retryJob as retryInQueue, wakeWorkers, type QueueDefinition } from '../../core/jobs';
import { authorize } from '../../core/policy';
import { jobStates, type JobState, type failedJobsQuery, type jobParams, type mailLogQuery } from '../../../shared/schemas/jobs';
import { allQueues } from './queues';

const queueByName = new Map<string, QueueDefinition>(allQueues.map((q) => [q.name, q]));
const labelOf = (name: string) => queueByName.get(name)?.label ?? name;

async function rows<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  const r = await ctx.db.execute(query);
  return (r as unknown as { rows: T[] }).rows;
}

/** Each of Simpul's queues with its jobs counted by state (jobs done more than 12 hours ago are archived). */
export async function listQueues(ctx: Ctx) {
  authorize(ctx.actor, 'jobs.manage');
  const counted = await rows<{ name: string; state: JobState; n: number }>(
    ctx,
    sql`select name, state::text as state, count(*)::int as n from ${sql.raw(jobsSchema)}.job where name not like '\\_\\_pgboss%' group by name, state`,
  );
  const schedules = await rows<{ name: string; cron: string }>(ctx, sql`select name, cron from ${sql.raw(jobsSchema)}.schedule`);
  const names = [...new Set([...allQueues.map((q) => q.name), ...counted.map((c) => c.name)])];
  return {
    timeZone: jobTimeZone,
    items: names.map((name) => ({
      name,
      label: labelOf(name),
      counts: Object.fromEntries(jobStates.map((s) => [s, counted.find((c) => c.name === name && c.state === s)?.n ?? 0])) as Record<
        JobState,
        number
      >,
      cron: queueByName.get(name)?.cron?.expression ?? schedules.find((s) => s.name === name)?.cron ?? null,
    })),
  };
}

/** The message a failed job left: pg-boss stores the thrown error (or its own timeout note) as JSON. */
function errorOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  if (typeof o.message === 'string') return o.message;
  if (o.value && typeof o.value.message === 'string') return o.value.message;
  return JSON.stringify(output).slice(0, 500);
}

/** Failed jobs, newest first, with their error. */
export async function listFailedJobs(ctx: Ctx, q: z.infer<typeof failedJobsQuery>) {
  authorize(ctx.actor, 'jobs.manage');
  const where = q.queue ? sql`state = 'failed' and name = ${q.queue}` : sql`state = 'failed'`;
  const [items, [total]] = await Promise.all([
    rows<{
      id: string;
      name: string;
      data: unknown;
      output: unknown;
      retryCount: number;
      createdOn: string | Date;
      completedOn: string | Date | null;
    }>(
      ctx,
      sql`select id, name, data, output, retry_count as "retryCount", created_on as "createdOn", completed_on as "completedOn"
          from ${sql.raw(jobsSchema)}.job where ${where} order by completed_on desc nulls last, id limit ${q.limit} offset ${q.offset}`,
    ),
    rows<{ n: number }>(ctx, sql`select count(*)::int as n from ${sql.raw(jobsSchema)}.job where ${where}`),
  ]);
  return {
    total: total?.n ?? 0,
    items: items.map((j) => ({
      id: j.id,
      queue: j.name,
      queueLabel: labelOf(j.name),
      data: j.data,
      error: errorOf(j.output),
      retryCount: j.retryCount,
      createdOn: new Date(j.createdOn),
      completedOn: j.completedOn ? new Date(j.completedOn) : null,
    })),
  };
}

/** Puts a failed job back in its queue for one more try (a failed mail goes back to "queued"), audited. */
export async function retryFailedJob(ctx: Ctx, p: z.infer<typeof jobParams>) {
  authorize(ctx.actor, 'jobs.manage');
  await inTransaction(ctx, async (tx) => {
    const [job] = await rows<{ state: string; data: unknown; retryCount: number }>(
      tx,
      sql`select state::text as state, data, retry_count as "retryCount" from ${sql.raw(jobsSchema)}.job where name = ${p.queue} and id = ${p.id} for update`,
    );
    if (!job) throw new NotFoundError('Pekerjaan tidak ditemukan');
    if (job.state !== 'failed') throw new StateError('Hanya pekerjaan yang gagal yang dapat dicoba lagi.', { state: job.state });
    if (!(await retryInQueue(tx.db, p.queue, p.id))) throw new StateError('Pekerjaan ini tidak dapat dicoba lagi.');
    const def = queueByName.get(p.queue);
    if (def?.onRetry) {
      const parsed = def.schema.safeParse(job.data);
      if (parsed.success) await def.onRetry(tx.db, parsed.data);
    }
    await audit(tx, {
      action: 'job.retry',
      entityType: 'job',
      entityId: p.id,
      before: { queue: p.queue, state: 'failed', retryCount: job.retryCount },
      after: { queue: p.queue, state: 'retry' },
    });
  });
  wakeWorkers(p.queue);
  return { ok: true as const, state: 'retry' as const };
}

/** The mail log, newest first, filtered by recipient and state. Bodies only of mail that never left (no SMTP). */
export async function listMailLog(ctx: Ctx, q: z.infer<typeof mailLogQuery>) {
  authorize(ctx.actor, 'jobs.manage');
  const where: SQL[] = [];
  if (q.to) where.push(ilike(mailOutbox.to, `%${q.to.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.state) where.push(eq(mailOutbox.state, q.state));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    ctx.db.select().from(mailOutbox).where(cond).orderBy(desc(mailOutbox.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(mailOutbox).where(cond),
  ]);
  return {
    smtpConfigured: ctx.mailer.configured !== false,
    total: total?.n ?? 0,
    items: items.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      state: m.state,
      entityType: m.entityType,
      entityId: m.entityId,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      messageId: m.messageId,
      text: m.state === 'unsent' ? m.text : null,
    })),
  };
}
