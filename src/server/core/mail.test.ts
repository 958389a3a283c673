import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { createMailer } from './mail';
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
  t = await createTestApp({ mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Simpul <noreply@simpul.test>', log: silent }) });
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
    const accept = await t.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password: 'kata-sandi-baru-1' } });
    expect(accept.statusCode).toBe(200);
  });

  it('does not reveal whether an address has an account when a reset is requested', async () => {
    const before = received.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'tidak.ada@example.org' } });
    expect(res.statusCode).toBe(200);
    expect(received.length).toBe(before);
  });
});
