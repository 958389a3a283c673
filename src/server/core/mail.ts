import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string; html?: string };
export type Mailer = { send: (mail: Mail) => Promise<void> };

/**
 * Sends over real SMTP when SMTP_URL is set. Without it, the demo writes mail to the log
 * so that an administrator can still follow invitation and reset links.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; log: Pick<Console, 'info' | 'warn'> | { info: (o: object, m: string) => void; warn: (o: object, m: string) => void }; logBodies?: boolean }): Mailer {
  if (!opts.smtpUrl) {
    return {
      async send(mail) {
        // Bodies carry one-time links: print them only in demo mode, never in production logs.
        if (opts.logBodies) opts.log.info({ to: mail.to, subject: mail.subject }, `mail (no SMTP_URL, demo):\n${mail.text}`);
        else opts.log.warn({ to: mail.to, subject: mail.subject }, 'mail not sent: SMTP_URL is not configured');
      },
    };
  }
  // Bounded waits: a dead SMTP server must not hold a request or the mail worker for minutes.
  const transport = nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(mail) {
      await transport.sendMail({ from: opts.from, ...mail });
    },
  };
}
