/**
 * Job queue: 10,000 jobs queued inside transactions, then worked off by a no-op handler, on PGlite and on
 * PostgreSQL in one run.
 *
 *   npx tsx bench/jobs.ts                       # PGlite in a temporary folder, then PostgreSQL
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/jobs.ts
 *   JOBS=2000 npx tsx bench/jobs.ts pglite      # fewer jobs, one database only
 *
 * PostgreSQL: a database `simpul_bench_jobs_<pid>` is created on the server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards; skipped with a note when unreachable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { loadConfig } from '../src/server/config';
import { migrate, openDatabase, type Database } from '../src/server/db/client';
import { defineQueue, enqueue, installJobs, startJobs, type QueueDefinition } from '../src/server/core/jobs';
import { auditLog } from '../src/server/db/schema/index';

const total = Number(process.env.JOBS ?? 10_000);
const only = process.argv[2];
const config = loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent' });
const silent = { info: () => {}, warn: () => {}, error: () => {} };
let handled = 0;
const noop = defineQueue({
  name: 'bench_noop',
  label: 'bench',
  schema: z.object({ n: z.number().int() }),
  handler: async () => {
    handled += 1;
  },
});

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(kind: string, database: Database) {
  await migrate(database);
  await installJobs(database, [noop] as unknown as QueueDefinition[]);
  // Queue: one transaction per job, as a use case does it (its own row, here an audit entry, plus the job).
  const times: number[] = [];
  const started = Date.now();
  for (let n = 0; n < total; n++) {
    const t0 = performance.now();
    await database.db.transaction(async (tx) => {
      await tx.insert(auditLog).values({ actorLabel: 'bench', action: 'bench.enqueue', entityType: 'bench', entityId: String(n) });
      await enqueue({ db: tx as never }, noop, { n });
    });
    times.push(performance.now() - t0);
  }
  const enqueueSeconds = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  // Work: one runtime (one worker, batches of 5 jobs, as Simpul's queues), a handler that does nothing.
  handled = 0;
  const workStarted = Date.now();
  const runtime = await startJobs({
    database,
    config,
    mailer: { send: async () => {} },
    log: silent,
    queues: [noop] as unknown as QueueDefinition[],
    pollingIntervalSeconds: 0.5,
  });
  for (;;) {
    const r = await database.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'bench_noop' and state = 'completed'`);
    if ((r as unknown as { rows: { n: number }[] }).rows[0]!.n >= total) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  const workSeconds = (Date.now() - workStarted) / 1000;
  await runtime.stop();
  console.log(
    `${kind.padEnd(10)} queue ${total} jobs, 1 per transaction: p50 ${pct(times, 50).toFixed(2)} ms, p99 ${pct(times, 99).toFixed(2)} ms per transaction ` +
      `(${Math.round(total / enqueueSeconds)} tx/s) | worked off in ${workSeconds.toFixed(1)} s: ${Math.round(total / workSeconds)} jobs/s (handler calls ${handled})`,
  );
}

console.log(
  `cores ${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${total} jobs`,
);

if (!only || only === 'pglite') {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-jobs-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await run('PGlite', database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!only || only === 'postgres') {
  const { default: pg } = await import('pg');
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `simpul_bench_jobs_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`PostgreSQL  skipped: ${serverUrl} unreachable (${(e as Error).message})`);
    process.exit(0);
  }
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    await run('PostgreSQL', database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
