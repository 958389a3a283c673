import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';

/**
 * The API's OpenAPI document, from the Fastify app built in-process: nothing listens, no job queue runs, and the
 * database is an empty PGlite in memory (building the app reads no table; a route is only described, never called).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ pgliteDataDir: null });
  const config = loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  // `jobs: false` keeps the job queue's workers (and its tables) out of it.
  const deps = { config, database, mailer: { send: async () => {} }, logger: false, jobs: false as const };
  const app = await buildApp(deps);
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}
