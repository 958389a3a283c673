import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createMailer } from './mail';
import { enqueueMail, flushMail } from './mailOutbox';
import { mailOutbox } from '../db/schema/index';
import { createTestApp, createUser, loginAs, type TestApp } from '../../../test/helpers/testApp';
import { waitFor } from '../../../test/helpers/waitFor';

// A capturing SMTP server on loopback: mail really goes over SMTP, and the test reads what arrived.
let server: SMTPServer;
let port = 0;
const received: ParsedMail[] = [];
let t: TestApp;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((m) => {
        received.push(m);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  const silent = { info: () => {}, warn: () => {} };
  t = await createTestApp({
    mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Simpul <noreply@simpul.test>', log: silent }),
  });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('mail over SMTP', () => {
  it('delivers the invitation e-mail with a working link', async () => {
    const admin = await createUser(t, 'admin');
    const s = await loginAs(t, admin.email);
    const res = await s.request('POST', '/api/users', { email: 'undangan@example.org', name: 'Petugas Undangan', role: 'committee' });
    expect(res.statusCode).toBe(201);
    // Sent by the mail worker moments after the request has answered.
    const mail = await waitFor(() => received.find((m) => m.subject?.includes('Undangan')));
    expect(mail.messageId).toMatch(/@simpul\.test>?$/);
    expect(mail.from?.text).toContain('noreply@simpul.test');
    expect((mail.to as { text: string }).text).toBe('undangan@example.org');
    const link = mail.text!.match(/http:\/\/simpul\.test\/app\/accept-invitation\?token=\S+/)![0];
    const token = new URL(link).searchParams.get('token')!;
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'kata-sandi-baru-1' },
    });
    expect(accept.statusCode).toBe(200);
  });

  it('does not reveal whether an address has an account when a reset is requested', async () => {
    const before = received.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'tidak.ada@example.org' },
    });
    expect(res.statusCode).toBe(200);
    expect(received.length).toBe(before);
  });

  it('sends attachments (inline by cid too) and keeps none of them once sent', async () => {
    const pdf = Buffer.from('%PDF-1.4 surat undangan');
    const id = await t.database.db.transaction((tx) =>
      enqueueMail(
        { db: tx as never, config: t.config },
        {
          to: 'lampiran@example.org',
          subject: 'Surat undangan rapat',
          text: 'Terlampir surat undangan.',
          related: { type: 'meeting', id: 'rapat-1' },
          attachments: [
            { filename: 'undangan.pdf', contentType: 'application/pdf', content: pdf },
            {
              filename: 'tiket.png',
              contentType: 'image/png',
              content: Buffer.from('png').toString('base64'),
              encoding: 'base64',
              cid: 'tiket',
            },
          ],
        },
      ),
    );
    await flushMail();
    const mail = await waitFor(() => received.find((m) => m.subject === 'Surat undangan rapat'));
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['undangan.pdf', 'application/pdf', '%PDF-1.4 surat undangan'],
      ['tiket.png', 'image/png', 'png'],
    ]);
    expect(mail.attachments[1]!.cid).toBe('tiket');
    const row = await waitFor(async () => {
      const [r] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      return r?.state === 'sent' && r;
    });
    expect(row.attachments).toBeNull();
    expect(row).toMatchObject({ entityType: 'meeting', entityId: 'rapat-1' });
  });
});
