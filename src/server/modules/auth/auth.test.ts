import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { institutions, loginAttempts, mailOutbox, users } from '../../db/schema/index';
import { createTestApp, createUser, loginAs, testPassword, type TestApp } from '../../../../test/helpers/testApp';
import { resetRequestLimits } from './oneTimeLinks';

let t: TestApp;
beforeAll(async () => {
  // Trusting the local test client as a proxy lets a test speak from an address of its own (X-Forwarded-For).
  t = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
});
afterAll(() => t.close());

/** Mail leaves after the answer (outbox + job queue): wait for it. */
async function mailTo(email: string, subject?: RegExp, after = 0) {
  return vi.waitFor(
    () => {
      const m = t.outbox.slice(after).find((x) => x.to === email && (!subject || subject.test(x.subject)));
      if (!m) throw new Error(`no mail to ${email} yet`);
      return m;
    },
    { timeout: 15_000, interval: 50 },
  );
}
const tokenIn = (text: string) => new URL(text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
const mailsQueuedTo = async (email: string) => (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).length;

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
    const token = tokenIn((await mailTo(u.email)).text);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token, password: 'kata-sandi-baru-456' },
    });
    expect(res.statusCode).toBe(200);
    await loginAs(t, u.email, 'kata-sandi-baru-456');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token, password: 'kata-sandi-lain-789' },
    });
    expect(again.statusCode).toBe(400);
  });

  it('lets an administrator invite a colleague who then chooses a password', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const res = await s.request('POST', '/api/users', { email: 'Rekan.Baru@Example.org', name: 'Rekan Baru', role: 'committee' });
    expect(res.statusCode).toBe(201);
    const token = tokenIn((await mailTo('rekan.baru@example.org')).text);
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'pilihan-sendiri-1' },
    });
    expect(accept.statusCode).toBe(200);
    await loginAs(t, 'rekan.baru@example.org', 'pilihan-sendiri-1');
    const audit = await s.request('GET', '/api/audit?action=user.invite');
    expect(audit.json().items[0].after.email).toBe('rekan.baru@example.org');
  });

  it("keeps a speaker's name as the administrator gave it (it links the account to its agenda sessions)", async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    for (const [email, role, name] of [
      ['narsum.baru@example.org', 'speaker', 'Dr. Narasumber Baru'],
      ['panitia.baru@example.org', 'committee', 'Panitia Baru'],
    ] as const) {
      expect((await s.request('POST', '/api/users', { email, name, role })).statusCode).toBe(201);
      const token = tokenIn((await mailTo(email)).text);
      const accept = await t.app.inject({
        method: 'POST',
        url: '/api/auth/invitation/accept',
        payload: { token, name: 'Nama Narasumber Lain', password: 'pilihan-sendiri-1' },
      });
      expect(accept.statusCode).toBe(200);
    }
    const names = (await s.request('GET', '/api/users')).json().items as { email: string; name: string }[];
    expect(names.find((u) => u.email === 'narsum.baru@example.org')?.name).toBe('Dr. Narasumber Baru');
    expect(names.find((u) => u.email === 'panitia.baru@example.org')?.name).toBe('Nama Narasumber Lain');
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

describe('log-in delay instead of a lock anyone can set (issue 7, item 9)', () => {
  it('a valid reset link lifts the delay at once', async () => {
    const u = await createUser(t, 'committee');
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'salah-sekali-123' } });
    }
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: testPassword } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/Coba lagi dalam \d+ detik/);
    expect(refused.json().error.retryAfterSeconds).toBeGreaterThan(0);
    // The owner resets through the mailed link and is let in straight away.
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: u.email } });
    const token = tokenIn((await mailTo(u.email, /Atur ulang/)).text);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password: 'pulih-kembali-123' } }))
        .statusCode,
    ).toBe(200);
    await loginAs(t, u.email, 'pulih-kembali-123');
  });

  it('a wrong password no longer locks the account after the delay: the delay is counted from the last failure', async () => {
    const u = await createUser(t, 'speaker');
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'salah-sekali-123' } });
    }
    // Move the failures back in time beyond the first delay (30 s): the right password works again.
    await t.database.db
      .update(loginAttempts)
      .set({ at: new Date(Date.now() - 31_000) })
      .where(eq(loginAttempts.email, u.email));
    await loginAs(t, u.email);
  });
});

describe('API tokens (issue 7, item 10)', () => {
  async function tokenFor(s: Awaited<ReturnType<typeof loginAs>>, name = 'Integrasi') {
    return (await s.request('POST', '/api/auth/tokens', { name })).json().token as string;
  }
  const asBearer = (token: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('a token cannot create tokens: only a signed-in session can', async () => {
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    const token = await tokenFor(s);
    const minted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'turunan' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(minted.statusCode).toBe(403);
    expect((await s.request('GET', '/api/auth/tokens')).json().items).toHaveLength(1);
  });

  it('a password change revokes the tokens unless the user keeps them', async () => {
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    const token = await tokenFor(s);
    const kept = await s.request('POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'sandi-kedua-123',
      revokeTokens: false,
    });
    expect(kept.json()).toMatchObject({ ok: true, revokedTokens: 0 });
    expect((await asBearer(token)).json().user.email).toBe(u.email);
    const revoked = await s.request('POST', '/api/auth/password', { currentPassword: 'sandi-kedua-123', newPassword: 'sandi-ketiga-123' });
    expect(revoked.json()).toMatchObject({ ok: true, revokedTokens: 1 });
    expect((await asBearer(token)).json().user).toBeNull();
  });

  it('a password reset revokes every token', async () => {
    const u = await createUser(t, 'committee');
    const token = await tokenFor(await loginAs(t, u.email));
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: u.email } });
    const link = tokenIn((await mailTo(u.email, /Atur ulang/)).text);
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token: link, password: 'setelah-reset-123' } });
    expect((await asBearer(token)).json().user).toBeNull();
  });

  it('deactivation revokes tokens and ends sessions; reactivation revives neither', async () => {
    const admin = await loginAs(t, (await createUser(t, 'admin')).email);
    const u = await createUser(t, 'committee');
    const s = await loginAs(t, u.email);
    const token = await tokenFor(s);
    expect((await admin.request('PATCH', `/api/users/${u.id}`, { active: false })).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/users/${u.id}`, { active: true })).statusCode).toBe(200);
    expect((await asBearer(token)).json().user).toBeNull();
    expect((await s.request('GET', '/api/auth/me')).json().user).toBeNull();
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.active).toBe(true);
  });
});

describe('password-reset requests are throttled and answer alike (issue 7, item 8)', () => {
  it(`sends at most ${resetRequestLimits.perAddress} mails an hour to one address, with the same answer every time`, async () => {
    const u = await createUser(t, 'committee');
    const bodies = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: u.email } });
      expect(res.statusCode).toBe(200);
      bodies.add(res.body);
    }
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: `tak-dikenal-${Date.now()}@example.org` },
    });
    bodies.add(unknown.body);
    expect(bodies.size).toBe(1);
    // Links are issued after the answer: wait for them, then make sure no more come.
    await vi.waitFor(async () => expect(await mailsQueuedTo(u.email)).toBe(resetRequestLimits.perAddress), { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsQueuedTo(u.email)).toBe(resetRequestLimits.perAddress);
  });

  it(`serves at most ${resetRequestLimits.perIp} requests an hour from one client address`, async () => {
    const t2 = await createTestApp();
    try {
      const people = await Promise.all(Array.from({ length: resetRequestLimits.perIp + 2 }, () => createUser(t2, 'speaker')));
      for (const p of people) {
        const res = await t2.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: p.email } });
        expect(res.statusCode).toBe(200);
      }
      const queued = async () => (await t2.database.db.select().from(mailOutbox)).length;
      await vi.waitFor(async () => expect(await queued()).toBe(resetRequestLimits.perIp), { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 500));
      expect(await queued()).toBe(resetRequestLimits.perIp);
    } finally {
      await t2.close();
    }
  }, 180_000);
});

describe('invitations that went astray (issue 6)', () => {
  async function invite(admin: Awaited<ReturnType<typeof loginAs>>, email: string) {
    const res = await admin.request('POST', '/api/users', { email, name: 'Petugas Undangan', role: 'committee' });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  it('an administrator re-sends the invitation or copies a new link; only the newest link works', async () => {
    const admin = await loginAs(t, (await createUser(t, 'admin')).email);
    const email = `hilang-${Date.now()}@example.org`;
    const id = await invite(admin, email);
    const first = tokenIn((await mailTo(email)).text);
    const again = await admin.request('POST', `/api/users/${id}/invitation`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().sentTo).toBe(email);
    const copied = await admin.request('POST', `/api/users/${id}/invitation`, { send: false });
    expect(copied.json().sentTo).toBeNull();
    const link = tokenIn(copied.json().link);
    expect(await mailsQueuedTo(email)).toBe(2);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token: first, password: 'pilihan-sendiri-1' },
    });
    expect(old.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token: link, password: 'pilihan-sendiri-1' },
    });
    expect(ok.statusCode).toBe(200);
    // Accepted: nothing left to re-send.
    expect((await admin.request('POST', `/api/users/${id}/invitation`, {})).statusCode).toBe(409);
    const audit = await admin.request('GET', '/api/audit?action=user.invitation_resend');
    expect(audit.json().items.length).toBeGreaterThanOrEqual(2);
  });

  it('inviting the same address again points to the re-send instead of "sudah terdaftar"', async () => {
    const admin = await loginAs(t, (await createUser(t, 'admin')).email);
    const email = `dua-kali-${Date.now()}@example.org`;
    await invite(admin, email);
    const res = await admin.request('POST', '/api/users', { email, name: 'Lagi', role: 'committee' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.email).toMatch(/Kirim ulang undangan/);
  });

  it('only administrators re-send invitations', async () => {
    const admin = await loginAs(t, (await createUser(t, 'admin')).email);
    const id = await invite(admin, `hanya-admin-${Date.now()}@example.org`);
    const committee = await loginAs(t, (await createUser(t, 'committee')).email);
    expect((await committee.request('POST', `/api/users/${id}/invitation`, {})).statusCode).toBe(403);
  });

  it('"lupa kata sandi" before accepting sends the invitation again, with the usual answer', async () => {
    const admin = await loginAs(t, (await createUser(t, 'admin')).email);
    const email = `lupa-${Date.now()}@example.org`;
    await invite(admin, email);
    await mailTo(email);
    const before = t.outbox.length;
    // From an address of its own: this file's other tests used up the per-address allowance of 127.0.0.1.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      headers: { 'x-forwarded-for': '192.0.2.10' },
    });
    expect(res.json().message).toMatch(/Bila alamat itu terdaftar/);
    const mail = await mailTo(email, /Undangan/, before);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token: tokenIn(mail.text), password: 'akhirnya-masuk-1' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('the accept page learns who is invited and for which institution; a used link tells nothing', async () => {
    const admin = await loginAs(t, (await createUser(t, 'admin')).email);
    const name = `Dinas Kominfo Uji ${Date.now()}`;
    const [inst] = await t.database.db
      .insert(institutions)
      .values({ name, category: 'provincial_agency', searchText: name.toLowerCase() })
      .returning();
    const email = `anggota-${Date.now()}@example.org`;
    const res = await admin.request('POST', '/api/users', { email, name: 'Rina Anggota', role: 'member', institutionId: inst!.id });
    expect(res.statusCode).toBe(201);
    const token = tokenIn((await mailTo(email)).text);
    const info = await t.app.inject({ method: 'GET', url: `/api/auth/invitation?token=${encodeURIComponent(token)}` });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email, name: 'Rina Anggota', role: 'member', institutionName: name });
    await t.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password: 'pilihan-sendiri-1' } });
    const used = await t.app.inject({ method: 'GET', url: `/api/auth/invitation?token=${encodeURIComponent(token)}` });
    expect(used.statusCode).toBe(400);
    expect(used.body).not.toContain(email);
  });
});

describe('TRUST_PROXY (issue 7, item 4)', () => {
  it('ignores X-Forwarded-For by default: rotating it does not escape the per-address limit', async () => {
    const t2 = await createTestApp();
    try {
      const codes: number[] = [];
      for (let i = 0; i < 32; i++) {
        const res = await t2.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `orang-${i}@example.org`, password: 'tebakan-salah' },
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
      expect(codes.slice(30)).toEqual([429, 429]);
      const ips = await t2.database.db.selectDistinct({ ip: loginAttempts.ip }).from(loginAttempts);
      expect(ips.map((r) => r.ip)).toEqual(['127.0.0.1']);
    } finally {
      await t2.close();
    }
  }, 180_000);

  it('believes X-Forwarded-For only from a listed proxy', async () => {
    const t2 = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1/32' } });
    try {
      await t2.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@example.org', password: 'tebakan-salah' },
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
      const [row] = await t2.database.db
        .select()
        .from(loginAttempts)
        .where(and(eq(loginAttempts.email, 'x@example.org')));
      expect(row!.ip).toBe('203.0.113.7');
    } finally {
      await t2.close();
    }
  }, 180_000);
});
