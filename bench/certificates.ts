/**
 * Certificates: 500 made as PDFs (each with its QR code) through the job queue (`certificate_render`), total and per
 * certificate; then the public verification page under load (requests per second, p99).
 *
 *   npx tsx bench/certificates.ts                 # PGlite in a temporary folder
 *   CERTS=100 npx tsx bench/certificates.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/simpul_bench_cert npx tsx bench/certificates.ts pg   # an empty database
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Ctx } from '../src/server/core/context';
import { migrate, openDatabase, type Database } from '../src/server/db/client';
import { certificates, checkIns, users } from '../src/server/db/schema/index';
import { generateCertificates, certificateProgress } from '../src/server/modules/outcomes/certificates';
import { seedCheckInMeeting } from '../test/helpers/checkInFixture';
import { freePort } from './support';

// autocannon ships no type declarations: the part of its programmatic API used here.
type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const total = Number(process.env.CERTS ?? 500);
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

async function run(label: string, database: Database) {
  await migrate(database);
  const [user] = await database.db.insert(users).values({ email: 'bench@simpul.local', name: 'Bench', role: 'admin' }).returning();
  // 500 certificates: the fixture's one committee member plus participants who checked in.
  const fx = await seedCheckInMeeting(database.db, { managerIds: [user!.id], people: total - 1, status: 'done' });
  const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  for (let i = 0; i < fx.people.length; i += 500)
    await database.db
      .insert(checkIns)
      .values(
        fx.people
          .slice(i, i + 500)
          .map((p) => ({ registrationId: p.id, meetingId: fx.meetingId, meetingDay: day, clientId: randomUUID() })),
      );
  const config = loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.local' });
  const app = await buildApp({ config, database, logger: false, jobs: { schedules: false } });
  await app.ready();
  const ctx: Ctx = {
    actor: { kind: 'user', id: user!.id, email: user!.email, name: user!.name, role: 'admin', institutionId: null },
    db: database.db,
    requestId: 'bench',
    config,
    mailer: { send: async () => {} },
  };
  try {
    const t0 = performance.now();
    const gen = await generateCertificates(ctx, fx.meetingId, { sendEmail: false });
    const queued = performance.now() - t0;
    let p = gen.batch;
    while (p.state !== 'done') {
      await new Promise((r) => setTimeout(r, 200));
      p = await certificateProgress(ctx, fx.meetingId, { authorized: true });
    }
    const ms = performance.now() - t0;
    console.log(
      `${label}: ${gen.created} certificates queued in ${fmt(queued)} ms (one transaction: rows, numbers, ${Math.ceil(gen.created / 25)} jobs); ` +
        `all PDFs made in ${fmt(ms / 1000)} s = ${fmt(ms / gen.created)} ms per certificate`,
    );
    const [one] = await database.db
      .select({ v: certificates.verifyId })
      .from(certificates)
      .where(eq(certificates.meetingId, fx.meetingId))
      .limit(1);
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const r = await autocannon({ url: `http://127.0.0.1:${port}/sertifikat/${one!.v}`, connections: 20, duration: 10 });
    console.log(
      `${label}: verification page ${fmt(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
        `${r.non2xx} non-2xx (20 connections, 10 s); load ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')} on ${cpus().length} cores`,
    );
  } finally {
    await app.close();
  }
}

if (process.argv[2] === 'pg') {
  const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL! });
  try {
    await run('PostgreSQL', database);
  } finally {
    await database.close();
  }
} else {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-cert-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await run('PGlite', database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
