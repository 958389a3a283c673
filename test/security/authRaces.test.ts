import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAttempts, users } from '../../src/server/db/schema/index';
import { issueUserToken } from '../../src/server/modules/auth/oneTimeLinks';
import { loginLimits } from '../../src/server/modules/auth/login';
import { createTestApp, createUser, ctxFor, testPassword, type TestApp } from '../helpers/testApp';

/**
 * Concurrency probes (issue 7, items 5 and 6): limits and one-time links hold when many requests arrive at once.
 * On PostgreSQL (TEST_DATABASE_URL) the requests really run in parallel on a pool of connections.
 */
let t: TestApp;
beforeAll(async () => {
  // Each simulated client has its own address, so the per-address limit is not what stops them.
  t = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
});
afterAll(() => t.close());

let ipSeq = 0;
const nextIp = () => `198.51.100.${(ipSeq++ % 250) + 1}`;

describe('the per-account log-in limit cannot be raced', () => {
  it('40 simultaneous wrong passwords: at most the limit reach the password check', async () => {
    const u = await createUser(t, 'committee');
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: u.email, password: 'tebakan-salah-1' },
          headers: { 'x-forwarded-for': nextIp() },
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    const checked = codes.filter((c) => c === 401).length;
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(loginLimits.freeFailures);
    // Every admitted check left exactly one recorded attempt; refused ones left none.
    const [recorded] = await t.database.db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.email, u.email));
    expect(recorded!.n).toBe(checked);
    // And the right password is refused too, for now.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: testPassword },
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(right.statusCode).toBe(429);
  }, 180_000);

  it('an unknown address behaves the same: the same number of checks, then the same refusal', async () => {
    const email = `tidak-ada-${Date.now()}@example.org`;
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email, password: 'tebakan-salah-1' },
          headers: { 'x-forwarded-for': nextIp() },
        }),
      ),
    );
    const checked = answers.filter((a) => a.statusCode === 401).length;
    expect(checked).toBe(loginLimits.freeFailures);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(40 - loginLimits.freeFailures);
  }, 180_000);
});

describe('one-time links are used exactly once under concurrency', () => {
  const rounds = 20;
  const parallel = 8;

  it(`password reset: ${rounds} rounds of ${parallel} simultaneous uses give exactly one success each`, async () => {
    const u = await createUser(t, 'committee');
    const ctx = ctxFor(t, u);
    const successes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const { token } = await issueUserToken(ctx, u.id, 'reset');
      const answers = await Promise.all(
        Array.from({ length: parallel }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/auth/password-reset',
            payload: { token, password: `sandi-baru-${r}-${i}-xyz` },
            headers: { 'x-forwarded-for': nextIp() },
          }),
        ),
      );
      successes.push(answers.filter((a) => a.statusCode === 200).length);
      expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 400)).toBe(true);
    }
    expect(successes).toEqual(Array(rounds).fill(1));
  }, 180_000);

  it(`invitation: ${rounds} rounds of ${parallel} simultaneous acceptances give exactly one account each`, async () => {
    const admin = await createUser(t, 'admin');
    const ctx = ctxFor(t, admin);
    const successes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const [invited] = await t.database.db
        .insert(users)
        .values({ email: `undangan-${r}-${Date.now()}@example.org`, name: `Undangan ${r}`, role: 'committee' })
        .returning();
      const { token } = await issueUserToken(ctx, invited!.id, 'invite');
      const answers = await Promise.all(
        Array.from({ length: parallel }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/auth/invitation/accept',
            payload: { token, password: `pilihan-${r}-${i}-xyz` },
            headers: { 'x-forwarded-for': nextIp() },
          }),
        ),
      );
      successes.push(answers.filter((a) => a.statusCode === 200).length);
      expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 400)).toBe(true);
    }
    expect(successes).toEqual(Array(rounds).fill(1));
  }, 180_000);
});
