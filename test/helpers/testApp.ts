import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { users } from '../../src/server/db/schema/index';
import { hashPassword } from '../../src/server/core/passwords';
import type { Mail, Mailer } from '../../src/server/core/mail';
import { createTestDatabase } from './testDatabase';
import type { Ctx, Role } from '../../src/server/core/context';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Mail "sent" through the mailer when the test did not give a real SMTP one. */
  outbox: Mail[];
  close: () => Promise<void>;
};

export const testPassword = 'kata-sandi-uji-123';

export async function createTestApp(opts: { env?: Record<string, string>; mailer?: Mailer } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://simpul.test', ...opts.env });
  const outbox: Mail[] = [];
  const mailer = opts.mailer ?? { send: async (m: Mail) => void outbox.push(m) };
  // The job queue runs (mail leaves after the answer), without cron schedules that could fire mid-test.
  const app = await buildApp({ config, database, mailer, logger: false, jobs: { schedules: false } });
  await app.ready();
  return {
    app,
    database,
    config,
    outbox,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let seq = 0;
/** Creates an active account with the test password. */
export async function createUser(t: TestApp, role: Role, extra: { institutionId?: string; email?: string; name?: string } = {}) {
  seq += 1;
  const email = extra.email ?? `${role}${seq}-${Date.now()}@example.org`;
  const [u] = await t.database.db
    .insert(users)
    .values({
      email,
      name: extra.name ?? `Pengguna Uji ${seq}`,
      role,
      institutionId: extra.institutionId ?? null,
      passwordHash: await hashPassword(testPassword),
    })
    .returning();
  return u!;
}

export type Session = {
  request: (method: string, url: string, payload?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
};

/** Logs in through the API and returns a requester that sends the session cookie and CSRF header. */
export async function loginAs(t: TestApp, email: string, password = testPassword): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'simpul_session')!;
  const csrfToken = res.json().csrfToken as string;
  const cookieHeader = `simpul_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrfToken,
    request: (method, url, payload, headers = {}) =>
      t.app.inject({
        method: method as 'GET',
        url,
        payload: payload as string,
        headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken, ...headers },
      }),
  };
}

/** Creates a user of the role and logs them in. */
export async function sessionFor(t: TestApp, role: Role, extra: { institutionId?: string } = {}) {
  const user = await createUser(t, role, extra);
  return { user, session: await loginAs(t, user.email) };
}

/** A use-case context acting as the given user, for tests that call use cases directly. */
export function ctxFor(t: TestApp, user: { id: string; email: string; name: string; role: string; institutionId: string | null }): Ctx {
  return {
    actor: { kind: 'user', id: user.id, email: user.email, name: user.name, role: user.role as Role, institutionId: user.institutionId },
    db: t.database.db,
    requestId: 'test',
    config: t.config,
    mailer: { send: async (m) => void t.outbox.push(m) },
  };
}
