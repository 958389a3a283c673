import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/**
 * A capturing SMTP server for the browser tests (playwright.config.ts points the app's SMTP_URL here):
 * each message is written as JSON to `mailDir`, where `waitForMail` finds it.
 */
// Next to the server's port (E2E_PORT), so several runs can share a machine.
export const mailPort = Number(process.env.E2E_PORT ?? 3107) + 1000;
export const mailDir = `node_modules/.cache/simpul-e2e-mail-${mailPort}`;

export default async function startMailbox() {
  rmSync(mailDir, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
        writeFileSync(
          join(mailDir, `${Date.now()}-${String(++n).padStart(4, '0')}.json`),
          JSON.stringify({ to, subject: mail.subject, text: mail.text }),
        );
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(mailPort, '127.0.0.1', resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

export type ReceivedMail = { to: string; subject: string; text: string };

/** The newest mail to `address` (waits up to 10 s for it to arrive). */
export async function waitForMail(address: string, subject: RegExp): Promise<ReceivedMail> {
  for (let i = 0; i < 100; i++) {
    const files = readdirSync(mailDir).sort().reverse();
    for (const f of files) {
      const mail = JSON.parse(readFileSync(join(mailDir, f), 'utf8')) as ReceivedMail;
      if (mail.to.includes(address) && subject.test(mail.subject)) return mail;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${address} matching ${subject}`);
}

/** The path (/app/...) of the first link to the app in a mail. */
export function appLink(mail: ReceivedMail): string {
  const url = mail.text.match(/https?:\/\/\S+\/app\/\S+/)?.[0];
  if (!url) throw new Error(`no app link in: ${mail.text}`);
  const u = new URL(url);
  return u.pathname + u.search;
}
