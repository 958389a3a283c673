import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox, users } from '../db/schema/index';
import type { Mail } from './mail';
import { deliverPendingMail, sentBodyPlaceholder } from './mailOutbox';
import { createTestApp, createUser, loginAs, type TestApp } from '../../../test/helpers/testApp';

// A mailer whose SMTP server can be "down": sending throws like a refused connection.
let smtpUp = false;
const delivered: Mail[] = [];
const flakyMailer = {
  async send(mail: Mail) {
    if (!smtpUp) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    delivered.push(mail);
  },
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ mailer: flakyMailer });
});
afterAll(() => t.close());

describe('mail outbox', () => {
  it('keeps an invitation when the SMTP server is down, and delivers it once the server is back', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const res = await s.request('POST', '/api/users', { email: 'tertunda@example.org', name: 'Undangan Tertunda', role: 'committee' });
    expect(res.statusCode).toBe(201);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'tertunda@example.org'));
    expect(user).toBeDefined();

    const [queued] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'tertunda@example.org'));
    expect(queued!.sentAt).toBeNull();
    expect(queued!.attempts).toBe(1);
    expect(queued!.lastError).toContain('ECONNREFUSED');
    expect(queued!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: the worker leaves it alone even with SMTP back.
    smtpUp = true;
    expect(await deliverPendingMail(t.database.db, flakyMailer)).toEqual({ sent: 0, failed: 0 });

    await t.database.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, queued!.id));
    expect(await deliverPendingMail(t.database.db, flakyMailer)).toEqual({ sent: 1, failed: 0 });
    const mail = delivered.find((m) => m.to === 'tertunda@example.org')!;
    expect(mail.text).toMatch(/accept-invitation\?token=/);

    // Sent once only, and the one-time link is no longer kept in the database.
    expect(await deliverPendingMail(t.database.db, flakyMailer)).toEqual({ sent: 0, failed: 0 });
    const [after] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, queued!.id));
    expect(after!.sentAt).not.toBeNull();
    expect(after!.text).toBe(sentBodyPlaceholder);
  });

  it('writes no mail when the change itself is refused', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const before = (await t.database.db.select().from(mailOutbox)).length;
    const res = await s.request('POST', '/api/users', { email: admin.email, name: 'Dobel', role: 'committee' });
    expect(res.statusCode).toBe(409);
    expect((await t.database.db.select().from(mailOutbox)).length).toBe(before);
  });
});
