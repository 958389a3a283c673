/**
 * The public portal against nginx, and the portal's queries at scale (issue 14).
 *
 *   npx tsx bench/portal.ts speed     # release page and home: Simpul vs nginx serving the same bytes, one run
 *   npx tsx bench/portal.ts scale     # 100,000 releases in PGlite (1,000,000 with DATABASE_URL): p95 of each page
 *   npx tsx bench/portal.ts           # both
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/simpul_bench_portal npx tsx bench/portal.ts
 *
 * Speed: the app runs in this process (buildApp + listen, LOG_LEVEL=warn), nginx (Debian's nginx-light,
 * /usr/sbin/nginx, `access_log off`, `worker_processes` from NGINX_WORKERS, default 1: one core, like Node's one
 * thread) serves the very bytes Simpul answered (identity coding: autocannon sends no Accept-Encoding) as static
 * files from a temporary folder. autocannon runs in a child process (so it does not share the server's thread):
 * CONNECTIONS (default 10) connections for DURATION seconds (default 10) per target, targets interleaved.
 *
 * Scale: releases from modules/releases/benchData.ts (INSERT ... SELECT in batches; with PostgreSQL the database
 * must be empty or hold only bench releases, which it reuses). Each page is rendered with the page cache emptied
 * first (what a reader meets after an invalidation), over HTTP, 40 times: p50/p95. Then the time from "publish"
 * (the row committed and the visibility hook fired) to the page showing it, and from an embargo time to the home
 * page showing the release (no hook: the lists are cached only until the next embargo).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { migrate, openDatabase, type Database } from '../src/server/db/client';
import { institutions } from '../src/server/db/schema/directory';
import { releases } from '../src/server/db/schema/releases';
import { generateReleases } from '../src/server/modules/releases/benchData';
import { emitReleaseVisibilityChanged } from '../src/server/modules/releases/events';
import { releasePath } from '../src/server/modules/releases/visibility';
import { invalidatePortal, portalCacheStats } from '../src/server/public/portal/invalidation';
import { freePort } from './support';

const mode = process.argv[2] ?? 'all';
const connections = Number(process.env.CONNECTIONS ?? 10);
const duration = Number(process.env.DURATION ?? 10);
const nginxWorkers = process.env.NGINX_WORKERS ?? '1';
const pg = !!process.env.DATABASE_URL;
const scaleCount = Number(process.env.PORTAL_BENCH_COUNT ?? (pg ? 1_000_000 : 100_000));

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.log(
  `bench/portal.ts ${mode}: ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, ${pg ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`,
);

async function openBenchDatabase(): Promise<{ database: Database; cleanup: () => void }> {
  if (pg) {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
    await migrate(database);
    return { database, cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'simpul-portal-bench-'));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  return { database, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function ensureInstitutions(database: Database): Promise<string[]> {
  const existing = await database.db.select({ id: institutions.id }).from(institutions);
  if (existing.length >= 20) return existing.map((r) => r.id);
  const names = ['Kota Padang', 'Kota Bukittinggi', 'Kabupaten Agam', 'Kabupaten Tanah Datar', 'Universitas Andalas', 'Bank Nagari'];
  const rows = await database.db
    .insert(institutions)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        name: `${names[i % names.length]}${i >= names.length ? ` ${i}` : ''}`,
        category: i % 3 === 0 ? 'university' : 'regency_city',
        active: true,
        searchText: `lembaga ${i}`,
      })),
    )
    .returning({ id: institutions.id });
  return rows.map((r) => r.id);
}

async function startApp(database: Database) {
  const config = loadConfig({
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://bench.local',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
  });
  const app = await buildApp({ config, database, jobs: false });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { app, port };
}

type Cannon = { rps: number; p99: number; p50: number; non2xx: number; errors: number };
/** autocannon in a child process, awaited without blocking this process (which serves Simpul). */
async function autocannon(url: string): Promise<Cannon> {
  const bin = resolve('node_modules/autocannon/autocannon.js');
  const child = spawn(process.execPath, [bin, '-c', String(connections), '-d', String(duration), '-j', url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`autocannon failed: ${err}`);
  const j = JSON.parse(out) as { requests: { average: number }; latency: { p99: number; p50: number }; non2xx: number; errors: number };
  return { rps: j.requests.average, p99: j.latency.p99, p50: j.latency.p50, non2xx: j.non2xx, errors: j.errors };
}

async function startNginx(root: string, files: Record<string, Buffer>) {
  const www = join(root, 'www');
  mkdirSync(www, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(www, name), bytes, { mode: 0o644 });
  // nginx's worker drops to an unprivileged user when started as root: it must be able to read the files.
  chmodSync(root, 0o755);
  chmodSync(www, 0o755);
  const port = await freePort();
  writeFileSync(
    join(root, 'nginx.conf'),
    `worker_processes ${nginxWorkers};
daemon off;
pid ${root}/nginx.pid;
error_log ${root}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  client_body_temp_path ${root}/body;
  proxy_temp_path ${root}/proxy;
  fastcgi_temp_path ${root}/fastcgi;
  uwsgi_temp_path ${root}/uwsgi;
  scgi_temp_path ${root}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location / { default_type text/html; charset utf-8; }
  }
}
`,
  );
  const proc = spawn('/usr/sbin/nginx', ['-p', root, '-c', join(root, 'nginx.conf'), '-e', join(root, 'error.log')], { stdio: 'inherit' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/home.html`)).ok) break;
    } catch {
      await sleep(50);
    }
  }
  return { port, stop: () => proc.kill('SIGTERM') };
}

async function speed() {
  const { database, cleanup } = await openBenchDatabase();
  const ids = await ensureInstitutions(database);
  // A realistic portal: a few dozen releases with bodies of about 2,500 characters.
  const [{ n }] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(releases)) as [{ n: number }];
  if (n < 60) await generateReleases(database.db, { count: 60, institutionIds: ids, startAt: 9_000_001 });
  const [release] = await database.db.select().from(releases).where(eq(releases.status, 'published')).limit(1);
  const { app, port } = await startApp(database);
  const base = `http://127.0.0.1:${port}`;
  const releaseUrl = releasePath(release!)!;
  const home = Buffer.from(await (await fetch(`${base}/`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  const page = Buffer.from(await (await fetch(`${base}${releaseUrl}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  const root = mkdtempSync(join(tmpdir(), 'simpul-portal-nginx-'));
  const nginx = await startNginx(root, { 'home.html': home, 'release.html': page });
  console.log(
    `pages: home ${fmt(home.length / 1024)} KB, release ${fmt(page.length / 1024)} KB (identity); autocannon -c ${connections} -d ${duration}; nginx worker_processes ${nginxWorkers}`,
  );
  // The floor of any Node.js server on this machine: node:http answering the same bytes with no routing at all.
  const bare = createServer((req, res) => {
    const body = req.url === '/home.html' ? home : page;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) });
    res.end(body);
  });
  const barePort = await freePort();
  await new Promise<void>((r) => bare.listen(barePort, '127.0.0.1', r));
  const targets = [
    {
      label: 'home',
      simpul: `${base}/`,
      nginx: `http://127.0.0.1:${nginx.port}/home.html`,
      bare: `http://127.0.0.1:${barePort}/home.html`,
    },
    {
      label: 'release page',
      simpul: `${base}${releaseUrl}`,
      nginx: `http://127.0.0.1:${nginx.port}/release.html`,
      bare: `http://127.0.0.1:${barePort}/release.html`,
    },
  ];
  console.log('| page | nginx req/s | nginx p99 | Simpul req/s | Simpul p99 | ratio | bare node:http req/s (ratio) |');
  console.log('| ---- | ----------- | --------- | ------------ | ---------- | ----- | ---------------------------- |');
  for (const t of targets) {
    const ng = await autocannon(t.nginx);
    const sp = await autocannon(t.simpul);
    const bn = await autocannon(t.bare);
    const warn =
      sp.non2xx + sp.errors + ng.non2xx + ng.errors ? ` (non-2xx/errors: ${sp.non2xx + sp.errors}/${ng.non2xx + ng.errors})` : '';
    console.log(
      `| ${t.label} | ${fmt(ng.rps, 0)} | ${ng.p99} ms | ${fmt(sp.rps, 0)} | ${sp.p99} ms | ${(sp.rps / ng.rps).toFixed(2)} | ${fmt(bn.rps, 0)} (${(bn.rps / ng.rps).toFixed(2)}) |${warn}`,
    );
  }
  bare.close();
  const stats = portalCacheStats();
  console.log(
    `page cache: ${fmt(stats.hits, 0)} hits, ${fmt(stats.misses, 0)} renders, ${stats.pages} pages, ${fmt(stats.bytes / 1024)} KB`,
  );
  nginx.stop();
  await app.close();
  await database.close();
  rmSync(root, { recursive: true, force: true });
  cleanup();
}

/** The releases table's secondary indexes as the migration creates them (`if not exists`), the slug key aside. */
function releaseIndexStatements(): { name: string; statement: string }[] {
  const file = readFileSync(resolve('src/server/db/migrations/0012_releases.sql'), 'utf8');
  return [...file.matchAll(/CREATE INDEX "(releases_[a-z_]+)" ON "releases"[^;]*;/g)].map((m) => ({
    name: m[1]!,
    statement: m[0].replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'),
  }));
}

async function timeGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { 'accept-encoding': 'br' } });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, body };
}

async function scale() {
  const { database, cleanup } = await openBenchDatabase();
  const ids = await ensureInstitutions(database);
  // Releases left by an earlier run are kept; a crashed bulk load gets its indexes back (create if not exists).
  for (const i of releaseIndexStatements()) await database.db.execute(sql.raw(i.statement));
  const [{ n }] = (await database.db
    .select({ n: sql<number>`coalesce(max(substring(slug from '^rilis-bench-([0-9]+)$')::int), 0)` })
    .from(releases)
    .where(sql`slug ~ '^rilis-bench-[0-9]+$' and slug not like 'rilis-bench-9000%'`)) as [{ n: number }];
  if (n < scaleCount) {
    const t0 = performance.now();
    // A bulk load: the secondary indexes are dropped first and built again afterwards (much faster than keeping
    // them up to date row by row), with the very statements of the migration. The slug key stays.
    const indexes = releaseIndexStatements();
    for (const i of indexes) await database.db.execute(sql.raw(`drop index if exists ${i.name}`));
    await generateReleases(database.db, {
      count: scaleCount - n,
      institutionIds: ids,
      startAt: n + 1,
      batch: pg ? 50_000 : 10_000,
      onBatch: (done) => process.stdout.write(`\r  generated ${fmt(done, 0)}`),
    });
    const t1 = performance.now();
    for (const i of indexes) await database.db.execute(sql.raw(i.statement));
    // What autovacuum does soon after a bulk load: statistics, and the visibility map that index-only scans need.
    await database.db.execute(sql`vacuum (analyze) releases`);
    console.log(
      `\n${fmt(scaleCount - n, 0)} releases generated in ${fmt((t1 - t0) / 1000)} s, ${indexes.length} indexes built again in ${fmt((performance.now() - t1) / 1000)} s`,
    );
  }
  const [{ total }] = (await database.db.select({ total: sql<number>`count(*)::int` }).from(releases)) as [{ total: number }];
  const { app, port } = await startApp(database);
  const base = `http://127.0.0.1:${port}`;
  const [inst] = await database.db.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, ids[1]!));
  const { slugify } = await import('../src/shared/releaseStates');
  // Page 1,000 of the full list (20 a page): the cursor of the 19,999th newest release.
  const deep = (await database.db.execute(
    sql`select (extract(epoch from publish_at) * 1000000)::bigint::text || '.' || id::text as k from releases
        where status in ('published','scheduled') and publish_at <= now() order by publish_at desc, id desc offset 19999 limit 1`,
  )) as unknown as { rows: { k: string }[] };
  const pages = [
    { label: 'home', url: '/' },
    { label: 'category page', url: '/kategori/kesehatan' },
    { label: 'institution page', url: `/lembaga/${slugify(inst!.name)}` },
    { label: 'tag page', url: '/tag/pariwisata' },
    { label: 'search "jembatan padang"', url: '/cari?q=jembatan%20padang' },
    { label: 'search "festival budaya -padang"', url: '/cari?q=festival%20budaya%20-padang' },
    { label: 'page 1,000 of /rilis', url: `/rilis?sebelum=${deep.rows[0]!.k}` },
    { label: 'release page', url: '/rilis/' },
    { label: 'RSS feed', url: '/feed.xml' },
    { label: 'sitemap index', url: '/sitemap.xml' },
  ];
  const [someRelease] = await database.db.select().from(releases).where(eq(releases.slug, 'rilis-bench-12345'));
  pages.find((p) => p.label === 'release page')!.url = releasePath(
    someRelease ?? (await database.db.select().from(releases).limit(1))[0]!,
  )!;
  console.log(
    `\n${fmt(total, 0)} releases; each page rendered 40 times with the cache emptied first (p50 / p95 / max), then served from the cache:`,
  );
  console.log('| page | p50 | p95 | max | cached p95 |');
  console.log('| ---- | --- | --- | --- | ---------- |');
  for (const p of pages) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 42; i++) {
      invalidatePortal('all');
      const r = await timeGet(`${base}${p.url}`);
      status = r.status;
      if (i >= 2) times.push(r.ms);
    }
    const cached: number[] = [];
    for (let i = 0; i < 40; i++) cached.push((await timeGet(`${base}${p.url}`)).ms);
    times.sort((a, b) => a - b);
    cached.sort((a, b) => a - b);
    console.log(
      `| ${p.label} | ${fmt(pct(times, 50))} ms | ${fmt(pct(times, 95))} ms | ${fmt(times.at(-1)!)} ms | ${fmt(pct(cached, 95), 2)} ms |${status === 200 ? '' : ` status ${status}`}`,
    );
  }

  // A monthly sitemap part streamed from the database (the last full month: at a million releases over 7 years,
  // about 12,000 URLs; a month over 50,000 would be split into -2, -3...).
  const index = await (await fetch(`${base}/sitemap.xml`)).text();
  const partPaths = [...index.matchAll(/<loc>http:\/\/bench\.local(\/sitemap-rilis-[^<]+)<\/loc>/g)].map((m) => m[1]!);
  const part = partPaths.at(-2) ?? partPaths.at(-1)!;
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const res = await fetch(`${base}${part}`);
  let text = '';
  const decoder = new TextDecoder();
  const reader = res.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
  console.log(
    `sitemap index: ${partPaths.length} monthly parts; part ${part}: ${fmt(text.length / 1024 / 1024, 2)} MB (${fmt(text.split('<url>').length - 1, 0)} URLs) in ${fmt(performance.now() - t0, 0)} ms, resident memory +${fmt((process.memoryUsage().rss - rssBefore) / 1024 / 1024)} MB`,
  );

  // Publish -> public: the row committed, the hook fired (as the releases module does after its commit).
  const publishTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const slug = `rilis-bench-publikasi-${Date.now()}-${i}`;
    await timeGet(`${base}/`); // the home page is cached
    const now = new Date();
    const [row] = await database.db
      .insert(releases)
      .values({
        institutionId: ids[0]!,
        status: 'published',
        title: `Rilis baru ${slug}`,
        category: 'pemerintahan',
        slug,
        publishAt: now,
        firstPublishedAt: now,
      })
      .returning();
    const t = performance.now();
    emitReleaseVisibilityChanged({
      reason: 'publish',
      releaseId: row!.id,
      slug,
      path: releasePath(row!),
      institutionId: row!.institutionId,
      category: row!.category,
      tagSlugs: [],
      at: now,
    });
    while (!(await timeGet(`${base}/`)).body.includes(slug)) await sleep(1);
    publishTimes.push(performance.now() - t);
  }
  console.log(`publish -> on the home page: ${publishTimes.map((t) => `${fmt(t)} ms`).join(', ')}`);

  // Embargo time -> public, without any hook: the lists were cached only until the next embargo.
  const embargoTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const slug = `rilis-bench-embargo-${Date.now()}-${i}`;
    const at = new Date(Date.now() + 2000);
    await database.db.insert(releases).values({
      institutionId: ids[0]!,
      status: 'scheduled',
      title: `Rilis embargo ${slug}`,
      category: 'pemerintahan',
      slug,
      publishAt: at,
      firstPublishedAt: at,
    });
    invalidatePortal('all'); // scheduling is not a visibility change; the next render reads the new embargo time
    await timeGet(`${base}/`);
    while (!(await timeGet(`${base}/`)).body.includes(slug)) await sleep(5);
    embargoTimes.push(Date.now() - at.getTime());
  }
  console.log(`embargo time -> on the home page (polling every 5 ms): ${embargoTimes.map((t) => `${fmt(t, 0)} ms`).join(', ')}`);
  await database.db.execute(sql`delete from releases where slug like 'rilis-bench-publikasi-%' or slug like 'rilis-bench-embargo-%'`);

  await app.close();
  await database.close();
  cleanup();
}

if (mode === 'speed' || mode === 'all') await speed();
if (mode === 'scale' || mode === 'all') await scale();
