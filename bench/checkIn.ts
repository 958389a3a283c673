/**
 * Check-in under load, on PGlite and on PostgreSQL in one run.
 *
 * 1. A meeting with 5,000 registrations; 50 concurrent clients send 5,500 check-ins over HTTP: every ticket
 *    once, plus 10 % duplicates (the same ticket scanned again on another phone, a new client id) and retries
 *    (the same request sent again, as after a lost answer), shuffled so duplicates race their originals.
 *    Prints check-ins/s, p50/p99 latency, the answers, and the rows per registration (duplicate rows must be 0).
 * 2. Offline sync: 3 phones each holding 500 queued check-ins (overlapping: 1,000 people in all) sync at the
 *    same time through POST /check-ins/sync in batches of 200; prints the time to converge and the final count
 *    (must be exactly 1,000), then one phone re-sends its whole queue (nothing may change).
 *
 *   npx tsx bench/checkIn.ts                  # PGlite, then PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_PG_URL=none npx tsx bench/checkIn.ts   # PGlite only
 *   BENCH_PGLITE=none npx tsx bench/checkIn.ts   # PostgreSQL only
 * On PostgreSQL it creates a database of its own (simpul_bench_checkin_<random>) and drops it afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { migrate, openDatabase, type Database } from '../src/server/db/client';
import { users } from '../src/server/db/schema/auth';
import { hashPassword } from '../src/server/core/passwords';
import { seedCheckInMeeting } from '../test/helpers/checkInFixture';
import { freePort } from './support';

const registrations = 5_000;
const clients = 50;
const duplicateShare = 0.1;
const email = 'bench-rina@simpul.local';
const password = 'bench-kata-sandi-123';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** The load generator: `clients` keep-alive connections posting the bodies in turn, in a worker thread. */
function runClients(work: { url: string; headers: Record<string, string>; bodies: string[]; clients: number }) {
  const code = `
    const { parentPort, workerData: w } = require('node:worker_threads');
    const latencies = [];
    const answers = {};
    let next = 0;
    Promise.all(Array.from({ length: w.clients }, async () => {
      while (next < w.bodies.length) {
        const body = w.bodies[next++];
        const t = performance.now();
        const res = await fetch(w.url, { method: 'POST', headers: w.headers, body });
        const json = await res.json();
        latencies.push(performance.now() - t);
        const key = res.ok ? json.status : 'HTTP ' + res.status;
        answers[key] = (answers[key] || 0) + 1;
      }
    })).then(() => parentPort.postMessage({ latencies, answers }));
  `;
  return new Promise<{ latencies: number[]; answers: Record<string, number> }>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: work });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function run(label: string, database: Database) {
  await migrate(database);
  const [user] = await database.db
    .insert(users)
    .values({ email, name: 'Rina', role: 'committee', passwordHash: await hashPassword(password) })
    .returning();
  const t0 = performance.now();
  const fx = await seedCheckInMeeting(database.db, { managerIds: [user!.id], people: registrations });
  const sync = await seedCheckInMeeting(database.db, { managerIds: [user!.id], people: 1_000 });
  console.log(`${label}: seeded ${registrations.toLocaleString('en-US')} + 1,000 registrations in ${fmt(performance.now() - t0)} ms`);

  const config = loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.local' });
  const app = await buildApp({ config, database, logger: false, jobs: false });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };

    // ---- 1. concurrent check-ins ----
    type Job = { clientId: string; ticket: string; deviceLabel: string };
    const originals: Job[] = fx.people.map((p, i) => ({ clientId: randomUUID(), ticket: p.token, deviceLabel: `HP-${(i % clients) + 1}` }));
    const extra = Math.round(registrations * duplicateShare);
    const duplicates: Job[] = Array.from({ length: extra / 2 }, () => {
      const o = originals[Math.floor(Math.random() * originals.length)]!;
      return { ...o, clientId: randomUUID(), deviceLabel: 'HP-99' };
    });
    const retries: Job[] = Array.from({ length: extra / 2 }, () => ({ ...originals[Math.floor(Math.random() * originals.length)]! }));
    const jobs = shuffle([...originals, ...duplicates, ...retries]);
    // The clients run in a thread of their own, so they do not share the server's event loop.
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const { latencies, answers } = await runClients({
      url: `${base}/api/meetings/${fx.meetingId}/check-ins`,
      headers,
      bodies: jobs.map((j) => JSON.stringify(j)),
      clients,
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    latencies.sort((a, b) => a - b);
    const rows = await database.db.execute(
      sql`select count(*)::int as n, count(distinct (registration_id, meeting_day))::int as people from check_ins where meeting_id = ${fx.meetingId}`,
    );
    const counted = ((rows as unknown as { rows?: { n: number; people: number }[] }).rows ??
      (rows as unknown as { n: number; people: number }[]))[0]!;
    console.log(
      `${label}: ${jobs.length.toLocaleString('en-US')} check-in requests (${registrations.toLocaleString('en-US')} people, ${duplicates.length} duplicate scans, ${retries.length} retries), ${clients} clients: ` +
        `${fmt(jobs.length / seconds)} check-ins/s, p50 ${fmt(pct(latencies, 50))} ms, p99 ${fmt(pct(latencies, 99))} ms, max ${fmt(latencies.at(-1)!)} ms; ` +
        `Node.js CPU (server and client thread) ${fmt((cpu.user + cpu.system) / 1000 / jobs.length)} ms per request`,
    );
    console.log(
      `${label}: answers ${JSON.stringify(answers)}; rows ${counted.n} for ${counted.people} people -> duplicate rows: ${counted.n - counted.people}`,
    );

    // ---- 2. offline sync: 3 phones x 500 queued, overlapping ----
    const ids = sync.people.map((p) => p.id);
    const phones = [ids.slice(0, 500), ids.slice(300, 800), [...ids.slice(600, 1000), ...ids.slice(0, 100)]];
    const queues = phones.map((list, d) =>
      list.map((registrationId) => ({
        clientId: randomUUID(),
        registrationId,
        deviceLabel: `HP-${d + 1}`,
        scannedAt: new Date(Date.now() - 60_000).toISOString(),
      })),
    );
    const send = async (queue: (typeof queues)[number]) => {
      const statuses: Record<string, number> = {};
      for (let i = 0; i < queue.length; i += 200) {
        const res = await fetch(`${base}/api/meetings/${sync.meetingId}/check-ins/sync`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ items: queue.slice(i, i + 200) }),
        });
        if (!res.ok) throw new Error(`sync answered ${res.status}: ${await res.text()}`);
        for (const r of ((await res.json()) as { results: { ok: boolean; status?: string }[] }).results) {
          const k = r.ok ? r.status! : 'error';
          statuses[k] = (statuses[k] ?? 0) + 1;
        }
      }
      return statuses;
    };
    const s0 = performance.now();
    const perPhone = await Promise.all(queues.map(send));
    const converge = performance.now() - s0;
    const count = async () => {
      const r = await database.db.execute(sql`select count(*)::int as n from check_ins where meeting_id = ${sync.meetingId}`);
      return ((r as unknown as { rows?: { n: number }[] }).rows ?? (r as unknown as { n: number }[]))[0]!.n;
    };
    const final = await count();
    const r0 = performance.now();
    await send(queues[1]!);
    const resend = performance.now() - r0;
    console.log(
      `${label}: offline sync, 3 phones x 500 queued (1,000 people): converged in ${fmt(converge)} ms; final count ${final} (expected 1,000); ` +
        `answers per phone ${perPhone.map((p) => JSON.stringify(p)).join(' ')}; one phone re-sending its 500: ${fmt(resend)} ms, count after ${await count()}`,
    );
  } finally {
    await app.close();
  }
}

class Skip extends Error {}
console.log(`cores: ${cpus().length}, load average (1 min): ${loadavg()[0]!.toFixed(1)}`);
const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-checkin-'));
try {
  if (process.env.BENCH_PGLITE === 'none') throw new Skip();
  const lite = await openDatabase({ dataDir: dir });
  try {
    await run('PGlite', lite);
  } finally {
    await lite.close();
  }
} catch (err) {
  if (!(err instanceof Skip)) throw err;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (pgUrl !== 'none') {
  const { default: pg } = await import('pg');
  const name = `simpul_bench_checkin_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ databaseUrl: url.toString() });
    try {
      await run('PostgreSQL', database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
