import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrate, openDatabase } from '../src/server/db/client';
import { installJobs } from '../src/server/core/jobs';
import { allQueues } from '../src/server/modules/jobs/queues';

/**
 * Migrates one template database per run. PGlite: a dump that each test file loads (much faster
 * than a fresh init). PostgreSQL (TEST_DATABASE_URL): a template database each test file copies.
 */
export default async function setup() {
  const dir = resolve('node_modules/.cache/simpul-test');
  mkdirSync(dir, { recursive: true });
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    const template = `simpul_tpl_${process.pid}`;
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const url = new URL(pgUrl);
    url.pathname = `/${template}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    await migrate(database);
    await installJobs(database, allQueues);
    await database.close();
    process.env.SIMPUL_TEST_PG_TEMPLATE = template;
    return async () => {
      // Only this run's databases: other runs may share the server.
      const rows = await admin.query(`select datname from pg_database where datname like $1 or datname = $2`, [
        `${template}_t_%`,
        template,
      ]);
      for (const r of rows.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ pgliteDataDir: null });
  await migrate(database);
  // The job queue's schema too, so no test pays for installing it.
  await installJobs(database, allQueues);
  const client = (database as unknown as { client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  const file = resolve(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.SIMPUL_TEST_PGLITE_TEMPLATE = file;
}
