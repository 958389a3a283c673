import nodemailer from 'nodemailer';

/** A file sent with a mail: bytes, or base64 text with `encoding: 'base64'`; `cid` for an inline image. */
export type MailAttachment = { filename: string; contentType: string; content: Buffer | string; encoding?: 'base64'; cid?: string };

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable across retries (set by the mail log), so a copy sent twice after a crash is recognisable. */
  messageId?: string;
  /** The row the mail is about, shown in the mail log (e.g. { type: 'user', id }). */
  related?: { type: string; id: string };
  /** The body may be kept after sending (it holds no one-time link). Default: erased once sent. */
  keepBody?: boolean;
  attachments?: MailAttachment[];
};
/** `configured: false`: no SMTP server, nothing leaves; the mail log keeps the body readable in the app. */
export type Mailer = { send: (mail: Mail) => Promise<void>; configured?: boolean };

/**
 * Sends over real SMTP when SMTP_URL is set. Without it (the demo) nothing is sent: the mail log screen shows the
 * message (whatever the log level), and in demo mode the log also prints it.
 */
export function createMailer(opts: {
  smtpUrl?: string;
  from: string;
  log: Pick<Console, 'info' | 'warn'> | { info: (o: object, m: string) => void; warn: (o: object, m: string) => void };
  logBodies?: boolean;
}): Mailer {
  if (!opts.smtpUrl) {
    return {
      configured: false,
      async send(mail) {
        // Bodies carry one-time links: print them only in demo mode, never in production logs.
        if (opts.logBodies)
          opts.log.info({ to: mail.to, subject: mail.subject }, `mail (no SMTP_URL, demo; also in the mail log screen):\n${mail.text}`);
        else
          opts.log.warn(
            { to: mail.to, subject: mail.subject },
            'mail not sent: SMTP_URL is not configured (readable in the mail log screen)',
          );
      },
    };
  }
  // Bounded waits: a dead SMTP server must not hold the mail worker for minutes.
  const transport = nodemailer.createTransport({
    url: opts.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        attachments: mail.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          ...(typeof a.content === 'string' && a.encoding ? { encoding: a.encoding } : {}),
          ...(a.cid ? { cid: a.cid } : {}),
        })),
      });
    },
  };
}
