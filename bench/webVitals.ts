/**
 * Web vitals of a visit on a mid-range phone over mobile data: the log-in page, a member officer's home, an
 * activity page (the first activity the member may see) and the public home page, in Debian's Chromium
 * (playwright-core) with the network throttled to "slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) and the
 * CPU slowed 4x; cold (an empty cache each run) and warm (the same page opened a second time in that browser
 * context, so the HTTP cache holds the long-lived /app/assets files).
 * Prints, per page, the median of 5 runs: FCP, LCP, CLS, total blocking time (long tasks after FCP),
 * the JavaScript+CSS and total bytes transferred, and when the page's main heading was visible.
 *
 *   npm run build && npx tsx bench/webVitals.ts
 *   WEB_DIST=/tmp/other-build RUNS=3 npx tsx bench/webVitals.ts   # another build of the SPA (e.g. before a change), 3 runs
 *
 * The app runs in this process on a fresh PGlite with the demo data (or DATABASE_URL, printed).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { hashPassword } from '../src/server/core/passwords';
import { migrate, openDatabase } from '../src/server/db/client';
import { installJobs } from '../src/server/core/jobs';
import { allQueues } from '../src/server/modules/jobs/queues';
import { users } from '../src/server/db/schema/auth';
import { institutions } from '../src/server/db/schema/directory';
import { seedDemo } from '../src/server/seed';
import { freePort } from './support';

const runs = Number(process.env.RUNS ?? 5);
const member = { email: 'bench-anggota@simpul.local', password: 'bench-kata-sandi-123' };
const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

type Vitals = { fcp: number; lcp: number; cls: number; tbt: number; scriptCss: number; total: number; heading: number };

/** Installed before any page script: collects LCP, CLS and long tasks as the page loads. */
const observeVitals = () => {
  const w = window as unknown as { __vitals: { lcp: number; cls: number; longTasks: [number, number][] } };
  w.__vitals = { lcp: 0, cls: 0, longTasks: [] };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__vitals.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!e.hadRecentInput) w.__vitals.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__vitals.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

async function measure(browser: Browser, url: string, heading: string, cookie?: string, warm = false): Promise<Vitals> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', isMobile: true });
  if (cookie) {
    const at = cookie.indexOf('=');
    // For the whole site (path /), so the API calls under /api carry it too, not only the page's /app/ path.
    const { hostname } = new URL(url);
    await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), domain: hostname, path: '/' }]);
  }
  if (warm) {
    // A first visit (unthrottled) fills the HTTP cache; the measured visit below is the second one.
    const first = await context.newPage();
    await first.goto(url);
    await first.waitForLoadState('networkidle');
    await first.close();
  }
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', slow4g);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const bytes = { scriptCss: 0, total: 0 };
  const types = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes.total += e.encodedDataLength;
    const type = types.get(e.requestId);
    if (type === 'Script' || type === 'Stylesheet') bytes.scriptCss += e.encodedDataLength;
  });
  await page.addInitScript(observeVitals);
  const t0 = Date.now();
  await page.goto(url);
  const target = heading ? page.getByRole('heading', { name: heading }) : page.locator('h1');
  await target.first().waitFor({ timeout: 60_000 });
  const headingMs = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const v = await page.evaluate(() => {
    const w = window as unknown as { __vitals: { lcp: number; cls: number; longTasks: [number, number][] } };
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const tbt = w.__vitals.longTasks.filter(([start]) => start >= fcp).reduce((s, [, d]) => s + Math.max(0, d - 50), 0);
    return { fcp, lcp: w.__vitals.lcp, cls: w.__vitals.cls, tbt };
  });
  await context.close();
  return { ...v, ...bytes, heading: headingMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  // The same folder the server serves (src/server/app.ts): dist/web, or WEB_DIST.
  const webDist = process.env.WEB_DIST ?? 'dist/web';
  if (!existsSync(join(webDist, 'index.html'))) throw new Error(`run \`npm run build\` first: this measures the built SPA (${webDist})`);
  console.log(`SPA build: ${webDist}`);
  console.log(
    `cores ${cpus().length}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const tmp = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'simpul-vitals-'));
  const port = await freePort();
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: tmp ?? './data',
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  console.log(databaseUrl ? 'Database: DATABASE_URL' : `Database: fresh PGlite in ${tmp}`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = await (async () => {
    await migrate(database);
    // As `serve` does (src/server/main.ts): the job queue's schema first, the demo seed schedules jobs.
    await installJobs(database, allQueues);
    await seedDemo(database.db);
    const [inst] = await database.db.select({ id: institutions.id }).from(institutions).limit(1);
    await database.db.insert(users).values({
      email: member.email,
      name: 'Anggota Benchmark',
      role: 'member',
      institutionId: inst.id,
      passwordHash: await hashPassword(member.password),
    });
    const a = await buildApp({ config, database, logger: false });
    await a.listen({ port, host: '127.0.0.1' });
    return a;
  })();
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(member),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('simpul_session='));
    if (!cookie) throw new Error('no session cookie in the log-in answer');
    const visible = await fetch(`${base}/api/activities?limit=1`, { headers: { cookie } });
    const activity = ((await visible.json()) as { items: { id: string; title: string }[] }).items[0];
    if (!activity) throw new Error('the bench member sees no activity');
    const pages: [string, string, string, string?][] = [
      ['log-in page', `${base}/app/login`, 'Masuk'],
      ["member officer's home", `${base}/app/`, 'Selamat datang', cookie],
      ['activity page', `${base}/app/activities/${activity.id}`, activity.title, cookie],
      // The public page: its first <h1>, whatever its wording.
      ['public home page', `${base}/`, ''],
    ];
    console.log(`\n${runs} runs each, 360 px phone, slow 4G (150 ms, 1.6 Mbit/s), CPU 4x slower; medians:`);
    console.log('page                          FCP ms  LCP ms  CLS    TBT ms  heading ms  JS+CSS KB  total KB');
    for (const warm of [false, true])
      for (const [label, url, heading, c] of pages) {
        const all: Vitals[] = [];
        for (let i = 0; i < runs; i++) all.push(await measure(browser, url, heading, c, warm));
        const m = (k: keyof Vitals) => median(all.map((v) => v[k]));
        console.log(
          `${`${label}, ${warm ? 'warm' : 'cold'}`.padEnd(29)} ${m('fcp').toFixed(0).padStart(6)}  ${m('lcp').toFixed(0).padStart(6)}  ${m('cls').toFixed(3)}  ${m('tbt').toFixed(0).padStart(6)}  ${m('heading').toFixed(0).padStart(10)}  ${(m('scriptCss') / 1024).toFixed(1).padStart(9)}  ${(m('total') / 1024).toFixed(1).padStart(8)}`,
        );
      }
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
