import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config';
import { openDatabase } from '../db/client';

/**
 * Writes one archive holding the whole embedded database (uploaded files live in it too).
 * PGlite's own dump is taken from a closed, consistent data directory, so stop the server first.
 * For PostgreSQL use pg_dump (see README).
 */
export async function backup(config: Config, target?: string) {
  if (config.databaseUrl) throw new Error('DATABASE_URL diset: gunakan pg_dump untuk PostgreSQL (lihat README).');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = resolve(target ?? `backups/simpul-${stamp}.tar.gz`);
  const database = await openDatabase({ dataDir: config.dataDir });
  const client = (database as unknown as { client: { dumpDataDir: (c: 'gzip') => Promise<Blob | File> } }).client;
  const dump = await client.dumpDataDir('gzip');
  await database.close();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  console.log(`Cadangan ditulis: ${file}`);
  return file;
}

/** Replaces the embedded database with an archive made by `backup`; the old one is kept beside it. */
export async function restore(config: Config, source: string) {
  if (config.databaseUrl) throw new Error('DATABASE_URL diset: gunakan pg_restore/psql untuk PostgreSQL (lihat README).');
  const file = resolve(source);
  if (!existsSync(file)) throw new Error(`Berkas tidak ditemukan: ${file}`);
  const dir = resolve(config.dataDir, 'db');
  const fresh = `${dir}.restoring`;
  rmSync(fresh, { recursive: true, force: true });
  // Load into a new directory first: a broken archive leaves the current database untouched.
  const database = await openDatabase({ pgliteDataDir: fresh, loadDataDir: new Blob([readFileSync(file)]) });
  await database.close();
  if (existsSync(dir)) renameSync(dir, `${dir}.before-restore-${Date.now()}`);
  renameSync(fresh, dir);
  console.log(`Dipulihkan dari ${file} ke ${dir}`);
}
