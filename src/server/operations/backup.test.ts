import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { create as createTar } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config';
import { migrate, openDatabase } from '../db/client';
import { settings } from '../db/schema/settings';
import { backup, restore } from './backup';
import { enqueue, installJobs, schedule } from '../core/jobs';
import { housekeepingQueue } from '../core/housekeeping';
import { allQueues } from '../modules/jobs/queues';
import { sql } from 'drizzle-orm';

let tmp: string;
let config: Config;
const key = 'letterhead';
const original = { title: 'PEMERINTAH PROVINSI SUMATERA BARAT', unit: 'Biro Humas Setda' };

/** Opens the embedded database in DATA_DIR (the way `npm start` does), runs fn, and always closes it. */
async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: config.dataDir });
  try {
    await migrate(database);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

const readSetting = () => withDatabase(async (db) => (await db.select().from(settings).where(eq(settings.key, key)))[0]?.value);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'simpul-backup-'));
  config = loadConfig({ DATA_DIR: join(tmp, 'data'), DEMO: 'false' });
  // Start from the migrated template the other tests use when there is one (a fresh initdb costs
  // seconds); in the PostgreSQL run there is none, and withDatabase creates and migrates it.
  const template = process.env.SIMPUL_TEST_PGLITE_TEMPLATE;
  if (template) {
    const seeded = await openDatabase({ dataDir: config.dataDir, loadDataDir: new Blob([readFileSync(template)]) });
    await seeded.close();
  }
  await withDatabase((db) => db.insert(settings).values({ key, value: original }));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('backup and restore of the embedded database', () => {
  it('keeps the job queue (pgboss schema): queued jobs and schedules come back', async () => {
    const database = await openDatabase({ dataDir: config.dataDir });
    let jobId: string;
    try {
      await migrate(database);
      await installJobs(database, allQueues);
      jobId = await enqueue({ db: database.db }, housekeepingQueue, {});
      await schedule(database.db, housekeepingQueue, '7 * * * *', {});
    } finally {
      await database.close();
    }
    const file = join(tmp, 'cadangan', 'antrean.tar.gz');
    await backup(config, file);
    const count = () =>
      withDatabase(async (db) => {
        const r = await db.execute(
          sql`select (select count(*) from pgboss.job where id = ${jobId})::int as jobs, (select count(*) from pgboss.schedule where name = 'housekeeping')::int as schedules`,
        );
        return (r as unknown as { rows: unknown[] }).rows[0];
      });
    await withDatabase((db) => db.execute(sql`delete from pgboss.job where name = 'housekeeping'; `));
    await withDatabase((db) => db.execute(sql`delete from pgboss.schedule`));
    expect(await count()).toEqual({ jobs: 0, schedules: 0 });
    await restore(config, file);
    expect(await count()).toEqual({ jobs: 1, schedules: 1 });
  }, 120_000);

  it('brings back a row changed or deleted after the backup', async () => {
    const file = join(tmp, 'cadangan', 'simpul.tar.gz');
    await backup(config, file);
    expect(existsSync(file)).toBe(true);

    await withDatabase((db) =>
      db
        .update(settings)
        .set({ value: { title: 'diubah' } })
        .where(eq(settings.key, key)),
    );
    expect(await readSetting()).toEqual({ title: 'diubah' });
    await withDatabase((db) => db.delete(settings).where(eq(settings.key, key)));
    expect(await readSetting()).toBeUndefined();

    await restore(config, file);
    expect(await readSetting()).toEqual(original);
    // The replaced database is kept beside the restored one, not thrown away.
    expect(readdirSync(config.dataDir).some((name) => name.startsWith('db.before-restore-'))).toBe(true);
  });

  it('leaves the current database untouched when the archive is broken', async () => {
    await withDatabase((db) =>
      db
        .update(settings)
        .set({ value: { title: 'sesudah pemulihan' } })
        .where(eq(settings.key, key)),
    );
    const broken = join(tmp, 'rusak.tar.gz');
    writeFileSync(broken, Buffer.from('bukan arsip cadangan yang sah'.repeat(100)));
    const good = join(tmp, 'baik.tar.gz');
    await backup(config, good);
    // A truncated archive: a real one cut off half way, as after a failed copy.
    const truncated = join(tmp, 'terpotong.tar.gz');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

    // A well-formed tar that PGlite cannot start from: only the version file of a data directory.
    const hollowDir = join(tmp, 'kosong');
    mkdirSync(hollowDir);
    writeFileSync(join(hollowDir, 'PG_VERSION'), '18\n');
    const hollow = join(tmp, 'kosong.tar');
    createTar({ sync: true, file: hollow, cwd: hollowDir, portable: true }, ['PG_VERSION']);

    const cases: [string, RegExp][] = [
      [broken, /bukan arsip tar/],
      [truncated, /Arsip cadangan rusak/],
      [hollow, /tidak dapat dimuat; basis data yang ada tidak diubah/],
    ];
    for (const [file, message] of cases) {
      await expect(restore(config, file)).rejects.toThrow(message);
      expect(await readSetting()).toEqual({ title: 'sesudah pemulihan' });
    }
    expect(existsSync(join(config.dataDir, 'db.restoring'))).toBe(false);
  });

  it('refuses a missing archive with a message naming it', async () => {
    await expect(restore(config, join(tmp, 'tidak-ada.tar.gz'))).rejects.toThrow(/Berkas tidak ditemukan/);
    expect(await readSetting()).toEqual({ title: 'sesudah pemulihan' });
  });
});
