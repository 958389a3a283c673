import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginAttempts, sessions } from '../db/schema/index';
import { removeExpiredRecords } from './housekeeping';
import { createTestApp, createUser, loginAs, type TestApp } from '../../../test/helpers/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('housekeeping', () => {
  it('removes expired sessions and old log-in attempts but keeps live sessions working', async () => {
    const u = await createUser(t, 'committee');
    const live = await loginAs(t, u.email);
    const stale = await loginAs(t, u.email);
    const staleHash = (await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).map((r) => r.tokenHash);
    // Expire one of the two sessions, and age the attempts.
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, staleHash[1]!));
    await t.database.db
      .update(loginAttempts)
      .set({ at: new Date(Date.now() - 2 * 24 * 3600_000) })
      .where(eq(loginAttempts.email, u.email));

    const removed = await removeExpiredRecords(t.database.db);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(removed.loginAttempts).toBeGreaterThanOrEqual(2);
    expect((await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).length).toBe(1);
    const meLive = (await live.request('GET', '/api/auth/me')).json().user;
    const meStale = (await stale.request('GET', '/api/auth/me')).json().user;
    expect([meLive?.email, meStale?.email].filter(Boolean)).toEqual([u.email]);
  });
});
