import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, mailOutbox } from '../../db/schema/index';
import type { Mail } from '../../core/mail';
import { createTestApp, createUser, loginAs, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { waitFor } from '../../../../test/helpers/waitFor';

let smtpUp = false;
const delivered: Mail[] = [];
const mailer = {
  configured: true,
  async send(mail: Mail) {
    if (!smtpUp) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    delivered.push(mail);
  },
};

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({ mailer });
  admin = await loginAs(t, (await createUser(t, 'admin')).email);
});
afterAll(() => t.close());

async function failMailTo(email: string) {
  const res = await admin.request('POST', '/api/users', { email, name: 'Undangan Gagal', role: 'committee' });
  expect(res.statusCode).toBe(201);
  const [row] = await waitFor(
    async () => {
      const r = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
      return r[0]!.attempts >= 1 && r;
    },
    10_000,
    'first try',
  );
  // The job has recorded the failure and waits for its next try.
  await waitFor(
    async () => {
      const r = await t.database.db.execute(sql`select state::text as state from pgboss.job where id = ${row!.jobId}`);
      return (r as unknown as { rows: { state: string }[] }).rows[0]?.state === 'retry';
    },
    10_000,
    'waiting to retry',
  );
  // Hours later: the next try is the last one, and fails too.
  await t.database.db.execute(sql`update pgboss.job set retry_limit = retry_count + 1, start_after = now() where id = ${row!.jobId}`);
  t.app.jobs!.wake('mail_send');
  await waitFor(
    async () => (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)))[0]!.state === 'failed',
    10_000,
    'given up',
  );
  return row!;
}

describe('background jobs screen API', () => {
  it('is for administrators only', async () => {
    const { session } = await sessionFor(t, 'committee');
    for (const url of ['/api/jobs/queues', '/api/jobs/failed', '/api/jobs/mail']) {
      expect((await session.request('GET', url)).statusCode).toBe(403);
    }
    expect((await session.request('POST', '/api/jobs/mail_send/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs/queues' })).statusCode).toBe(401);
  });

  it('lists the queues with their counts by state and the schedule of recurring work', async () => {
    const res = await admin.request('GET', '/api/jobs/queues');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBe('Asia/Jakarta');
    const names = body.items.map((q: { name: string }) => q.name);
    expect(names).toEqual(expect.arrayContaining(['mail_send', 'housekeeping']));
    expect(body.items.find((q: { name: string }) => q.name === 'housekeeping').cron).toBe('7 * * * *');
    expect(Object.keys(body.items[0].counts).sort()).toEqual(['active', 'cancelled', 'completed', 'created', 'failed', 'retry']);
  });

  it('shows a failed job with its error, and a retry sends the mail once SMTP is back (audited)', async () => {
    const row = await failMailTo('gagal.kirim@example.org');
    const failed = (await admin.request('GET', '/api/jobs/failed?queue=mail_send')).json();
    const job = failed.items.find((j: { id: string }) => j.id === row.jobId);
    expect(job).toMatchObject({ queue: 'mail_send', queueLabel: 'Pengiriman e-mail', data: { mailId: row.id } });
    expect(job.error).toContain('ECONNREFUSED');
    const counts = (await admin.request('GET', '/api/jobs/queues'))
      .json()
      .items.find((q: { name: string }) => q.name === 'mail_send').counts;
    expect(counts.failed).toBeGreaterThanOrEqual(1);

    smtpUp = true;
    const retried = await admin.request('POST', `/api/jobs/mail_send/${row.jobId}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual({ ok: true, state: 'retry' });
    await waitFor(() => delivered.find((m) => m.to === 'gagal.kirim@example.org'), 10_000, 'sent after retry');
    const [after] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
    expect(after!.state).toBe('sent');
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, row.jobId!));
    expect(entry).toMatchObject({ action: 'job.retry', entityType: 'job' });
    // Only a failed job can be retried.
    const again = await admin.request('POST', `/api/jobs/mail_send/${row.jobId}/retry`);
    expect(again.statusCode).toBe(409);
    const missing = await admin.request('POST', '/api/jobs/mail_send/00000000-0000-4000-8000-000000000000/retry');
    expect(missing.statusCode).toBe(404);
  }, 30_000);

  it('filters the mail log by recipient and state, without bodies of mail that held links', async () => {
    smtpUp = true;
    await admin.request('POST', '/api/users', { email: 'log.satu@example.org', name: 'Satu', role: 'committee' });
    await waitFor(() => delivered.find((m) => m.to === 'log.satu@example.org'), 10_000, 'sent');
    await waitFor(
      async () => (await admin.request('GET', '/api/jobs/mail?to=LOG.SATU&state=sent')).json().total === 1,
      10_000,
      'marked sent',
    );
    const res = await admin.request('GET', '/api/jobs/mail?to=LOG.SATU&state=sent');
    const body = res.json();
    expect(body.smtpConfigured).toBe(true);
    expect(body.items[0]).toMatchObject({ to: 'log.satu@example.org', state: 'sent', text: null, entityType: null });
    expect(body.items[0].subject).toMatch(/Undangan/);
    expect((await admin.request('GET', '/api/jobs/mail?to=log.satu&state=failed')).json().total).toBe(0);
    const bad = await admin.request('GET', '/api/jobs/mail?state=hilang');
    expect(bad.statusCode).toBe(400);
  });

  it('describes the endpoints with their answers in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [path, method] of [
      ['/api/jobs/queues', 'get'],
      ['/api/jobs/failed', 'get'],
      ['/api/jobs/mail', 'get'],
      ['/api/jobs/{queue}/{id}/retry', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema, `${method} ${path}`).toBeDefined();
    }
  });
});

describe('mail log without SMTP', () => {
  it('shows the messages that were not sent, readable, whatever the log level', async () => {
    const demo = await createTestApp({ mailer: { configured: false, send: async () => {} }, env: { LOG_LEVEL: 'warn' } });
    try {
      const s = await loginAs(demo, (await createUser(demo, 'admin')).email);
      await s.request('POST', '/api/users', { email: 'demo.baca@example.org', name: 'Baca Demo', role: 'committee' });
      const body = await waitFor(
        async () => {
          const b = (await s.request('GET', '/api/jobs/mail?state=unsent')).json();
          // The worker marks the mail while we ask: wait until the page itself holds it.
          return b.items.length >= 1 && b;
        },
        10_000,
        'kept',
      );
      expect(body.smtpConfigured).toBe(false);
      expect(body.items[0].to).toBe('demo.baca@example.org');
      expect(body.items[0].text).toMatch(/accept-invitation\?token=/);
    } finally {
      await demo.close();
    }
  });
});
