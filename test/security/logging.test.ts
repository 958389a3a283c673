import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { loggerOptions, scrubError } from '../../src/server/core/logging';
import type { Database } from '../../src/server/db/client';
import { createTestDatabase } from '../helpers/testDatabase';

/**
 * What the log keeps of a failed query: the error class, the PostgreSQL code, the parametrised statement and the
 * request id; never the values (accepting an invitation with a NUL in the name once logged the new password's
 * argon2 hash at error level).
 */
const secretValue = '$argon2id$v=19$m=19456,t=2,p=1$RAHASIA$HASHYANGTIDAKBOLEHBOCOR';
let app: FastifyInstance;
let database: Database;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ DEMO: 'false', LOG_LEVEL: 'info', PUBLIC_URL: 'http://simpul.test' });
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = await buildApp({
    config,
    database,
    mailer: { send: async () => {} },
    logger: { ...(loggerOptions('info') as object), stream },
    jobs: false,
  });
  // A route whose query fails at run time (division by zero) with a secret among its parameters.
  app.get('/api/uji/kueri-gagal', { config: { public: true }, schema: { hide: true } }, async () => {
    await database.db.execute(sql`select ${secretValue}::text as hash, 1 / (select count(*) - count(*) from (values (1)) v) as nol`);
  });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the error log', () => {
  it('records a failed query with its code, statement and request id, without the parameters', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/uji/kueri-gagal' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('RAHASIA');
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    const logged = JSON.stringify(errors[0]);
    if (process.env.SHOW_LOG) console.info(logged);
    expect(logged).not.toContain('RAHASIA');
    expect(logged).toContain('22012'); // division_by_zero, from the database error in the chain
    expect(logged).toContain('DrizzleQueryError');
    expect(logged).toContain('select $1::text as hash');
    expect(errors[0]!.reqId ?? errors[0]!.requestId).toBeTruthy();
  });

  it('scrubs Drizzle messages, PostgreSQL details and quoted values from any logged error', () => {
    const cause = Object.assign(new Error(`invalid input syntax for type uuid: "${secretValue}"`), {
      code: '22P02',
      detail: `Key (password_hash)=(${secretValue})`,
      table: 'users',
    });
    const wrapped = Object.assign(new Error(`Failed query: update users set password_hash = $1\nparams: ${secretValue},x`), {
      query: 'update users set password_hash = $1',
      params: [secretValue],
      cause,
    });
    const out = JSON.stringify(scrubError(wrapped));
    expect(out).not.toContain('RAHASIA');
    expect(out).toContain('update users set password_hash = $1');
    expect(out).toContain('22P02');
    expect(out).toContain('users');
    expect(scrubError(`Failed query: select 1\nparams: ${secretValue}`)).not.toContain('RAHASIA');
  });
});
