/**
 * Cold start: how long `npm start` (without the web build) takes from spawning the server until the
 * first `GET /api/health` answers 200. Once on an empty data folder (PGlite initdb, migrations,
 * demo seed, first administrator) and three times on the folder the first run left (median).
 *
 *   npx tsx bench/coldStart.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the process group we started (npx -> tsx -> node), then wait until every process in it
 * has exited: npx itself dies at once, the server closes Fastify and PGlite first.
 */
async function stop(child: ChildProcess): Promise<void> {
  const pgid = child.pid!;
  if (!groupAlive(pgid)) return;
  process.kill(-pgid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) {
      console.warn('  server did not stop within 15 s after SIGTERM; sending SIGKILL');
      process.kill(-pgid, 'SIGKILL');
      break;
    }
    await sleep(20);
  }
}

type Run = { ms: number; reportedMs: number | null; stopMs: number };

async function startOnce(dataDir: string): Promise<Run> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // this benchmark is about the embedded database
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  const started = performance.now();
  const child = spawn('npx', ['tsx', 'src/server/main.ts', 'serve'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, 120_000);
  } catch (e) {
    await stop(child);
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output}`);
  }
  const ms = performance.now() - started;
  const stopping = performance.now();
  await stop(child);
  const stopMs = performance.now() - stopping;
  const reported = output.match(/siap dalam (\d+) ms/);
  return { ms, reportedMs: reported ? Number(reported[1]) : null, stopMs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number) => `${Math.round(n)} ms`;
const describe = (r: Run) =>
  `${fmt(r.ms)}${r.reportedMs !== null ? ` (server reports ready after ${r.reportedMs} ms)` : ''}; stopped ${fmt(r.stopMs)} after SIGTERM`;

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'simpul-coldstart-'));
  const dataDir = join(root, 'data');
  // Other work on the machine skews every figure: say how busy it was.
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`Cold start of "tsx src/server/main.ts serve" (DEMO=true, PGlite in ${dataDir})`);
  try {
    const first = await startOnce(dataDir);
    console.log(`empty data folder:     ${describe(first)}`);
    const again: Run[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await startOnce(dataDir);
      again.push(run);
      console.log(`existing data folder #${i + 1}: ${describe(run)}`);
    }
    console.log(`existing data folder, median of 3: ${fmt(median(again.map((r) => r.ms)))}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
