import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';

/** A port nobody listens on right now, for a server started by a benchmark. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Other work on the machine skews every figure: say how busy it was. */
export function printMachine() {
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

/**
 * The database a benchmark fills: PostgreSQL from DATABASE_URL (which should be empty), or a fresh PGlite in a
 * temporary folder; with the config of a server on a free port. `dispose` closes it and removes the folder.
 */
export async function openBenchDatabase() {
  printMachine();
  const databaseUrl = process.env.DATABASE_URL;
  const tmp = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'simpul-bench-'));
  if (databaseUrl) {
    const u = new URL(databaseUrl);
    console.log(`Database: PostgreSQL from DATABASE_URL (${u.hostname}:${u.port || 5432}${u.pathname}); it should be empty`);
  } else {
    console.log(`Database: fresh PGlite in ${tmp}`);
  }
  const port = await freePort();
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: tmp ?? './data',
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const dispose = async () => {
    await database.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
  return { database, config, port, dispose };
}
