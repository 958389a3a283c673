import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, loginAs, testPassword, type TestApp } from '../../../../test/helpers/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('log-in and sessions', () => {
  it('logs in with the right password and knows who is calling', async () => {
    const u = await createUser(t, 'admin');
    const s = await loginAs(t, u.email);
    const me = await s.request('GET', '/api/auth/me');
    expect(me.json().user.email).toBe(u.email);
    expect(me.json().abilities).toContain('user.manage');
  });

  it('refuses a wrong password with a message in Indonesian', async () => {
    const u = await createUser(t, 'committee');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'salah-sekali-123' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('E-mail atau kata sandi salah');
    expect(res.cookies).toHaveLength(0);
  });

  it('locks an account after five failed attempts, even with the right password', async () => {
    const u = await createUser(t, 'member');
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'salah-sekali-123' } });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: testPassword } });
    expect(res.statusCode).toBe(429);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const u = await createUser(t, 'admin');
    const s = await loginAs(t, u.email);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x' }, headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('logout ends the session', async () => {
    const u = await createUser(t, 'admin');
    const s = await loginAs(t, u.email);
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await s.request('GET', '/api/auth/me')).json().user).toBeNull();
  });
});

describe('personal API tokens', () => {
  it('authenticates with Bearer until revoked', async () => {
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    const created = await s.request('POST', '/api/auth/tokens', { name: 'Integrasi situs' });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.email).toBe(u.email);
    await s.request('DELETE', `/api/auth/tokens/${created.json().id}`);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.json().user).toBeNull();
  });
});

describe('password reset and invitation by e-mail', () => {
  it('resets the password with the e-mailed link, once', async () => {
    const u = await createUser(t, 'committee');
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: u.email } });
    const mail = t.outbox.find((m) => m.to === u.email)!;
    const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password: 'kata-sandi-baru-456' } });
    expect(res.statusCode).toBe(200);
    await loginAs(t, u.email, 'kata-sandi-baru-456');
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password: 'kata-sandi-lain-789' } });
    expect(again.statusCode).toBe(400);
  });

  it('lets an administrator invite a colleague who then chooses a password', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const res = await s.request('POST', '/api/users', { email: 'Rekan.Baru@Example.org', name: 'Rekan Baru', role: 'committee' });
    expect(res.statusCode).toBe(201);
    const mail = t.outbox.find((m) => m.to === 'rekan.baru@example.org')!;
    const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
    const accept = await t.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password: 'pilihan-sendiri-1' } });
    expect(accept.statusCode).toBe(200);
    await loginAs(t, 'rekan.baru@example.org', 'pilihan-sendiri-1');
    const audit = await s.request('GET', '/api/audit?action=user.invite');
    expect(audit.json().items[0].after.email).toBe('rekan.baru@example.org');
  });

  it('refuses a duplicate e-mail with 409 and a field message', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const res = await s.request('POST', '/api/users', { email: admin.email, name: 'Dobel', role: 'committee' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.email).toMatch(/sudah terdaftar/);
  });

  it('only administrators manage users', async () => {
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    expect((await s.request('GET', '/api/users')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});
