import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/server/db/client';

/** A migrated database of its own for one test file: PGlite in memory, or a copy of the PostgreSQL template. */
export async function createTestDatabase(): Promise<Database> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const { default: pg } = await import('pg');
    const name = `${process.env.SIMPUL_TEST_PG_TEMPLATE}_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${process.env.SIMPUL_TEST_PG_TEMPLATE}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    return {
      ...database,
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        // The pool's sockets may still be closing: retry politely before forcing.
        for (let i = 0; i < 20; i++) {
          try {
            await a.query(`drop database if exists ${name}`);
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const template = process.env.SIMPUL_TEST_PGLITE_TEMPLATE;
  if (!template) throw new Error('test/globalSetup.ts did not run');
  return openDatabase({ pgliteDataDir: null, loadDataDir: new Blob([readFileSync(template)]) });
}
