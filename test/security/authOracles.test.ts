import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { institutions, officers, users } from '../../src/server/db/schema/index';
import { passwordStats } from '../../src/server/core/passwords';
import { neutralPersonConflict } from '../../src/server/modules/directory/officers';
import { createTestApp, createUser, loginAs, type TestApp } from '../helpers/testApp';

/**
 * Account oracles (issue 7, item 7): the answers and their timing must not tell which e-mail addresses have accounts,
 * and a member must not learn that an e-mail or NIP belongs to another institution's officer.
 *
 * Timing is compared loosely (medians of many interleaved samples, a ratio bound) so a busy machine does not make
 * the test flaky; before the fix the unknown address answered about 4 times faster (no argon2 verification).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
});
afterAll(() => t.close());

let ipSeq = 0;
const nextIp = () => `192.0.2.${(ipSeq++ % 250) + 1}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function timed(fn: () => Promise<{ statusCode: number }>) {
  const start = performance.now();
  const res = await fn();
  return { ms: performance.now() - start, status: res.statusCode };
}

describe('log-in does the same work for unknown addresses', () => {
  it('runs exactly one argon2 verification for a real account, an unknown address, a pending invitation and an inactive account', async () => {
    const real = await createUser(t, 'committee');
    const inactive = await createUser(t, 'committee');
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, inactive.id));
    const [pending] = await t.database.db
      .insert(users)
      .values({ email: `tertunda-${Date.now()}@example.org`, name: 'Tertunda', role: 'speaker' })
      .returning();
    for (const email of [real.email, `tidak-ada-${Date.now()}@example.org`, pending!.email, inactive.email]) {
      const before = passwordStats.verifications;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'tebakan-salah-9' },
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(res.statusCode, email).toBe(401);
      expect(res.json().error.message).toBe('E-mail atau kata sandi salah');
      expect(passwordStats.verifications - before, email).toBe(1);
    }
  });

  it('wrong passwords for real and unknown accounts take comparable time (argon2 runs for both)', async () => {
    // Four wrong passwords per account stay under the per-account limit; every request has its own address.
    const accounts = await Promise.all(Array.from({ length: 6 }, () => createUser(t, 'committee')));
    const login = (email: string) =>
      timed(() =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email, password: 'tebakan-salah-9' },
          headers: { 'x-forwarded-for': nextIp() },
        }),
      );
    await login(`pemanasan-${Date.now()}@example.org`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const [i, a] of accounts.entries()) {
        const k = await login(a.email);
        const u = await login(`tidak-ada-${round}-${i}-${Date.now()}@example.org`);
        expect(k.status).toBe(401);
        expect(u.status).toBe(401);
        known.push(k.ms);
        unknown.push(u.ms);
      }
    }
    const ratio = median(unknown) / median(known);
    console.info(`log-in medians: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`);
    // argon2id (19 MiB, 2 passes) takes several milliseconds: without it the unknown path is far faster.
    expect(ratio, `median unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.7);
  }, 180_000);
});

describe('password-reset requests answer alike for every address', () => {
  it('a real account, an unknown address and a throttled one get the same answer in comparable time', async () => {
    const accounts = await Promise.all(Array.from({ length: 8 }, () => createUser(t, 'speaker')));
    const request = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        payload: { email },
        headers: { 'x-forwarded-for': nextIp() },
      });
    const known: number[] = [];
    const unknown: number[] = [];
    const bodies = new Set<string>();
    // One request at a time, with a pause after each, as an attacker measuring answers would do; the pause lets the
    // work that follows an answer finish, so it does not weigh on the next sample.
    const pause = () => new Promise((r) => setTimeout(r, 400));
    for (const [i, a] of accounts.entries()) {
      const k = await timed(async () => {
        const r = await request(a.email);
        bodies.add(r.body);
        return r;
      });
      await pause();
      const u = await timed(async () => {
        const r = await request(`tidak-ada-${i}-${Date.now()}@example.org`);
        bodies.add(r.body);
        return r;
      });
      await pause();
      known.push(k.ms);
      unknown.push(u.ms);
    }
    // Beyond the per-address limit nothing is sent, and the answer is still the same.
    for (let i = 0; i < 4; i++) bodies.add((await request(accounts[0]!.email)).body);
    expect(bodies.size).toBe(1);
    const ratio = median(unknown) / median(known);
    console.info(`reset request medians: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`);
    expect(ratio, `median unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  }, 180_000);
});

describe("a member cannot probe other institutions' officers through the directory form", () => {
  it('an e-mail or NIP of another institution answers one neutral refusal; the own institution and the bureau learn the field', async () => {
    const stamp = Date.now();
    const [mine, theirs] = await t.database.db
      .insert(institutions)
      .values([
        { name: `Lembaga Saya ${stamp}`, category: 'bumd', searchText: `lembaga saya ${stamp}` },
        { name: `Lembaga Lain ${stamp}`, category: 'bumd', searchText: `lembaga lain ${stamp}` },
      ])
      .returning();
    const nip = `19800101200501${String(stamp).slice(-4)}`;
    const otherEmail = `rahasia-${stamp}@example.org`;
    await t.database.db.insert(officers).values([
      { institutionId: theirs!.id, name: 'Petugas Lain', email: otherEmail, nip, searchText: 'petugas lain' },
      { institutionId: mine!.id, name: 'Rekan Sendiri', email: `rekan-${stamp}@example.org`, searchText: 'rekan sendiri' },
    ]);
    const member = await loginAs(t, (await createUser(t, 'member', { institutionId: mine!.id })).email);

    const byEmail = await member.request('POST', '/api/officers', { name: 'Coba E-mail', email: otherEmail });
    const byNip = await member.request('POST', '/api/officers', { name: 'Coba NIP', nip });
    for (const res of [byEmail, byNip]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe(neutralPersonConflict);
      expect(res.json().error.fields ?? {}).toEqual({});
      expect(res.body).not.toMatch(/sudah terdaftar/);
    }
    expect(byEmail.json()).toEqual(byNip.json());

    // Within the member's own institution the clash is visible anyway, so the field is named.
    const own = await member.request('POST', '/api/officers', { name: 'Dobel', email: `rekan-${stamp}@example.org` });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.fields.email).toMatch(/sudah terdaftar/);

    // The bureau sees every officer: it is told which field clashes.
    const admin = await loginAs(t, (await createUser(t, 'admin')).email);
    const bureau = await admin.request('POST', '/api/officers', { name: 'Coba Biro', nip, institutionId: mine!.id });
    expect(bureau.statusCode).toBe(409);
    expect(bureau.json().error.fields.nip).toMatch(/sudah terdaftar/);
  });
});
