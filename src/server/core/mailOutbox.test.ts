import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { mailOutbox, users } from '../db/schema/index';
import type { Mail } from './mail';
import { sentBodyPlaceholder } from './mailOutbox';
import { createTestApp, createUser, loginAs, type TestApp } from '../../../test/helpers/testApp';
import { waitFor } from '../../../test/helpers/waitFor';

// A mailer whose SMTP server can be "down" (sending throws like a refused connection) or slow.
let smtpUp = false;
let slowMs = 0;
const delivered: Mail[] = [];
const tried: Mail[] = [];
const flakyMailer = {
  configured: true,
  async send(mail: Mail) {
    tried.push(mail);
    if (slowMs) await new Promise((r) => setTimeout(r, slowMs));
    if (!smtpUp) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    delivered.push(mail);
  },
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ mailer: flakyMailer });
});
afterAll(() => t.close());

const rows = (to: string[]) => t.database.db.select().from(mailOutbox).where(inArray(mailOutbox.to, to)).orderBy(mailOutbox.id);
async function jobStates(ids: string[]) {
  const r = await t.database.db.execute(
    sql`select id, state, retry_count as "retryCount" from pgboss.job where name = 'mail_send' and id in ${sql.raw(`('${ids.join("','")}')`)}`,
  );
  return (r as unknown as { rows: { id: string; state: string; retryCount: number }[] }).rows;
}
/** Time passes: the mail jobs waiting for their next try are due now. */
async function makeRetriesDue() {
  await t.database.db.execute(sql`update pgboss.job set start_after = now() where name = 'mail_send' and state = 'retry'`);
  t.app.jobs!.wake('mail_send');
}

describe('mail on the job queue', () => {
  it('keeps mail while the SMTP server is down and sends it when it is back: in order, each once, same Message-ID', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const to = ['tertunda1@example.org', 'tertunda2@example.org', 'tertunda3@example.org'];
    for (const email of to) {
      const res = await s.request('POST', '/api/users', { email, name: `Undangan ${email}`, role: 'committee' });
      expect(res.statusCode).toBe(201);
    }
    // The oldest delivery failed; the others wait behind it (order is kept). Nothing is lost.
    const failed = await waitFor(
      async () => {
        const r = await rows(to);
        return r.every((m) => m.lastError) && (await jobStates(r.map((m) => m.jobId!))).every((j) => j.state === 'retry') && r;
      },
      10_000,
      'first tries',
    );
    expect(failed[0]!.attempts).toBeGreaterThanOrEqual(1);
    for (const m of failed) {
      expect(m.state).toBe('queued');
      expect(m.lastError).toContain('ECONNREFUSED');
      expect(m.messageId).toMatch(/^<[0-9a-f-]+@simpul\.test>$/);
    }
    expect(delivered.filter((m) => to.includes(m.to))).toHaveLength(0);

    smtpUp = true;
    // Only the oldest mail's next try comes: once it succeeds, the mail waiting behind it goes too, in order.
    await t.database.db.execute(sql`update pgboss.job set start_after = now() where id = ${failed[0]!.jobId}`);
    t.app.jobs!.wake('mail_send');
    await waitFor(async () => (await rows(to)).every((m) => m.state === 'sent'), 10_000, 'sent');
    // Their own jobs, when they come, find their mail sent and send nothing again.
    await makeRetriesDue();
    await new Promise((r) => setTimeout(r, 1000));
    const got = delivered.filter((m) => to.includes(m.to));
    expect(got.map((m) => m.to)).toEqual(to);
    expect(got.every((m) => /accept-invitation\?token=/.test(m.text))).toBe(true);
    // The retry carried the Message-ID of the first try.
    const after = await rows(to);
    for (const m of after) {
      expect(tried.filter((x) => x.to === m.to).every((x) => x.messageId === m.messageId)).toBe(true);
      // The one-time link is no longer kept in the database.
      expect(m.text).toBe(sentBodyPlaceholder);
      expect(m.sentAt).not.toBeNull();
      expect(m.lastError).toBeNull();
    }
    expect((await jobStates(after.map((m) => m.jobId!))).every((j) => j.state === 'completed')).toBe(true);
  }, 30_000);

  it('answers a password-reset request without waiting for SMTP', async () => {
    const u = await createUser(t, 'committee');
    slowMs = 3000;
    try {
      const started = Date.now();
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: u.email } });
      expect(res.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      // The link is issued and its mail queued after the answer (the same path for every address).
      const row = await waitFor(async () => (await rows([u.email]))[0], 10_000, 'reset mail row');
      expect(row.subject).toMatch(/kata sandi/i);
      await waitFor(() => delivered.find((m) => m.to === u.email), 10_000, 'reset mail');
    } finally {
      slowMs = 0;
    }
  });

  it('gives a mail up after its last try, with the error kept', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    smtpUp = false;
    const res = await s.request('POST', '/api/users', { email: 'gagal@example.org', name: 'Tak Terkirim', role: 'committee' });
    expect(res.statusCode).toBe(201);
    const [first] = await waitFor(
      async () => {
        const r = await rows(['gagal@example.org']);
        return r[0]!.attempts >= 1 && r;
      },
      10_000,
      'first try',
    );
    // The job has recorded the failure and waits for its next try.
    await waitFor(async () => (await jobStates([first!.jobId!]))[0]?.state === 'retry', 10_000, 'waiting to retry');
    // Hours later: the next try is its last.
    await t.database.db.execute(sql`update pgboss.job set retry_limit = retry_count + 1 where id = ${first!.jobId}`);
    await makeRetriesDue();
    const [gaveUp] = await waitFor(
      async () => {
        const r = await rows(['gagal@example.org']);
        return r[0]!.state === 'failed' && r;
      },
      10_000,
      'given up',
    );
    expect(gaveUp!.lastError).toContain('ECONNREFUSED');
    expect((await jobStates([first!.jobId!]))[0]!.state).toBe('failed');
    smtpUp = true;
  }, 20_000);

  it('writes no mail and no job when the change itself is refused', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const count = async () => {
      const r = await t.database.db.execute(
        sql`select (select count(*) from mail_outbox)::int as mails, (select count(*) from pgboss.job where name = 'mail_send')::int as jobs`,
      );
      return (r as unknown as { rows: unknown[] }).rows[0];
    };
    const before = await count();
    const res = await s.request('POST', '/api/users', { email: admin.email, name: 'Dobel', role: 'committee' });
    expect(res.statusCode).toBe(409);
    expect(await count()).toEqual(before);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, admin.email));
    expect(user!.name).not.toBe('Dobel');
  });
});

describe('mail without SMTP (demo)', () => {
  it('keeps the message readable in the mail log instead of sending it', async () => {
    const logged: string[] = [];
    const demo = await createTestApp({ mailer: { configured: false, send: async (m) => void logged.push(m.to) } });
    try {
      const admin = await createUser(demo, 'admin');
      const s = await loginAs(demo, admin.email);
      const res = await s.request('POST', '/api/users', { email: 'demo.undangan@example.org', name: 'Undangan Demo', role: 'committee' });
      expect(res.statusCode).toBe(201);
      const [row] = await waitFor(
        async () => {
          const r = await demo.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'demo.undangan@example.org'));
          return r[0]?.state === 'unsent' && r;
        },
        10_000,
        'kept',
      );
      expect(row!.text).toMatch(/accept-invitation\?token=/);
      expect(row!.sentAt).toBeNull();
    } finally {
      await demo.close();
    }
  });
});
