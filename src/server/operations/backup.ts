import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Config } from '../config';
import { openDatabase } from '../db/client';
import { withDataDir } from './dataDirLock';

/**
 * Writes one archive holding the whole embedded database (uploaded files live in it too).
 * PGlite's own dump is taken from a closed, consistent data directory: while Simpul serves the same folder the backup
 * is refused (see dataDirLock.ts), so stop the server first.
 * For PostgreSQL use pg_dump (see README).
 * The job queue (schema `pgboss`: queued and failed jobs, cron schedules) lives in the same data directory, so it
 * is in the archive too and comes back with a restore (backup.test.ts checks it).
 */
export async function backup(config: Config, target?: string) {
  if (config.databaseUrl) throw new Error('DATABASE_URL diset: gunakan pg_dump untuk PostgreSQL (lihat README).');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = resolve(target ?? `backups/simpul-${stamp}.tar.gz`);
  const dump = await withDataDir(config.dataDir, 'npm run backup', async () => {
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      const client = (database as unknown as { client: { dumpDataDir: (c: 'gzip') => Promise<Blob | File> } }).client;
      return await client.dumpDataDir('gzip');
    } finally {
      await database.close();
    }
  });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  console.log(`Cadangan ditulis: ${file}`);
  return file;
}

const block = 512;

/**
 * The plain tar inside an archive made by `backup`, or an error saying why it is not one. Checked here
 * because PGlite would load a cut-off archive in part, and its own gunzip leaks unhandled rejections.
 */
export function readBackupArchive(bytes: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  let tar = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      tar = gunzipSync(bytes);
    } catch (e) {
      throw new Error(`Arsip cadangan rusak (gzip: ${(e as Error).message}).`);
    }
  }
  const names: string[] = [];
  let offset = 0;
  let ended = false;
  while (offset + block <= tar.length) {
    const header = tar.subarray(offset, offset + block);
    if (header.every((b) => b === 0)) {
      ended = true;
      break;
    }
    if (Buffer.from(header.subarray(257, 262)).toString('latin1') !== 'ustar') break;
    const text = (from: number, to: number) => Buffer.from(header.subarray(from, to)).toString('latin1').replace(/\0.*$/s, '');
    const size = parseInt(text(124, 136).trim() || '0', 8);
    names.push(text(0, 100));
    offset += block + Math.ceil(size / block) * block;
  }
  if (!ended || offset > tar.length) throw new Error('Arsip cadangan tidak utuh atau bukan arsip tar buatan `npm run backup`.');
  if (!names.some((n) => n.replace(/^(\.?\/)+/, '') === 'PG_VERSION'))
    throw new Error('Arsip itu bukan cadangan basis data Simpul (PG_VERSION tidak ada).');
  return tar;
}

/** Replaces the embedded database with an archive made by `backup`; the old one is kept beside it. */
export async function restore(config: Config, source: string) {
  if (config.databaseUrl) throw new Error('DATABASE_URL diset: gunakan pg_restore/psql untuk PostgreSQL (lihat README).');
  const file = resolve(source);
  if (!existsSync(file)) throw new Error(`Berkas tidak ditemukan: ${file}`);
  const tar = readBackupArchive(readFileSync(file));
  await withDataDir(config.dataDir, 'npm run restore', () => replaceDatabase(config, tar, file));
}

async function replaceDatabase(config: Config, tar: Buffer<ArrayBuffer>, file: string) {
  const dir = resolve(config.dataDir, 'db');
  const fresh = `${dir}.restoring`;
  rmSync(fresh, { recursive: true, force: true });
  // Load into a new directory first: a broken archive leaves the current database untouched.
  try {
    const database = await openDatabase({ pgliteDataDir: fresh, loadDataDir: new Blob([tar], { type: 'application/x-tar' }) });
    await database.close();
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    throw new Error(`Arsip cadangan tidak dapat dimuat; basis data yang ada tidak diubah. (${(e as Error).message})`);
  }
  if (existsSync(dir)) renameSync(dir, `${dir}.before-restore-${Date.now()}`);
  renameSync(fresh, dir);
  console.log(`Dipulihkan dari ${file} ke ${dir}`);
}
