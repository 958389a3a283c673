import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { Ctx } from './context';
import type { Mailer } from './mail';

/**
 * Simpul's one job queue: pg-boss 10 on the application's own database.
 *
 * - PostgreSQL: pg-boss gets a small pool of its own on DATABASE_URL.
 * - PGlite: pg-boss talks to the same PGlite instance through its `db` option (PGlite has one connection, so each
 *   queue has one worker taking one job at a time).
 *
 * Modules never touch pg-boss: they declare a queue with `defineQueue` (a zod schema for its payload, the handler,
 * retry and expiry, optionally a cron schedule in Asia/Jakarta), add it to the list in `modules/jobs/queues.ts`, and
 * `enqueue(ctx, queue, data)` inside the transaction of the change that causes the work: a rolled-back change leaves
 * no job, a committed one always has it.
 */

export const jobsSchema = 'pgboss';
export const jobTimeZone = 'Asia/Jakarta';

type Log = { info: (o: object, m?: string) => void; warn: (o: object, m?: string) => void; error: (o: object, m?: string) => void };

/** What a handler gets besides its payload. */
export type JobContext = {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: Log;
  job: { id: string; queue: string; retryCount: number; retryLimit: number; isFinalTry: boolean };
};

export type QueueDefinition<S extends z.ZodType = z.ZodType> = {
  /** Letters, digits and underscores. */
  name: string;
  /** Indonesian label for the administrators' screen. */
  label: string;
  schema: S;
  handler: (data: z.output<S>, jc: JobContext) => Promise<unknown>;
  /** Retries after the first try (pg-boss default here 3), delay before the first retry, and whether it doubles. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A job still active after this long is considered lost (crashed process) and is retried. */
  expireInSeconds?: number;
  /** Jobs fetched at once by a worker (run one after the other); default 5. */
  batchSize?: number;
  /** Recurring work: a cron expression in Asia/Jakarta time and the payload each run gets. */
  cron?: { expression: string; data: z.input<S> };
  /** Runs in the transaction that puts a failed job back in the queue (e.g. the mail log row goes back to queued). */
  onRetry?: (db: Db, data: z.output<S>) => Promise<void>;
  /** Runs once when a serving process starts its workers (e.g. give a job to work queued before the queue existed). */
  onStart?: (db: Db) => Promise<void>;
};

export function defineQueue<S extends z.ZodType>(def: QueueDefinition<S>): QueueDefinition<S> {
  if (!/^[a-z][a-z0-9_]*$/.test(def.name)) throw new Error(`queue name ${def.name}: use lower-case letters, digits and _`);
  return def;
}

/** A handler throws this for a job that can never succeed (e.g. a payload that no longer validates): failed at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

type SqlResult = { rows: Record<string, unknown>[] };
export type SqlExecutor = { executeSql: (text: string, values?: unknown[]) => Promise<SqlResult> };

type PgliteLike = {
  query: (text: string, values?: unknown[]) => Promise<SqlResult>;
  exec: (text: string) => Promise<SqlResult[]>;
};

/**
 * pg-boss's `db` adapter over a Drizzle database or an open Drizzle transaction. On PGlite, SQL without parameters
 * goes through `exec` (pg-boss sends multi-statement scripts: its schema install, maintenance in BEGIN..COMMIT);
 * with parameters through `query`. On PostgreSQL the pool or the transaction's client answers both.
 */
export function sqlExecutor(db: Db): SqlExecutor {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as
    | PgliteLike
    | { query: PgliteLike['query'] }
    | undefined;
  if (!client) throw new Error('sqlExecutor: not a Drizzle database or transaction');
  return pgliteOrPg(client);
}

function pgliteOrPg(client: PgliteLike | { query: PgliteLike['query'] }): SqlExecutor {
  if ('exec' in client && typeof client.exec === 'function') {
    const pglite = client as PgliteLike;
    return {
      async executeSql(text, values) {
        if (values && values.length > 0) return pglite.query(text, values);
        try {
          const results = await pglite.exec(text);
          return results[results.length - 1] ?? { rows: [] };
        } catch (e) {
          // A script with BEGIN that fails half-way would leave the single connection in an aborted transaction.
          if (/\bBEGIN\b/i.test(text)) await pglite.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      },
    };
  }
  return { executeSql: (text, values) => client.query(text, values) };
}

/** A pg-boss instance that is never started: it only builds and runs pg-boss's SQL over the `db` it is given. */
function bossOver(executor: SqlExecutor): PgBoss {
  return new PgBoss({ db: executor, schema: jobsSchema, supervise: false, schedule: false, migrate: false } as PgBoss.ConstructorOptions);
}
const sender = bossOver({ executeSql: async () => ({ rows: [] }) });

/** Installs pg-boss's schema (once; about 50 ms) and creates or updates the queues. Safe to run from several processes. */
export async function installJobs(database: Database, queues: QueueDefinition[]): Promise<void> {
  const executor = databaseExecutor(database);
  const installed = await executor.executeSql(`SELECT to_regclass('${jobsSchema}.version') IS NOT NULL AS "installed"`);
  if (!installed.rows[0]?.installed) {
    try {
      await executor.executeSql(PgBoss.getConstructionPlans(jobsSchema));
    } catch (e) {
      // Two processes starting at once: the second finds the schema made by the first.
      if (!String((e as Error).message).includes('already exists')) throw e;
    }
  }
  const boss = bossOver(executor);
  for (const q of queues) {
    const options = queueOptions(q);
    await boss.createQueue(q.name, { name: q.name, ...options } as PgBoss.Queue);
    await boss.updateQueue(q.name, { name: q.name, ...options } as PgBoss.Queue);
  }
}

function queueOptions(q: QueueDefinition) {
  return {
    policy: 'standard' as const,
    retryLimit: q.retryLimit ?? 3,
    retryDelay: q.retryDelaySeconds ?? 30,
    retryBackoff: q.retryBackoff ?? true,
    expireInSeconds: q.expireInSeconds ?? 15 * 60,
    // Done and failed jobs stay visible for two weeks.
    retentionMinutes: 14 * 24 * 60,
  };
}

function databaseExecutor(database: Database): SqlExecutor {
  const client = (database as unknown as { client?: PgliteLike }).client;
  return client ? pgliteOrPg(client) : sqlExecutor(database.db);
}

export type EnqueueOptions = {
  /** Run no earlier than this (a Date) or this many seconds from now. */
  startAfter?: Date | number;
  /** pg-boss job id (a UUID), when the caller wants to record it beside its own row. */
  id?: string;
  /** At most one queued job per key (the queue keeps the first). */
  singletonKey?: string;
  priority?: number;
};

/**
 * Queues a job through the caller's database handle: inside `inTransaction` it is part of that transaction.
 * The payload is checked against the queue's schema first: a bad payload is a programming error, thrown here.
 * Returns the job id.
 */
export async function enqueue<S extends z.ZodType>(
  ctx: Pick<Ctx, 'db'>,
  queue: QueueDefinition<S>,
  data: z.input<S>,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = queue.schema.safeParse(data);
  if (!parsed.success) throw new Error(`enqueue ${queue.name}: invalid payload: ${parsed.error.message}`);
  const id = options.id ?? randomUUID();
  const startAfter = options.startAfter instanceof Date ? options.startAfter.toISOString() : options.startAfter;
  // pg-boss checks the keys present, so leave out the ones not given.
  const send: Record<string, unknown> = { db: sqlExecutor(ctx.db), id };
  if (startAfter !== undefined) send.startAfter = startAfter;
  if (options.singletonKey !== undefined) send.singletonKey = options.singletonKey;
  if (options.priority !== undefined) send.priority = options.priority;
  const sent = await sender.send(queue.name, parsed.data as object, send as PgBoss.SendOptions);
  if (!sent && !options.singletonKey)
    throw new Error(`enqueue ${queue.name}: the queue does not exist (is it listed in modules/jobs/queues.ts?)`);
  return sent ?? id;
}

/** Sets (or changes) a recurring job: cron in Asia/Jakarta time; one run per minute slot across all processes. */
export async function schedule<S extends z.ZodType>(db: Db, queue: QueueDefinition<S>, cron: string, data: z.input<S>): Promise<void> {
  const parsed = queue.schema.parse(data);
  await bossOver(sqlExecutor(db)).schedule(queue.name, cron, parsed as object, { tz: jobTimeZone });
}

/** Puts a failed job back in the queue (one more try). Returns false when the job is not failed. */
export async function retryJob(db: Db, queue: string, id: string): Promise<boolean> {
  const r = await sender.retry(queue, id, { db: sqlExecutor(db) } as never);
  return (r as unknown as { affected: number }).affected > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The running side: one per serving process (and per test app).

export type JobsRuntimeOptions = {
  database: Database;
  config: Config;
  mailer: Mailer;
  log: Log;
  queues: QueueDefinition[];
  /** How often an idle worker looks for work (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are looked for (crash recovery) and old ones archived. */
  maintenanceIntervalSeconds?: number;
  /** false: install and create queues but run no worker and no schedule (tools, some tests). */
  work?: boolean;
  /** false: no cron schedules in this process (tests: a scheduled run must not surprise a test). */
  schedules?: boolean;
};

export type JobsRuntime = {
  /** Wakes this process's worker of a queue at once (after a commit that queued work for it). */
  wake: (queue: string) => void;
  /** The pg-boss instance, for tests and benchmarks only. */
  boss: PgBoss;
  stop: () => Promise<void>;
};

const running = new Set<JobsRuntime>();

/** Wakes the workers of a queue in every runtime of this process; other processes find the job at their next poll. */
export function wakeWorkers(queue: string): void {
  for (const r of running) r.wake(queue);
}

export async function startJobs(opts: JobsRuntimeOptions): Promise<JobsRuntime> {
  const { database, queues, log } = opts;
  await installJobs(database, queues);
  const pgliteClient = (database as unknown as { client?: PgliteLike }).client;
  const connection: Record<string, unknown> = pgliteClient
    ? { db: pgliteOrPg(pgliteClient) }
    : {
        connectionString: (database as { url?: string }).url ?? poolConnectionString(database.db),
        max: 4,
        application_name: 'simpul-jobs',
      };
  const boss = new PgBoss({
    ...connection,
    schema: jobsSchema,
    migrate: true,
    supervise: opts.work !== false,
    schedule: opts.work !== false && opts.schedules !== false,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    // Failed jobs stay in the live table (retryable from the screen) for two weeks.
    archiveFailedAfterSeconds: 14 * 24 * 3600,
    cronWorkerIntervalSeconds: Math.max(1, Math.round(opts.pollingIntervalSeconds ?? 5)),
  } as PgBoss.ConstructorOptions);
  boss.on('error', (e: Error) => log.warn({ err: e.message }, 'job queue error'));
  await boss.start();
  const workerIds = new Map<string, string>();
  if (opts.work !== false) {
    for (const q of queues) {
      // Jobs of a batch run one after the other (PGlite has one connection), each completed or failed on its own;
      // after a non-empty batch the worker looks again at once instead of sleeping its polling interval.
      const id = await boss.work(
        q.name,
        { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: q.batchSize ?? 5, includeMetadata: true },
        async (batch) => {
          const done: string[] = [];
          let output: object | undefined;
          for (const job of batch as unknown as PgBoss.JobWithMetadata[]) {
            try {
              const result = await runJob(q, job, { db: database.db, config: opts.config, mailer: opts.mailer, log });
              done.push(job.id);
              if (result !== undefined && result !== null) output = result as object;
            } catch (e) {
              await boss.fail(q.name, job.id, e as object);
            }
          }
          // One statement completes the batch's successes (a job's result is kept when it ran alone).
          if (done.length) await boss.complete(q.name, done, done.length === 1 ? output : undefined);
          boss.notifyWorker(workerIds.get(q.name)!);
        },
      );
      workerIds.set(q.name, id);
      if (q.onStart) await q.onStart(database.db);
      if (q.cron && opts.schedules !== false) await schedule(database.db, q, q.cron.expression, q.cron.data);
    }
  }
  const runtime: JobsRuntime = {
    boss,
    wake: (queue) => {
      const id = workerIds.get(queue);
      if (id) boss.notifyWorker(id);
    },
    stop: async () => {
      running.delete(runtime);
      await boss.stop({ graceful: true, timeout: 5000, close: true });
    },
  };
  running.add(runtime);
  return runtime;
}

function poolConnectionString(db: Db): string {
  const pool = (db as unknown as { session?: { client?: { options?: { connectionString?: string } } } }).session?.client;
  const url = pool?.options?.connectionString;
  if (!url) throw new Error('jobs: no PostgreSQL connection string');
  return url;
}

async function runJob(q: QueueDefinition, job: PgBoss.JobWithMetadata, deps: Omit<JobContext, 'job'>) {
  const meta = {
    id: job.id,
    queue: q.name,
    retryCount: job.retryCount,
    retryLimit: job.retryLimit,
    isFinalTry: job.retryCount >= job.retryLimit,
  };
  const parsed = q.schema.safeParse(job.data);
  try {
    if (!parsed.success) {
      throw new PermanentJobError(
        `Data pekerjaan tidak valid untuk antrean ${q.name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ')}`,
      );
    }
    return await q.handler(parsed.data, { ...deps, job: meta });
  } catch (e) {
    if (e instanceof PermanentJobError && !meta.isFinalTry) {
      // pg-boss retries while retry_count < retry_limit: close that gap so this failure is the last.
      await sqlExecutor(deps.db).executeSql(`UPDATE ${jobsSchema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
        q.name,
        job.id,
      ]);
    }
    if (meta.isFinalTry || e instanceof PermanentJobError)
      deps.log.warn({ queue: q.name, job: job.id, err: (e as Error).message }, 'job failed for good');
    throw e;
  }
}
