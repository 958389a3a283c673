import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { loadConfig } from '../config';
import { createTestDatabase } from '../../../test/helpers/testDatabase';
import { waitFor } from '../../../test/helpers/waitFor';
import { defineQueue, enqueue, installJobs, jobTimeZone, startJobs, type JobsRuntime, type QueueDefinition } from './jobs';

const config = loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://simpul.test' });
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const mailer = { send: async () => {} };

// What the handlers saw, per queue, with the runtime that ran them.
const seen: Record<string, { data: unknown; by: string; retryCount: number; at: number }[]> = {};
const record = (queue: string, by: string) => async (data: unknown, jc: { job: { retryCount: number } }) => {
  seen[queue] ??= [];
  seen[queue].push({ data, by, retryCount: jc.job.retryCount, at: Date.now() });
  await new Promise((r) => setTimeout(r, 20)); // some work, so both processes get a share
};

const okQueue = defineQueue({ name: 'test_ok', label: 'uji', schema: z.object({ n: z.number().int() }), handler: async () => {} });
const throwingQueue = defineQueue({
  name: 'test_throws',
  label: 'uji',
  schema: z.object({ n: z.number() }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  retryBackoff: true,
  handler: async () => {
    throw new Error('penangan gagal: layanan pihak ketiga menolak');
  },
});
const crashQueue = defineQueue({
  name: 'test_crash',
  label: 'uji',
  schema: z.object({ n: z.number() }),
  expireInSeconds: 1,
  retryDelaySeconds: 0,
  retryBackoff: false,
  handler: async () => {},
});
const cronQueue = defineQueue({
  name: 'test_cron',
  label: 'uji',
  schema: z.object({ who: z.string() }),
  cron: { expression: '* * * * *', data: { who: 'jadwal' } },
  handler: async () => {},
});
const queues = [okQueue, throwingQueue, crashQueue, cronQueue] as unknown as QueueDefinition[];

/** A runtime whose handlers record into `seen` under its name. */
function withRecorder(name: string): QueueDefinition[] {
  return queues.map((q) => ({ ...q, handler: q.name === 'test_throws' ? q.handler : record(q.name, name) })) as QueueDefinition[];
}

let database: Database;
let other: Database | null = null;
const runtimes: JobsRuntime[] = [];
async function start(name: string, db = database, opts: { work?: boolean } = {}) {
  const r = await startJobs({
    database: db,
    config,
    mailer,
    log: silent,
    queues: withRecorder(name),
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    ...opts,
  });
  runtimes.push(r);
  return r;
}

async function jobs(queue: string) {
  const r = await database.db.execute(
    sql`select id, state, retry_count as "retryCount", output, start_after > now() as "later" from pgboss.job where name = ${queue} order by created_on`,
  );
  return (
    r as unknown as { rows: { id: string; state: string; retryCount: number; output: { message?: string } | null; later: boolean }[] }
  ).rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await installJobs(database, queues);
});
afterAll(async () => {
  for (const r of runtimes) await r.stop();
  await other?.close();
  await database.close();
});

describe('job queue (pg-boss on the application database)', () => {
  it('queues a job only when the transaction that asks for it commits', async () => {
    await database.db
      .transaction(async (tx) => {
        await enqueue({ db: tx as never }, okQueue, { n: 1 });
        throw new Error('batal');
      })
      .catch(() => undefined);
    expect(await jobs('test_ok')).toHaveLength(0);
    await database.db.transaction(async (tx) => {
      await enqueue({ db: tx as never }, okQueue, { n: 2 });
    });
    expect((await jobs('test_ok')).map((j) => j.state)).toEqual(['created']);
  });

  it('refuses a payload that does not match the queue schema when queuing', async () => {
    await expect(enqueue({ db: database.db }, okQueue, { n: 'dua' } as never)).rejects.toThrow(/invalid payload/);
  });

  it('runs each job once with two processes working the same queue', async () => {
    // Two runtimes (on PostgreSQL: a second connection pool, as a second process would have).
    const pgUrl = (database as { url?: string }).url;
    if (pgUrl) {
      const { openDatabase } = await import('../db/client');
      other = await openDatabase({ databaseUrl: pgUrl });
    }
    await start('A');
    await start('B', other ?? database);
    const batch = () => (seen.test_ok ?? []).filter((s) => (s.data as { n: number }).n >= 100);
    await database.db.transaction(async (tx) => {
      for (let n = 100; n < 140; n++) await enqueue({ db: tx as never }, okQueue, { n });
    });
    await waitFor(() => batch().length >= 40, 20_000, 'all jobs done');
    await new Promise((r) => setTimeout(r, 1500));
    const ns = batch().map((s) => (s.data as { n: number }).n);
    expect(ns.length).toBe(40);
    expect(new Set(ns).size).toBe(40);
    // Both processes took part.
    expect(new Set(batch().map((s) => s.by))).toEqual(new Set(['A', 'B']));
    expect((await jobs('test_ok')).every((j) => j.state === 'completed')).toBe(true);
  });

  it('retries a handler that throws with growing delays, then marks it failed with the error', async () => {
    const id = await enqueue({ db: database.db }, throwingQueue, { n: 1 });
    const first = await waitFor(
      async () => (await jobs('test_throws')).find((j) => j.id === id && j.state === 'retry'),
      10_000,
      'first failure',
    );
    expect(first.later).toBe(true); // waits before the next try
    expect(first.output?.message).toContain('layanan pihak ketiga menolak');
    const failed = await waitFor(
      async () => (await jobs('test_throws')).find((j) => j.id === id && j.state === 'failed'),
      30_000,
      'given up',
    );
    expect(failed.retryCount).toBe(2);
    expect(failed.output?.message).toContain('layanan pihak ketiga menolak');
  }, 40_000);

  it('fails a job whose payload no longer validates at once, with a clear error, without retrying', async () => {
    // Written as an older version of the code would have: the schema now wants a number.
    const { sqlExecutor } = await import('./jobs');
    const boss = runtimes[0]!.boss;
    const id = await boss.send('test_ok', { n: 'lama' }, { db: sqlExecutor(database.db), retryLimit: 5 } as never);
    const failed = await waitFor(async () => (await jobs('test_ok')).find((j) => j.id === id && j.state === 'failed'), 10_000, 'failed');
    expect(failed.retryCount).toBe(0);
    expect(failed.output?.message).toMatch(/Data pekerjaan tidak valid untuk antrean test_ok: n: /);
  });

  it('retries a job whose process died while running it, once the job expires', async () => {
    // A "crashed" process: it claimed the job (state active) and will never report back, like one killed with -9.
    const { default: PgBoss } = await import('pg-boss');
    const { sqlExecutor } = await import('./jobs');
    const crashed = new PgBoss({ db: sqlExecutor(database.db), supervise: false, schedule: false, migrate: false } as never);
    // Queued for later, so the live workers leave it alone; the crashed process takes it regardless of its start time.
    const id = await enqueue({ db: database.db }, crashQueue, { n: 7 }, { startAfter: new Date(Date.now() + 3_600_000) });
    const claimed = (await crashed.fetch('test_crash', { db: sqlExecutor(database.db), ignoreStartAfter: true } as never)) as {
      id: string;
    }[];
    expect(claimed.map((j) => j.id)).toEqual([id]);
    expect((await jobs('test_crash')).find((j) => j.id === id)!.state).toBe('active');
    // After its expiry (1 s) maintenance puts it back, and a live worker runs it.
    const done = await waitFor(
      async () => (await jobs('test_crash')).find((j) => j.id === id && j.state === 'completed'),
      60_000, // pg-boss's first maintenance pass may come a while after start
      'retried after expiry',
    );
    expect(done.retryCount).toBe(1);
    expect(seen.test_crash!.filter((s) => (s.data as { n: number }).n === 7)).toHaveLength(1);
  }, 75_000);

  it('runs recurring work from a cron schedule in Asia/Jakarta time', async () => {
    const r = await database.db.execute(sql`select name, cron, timezone from pgboss.schedule where name = 'test_cron'`);
    expect((r as unknown as { rows: unknown[] }).rows).toEqual([{ name: 'test_cron', cron: '* * * * *', timezone: jobTimeZone }]);
    // Every minute, once for both processes: the next minute's run comes within a minute (and some slack on a
    // loaded machine); a minute never runs twice.
    await waitFor(() => seen.test_cron?.length, 75_000, 'scheduled run');
    await new Promise((r) => setTimeout(r, 2000));
    const runs = seen.test_cron!;
    expect(runs.map((s) => s.data)).toContainEqual({ who: 'jadwal' });
    const minutes = runs.map((s) => Math.floor(s.at / 60_000));
    expect(new Set(minutes).size).toBe(minutes.length);
  }, 90_000);
});
