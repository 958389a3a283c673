import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginAttempts, users } from '../../db/schema/index';
import { createTestApp, createUser, loginAs, testPassword, type TestApp } from '../../../../test/helpers/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newPassword = 'kata-sandi-baru-456';

async function tryLogin(email: string, password: string) {
  return (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })).statusCode;
}

describe('changing my password while signed in', () => {
  it('refuses a wrong current password, changes nothing and counts the failed attempt', async () => {
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    const other = await loginAs(t, u.email);
    const res = await s.request('POST', '/api/auth/password', { currentPassword: 'bukan-kata-sandinya', newPassword });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.currentPassword).toBe('Kata sandi saat ini salah');
    expect(await tryLogin(u.email, newPassword)).toBe(401);
    expect(await tryLogin(u.email, testPassword)).toBe(200);
    expect((await other.request('GET', '/api/auth/me')).json().user.email).toBe(u.email);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.password_change')));
    expect(audits).toHaveLength(0);
    const failures = await t.database.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, u.email), eq(loginAttempts.success, false)));
    expect(failures.length).toBeGreaterThanOrEqual(1);
  });

  it('stops guessing the current password after the log-in limit', async () => {
    const u = await createUser(t, 'member');
    const s = await loginAs(t, u.email);
    for (let i = 0; i < 5; i++) {
      expect((await s.request('POST', '/api/auth/password', { currentPassword: `tebakan-${i}`, newPassword })).statusCode).toBe(400);
    }
    // Even the right current password is refused now, and the log-in form is locked for this account too.
    expect((await s.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword })).statusCode).toBe(429);
    expect(await tryLogin(u.email, testPassword)).toBe(429);
  });

  it('sets the new password, ends my other sessions, keeps this one and writes an audit row', async () => {
    const u = await createUser(t, 'admin');
    const s = await loginAs(t, u.email);
    const elsewhere = await loginAs(t, u.email);
    const before = (await t.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, u.id)))[0]!.h;

    const res = await s.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json().endedSessions).toBe(1);

    expect((await s.request('GET', '/api/auth/me')).json().user.email).toBe(u.email);
    // The current session can still write (its CSRF token is unchanged).
    expect((await s.request('POST', '/api/auth/tokens', { name: 'Setelah ganti sandi' })).statusCode).toBe(201);
    expect((await elsewhere.request('GET', '/api/auth/me')).json().user).toBeNull();
    expect((await elsewhere.request('GET', '/api/auth/tokens')).statusCode).toBe(401);

    expect(await tryLogin(u.email, testPassword)).toBe(401);
    expect(await tryLogin(u.email, newPassword)).toBe(200);

    const after = (await t.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, u.id)))[0]!.h;
    expect(after).not.toBe(before);
    expect(after).toMatch(/^\$argon2id\$/);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.password_change')));
    expect(row?.actorId).toBe(u.id);
    expect(JSON.stringify(row)).not.toContain(newPassword);
  });

  it('refuses a too short new password or one equal to the current one, with the message under the field', async () => {
    const u = await createUser(t, 'speaker');
    const s = await loginAs(t, u.email);
    const short = await s.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'pendek' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.newPassword).toBe('Kata sandi minimal 10 karakter');
    const same = await s.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: testPassword });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields.newPassword).toMatch(/berbeda/);
    expect(await tryLogin(u.email, testPassword)).toBe(200);
  });

  it('refuses unknown fields in the body', async () => {
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    const res = await s.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword, userId: u.id });
    expect(res.statusCode).toBe(400);
    expect(await tryLogin(u.email, testPassword)).toBe(200);
  });

  it('refuses an API token caller and an anonymous caller', async () => {
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    const token = (await s.request('POST', '/api/auth/tokens', { name: 'Integrasi' })).json().token as string;
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await tryLogin(u.email, testPassword)).toBe(200);
  });
});
