import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

export type StoredAttachment = { filename: string; contentType: string; content: string; cid?: string };

export const mailStates = ['queued', 'sent', 'failed', 'unsent'] as const;
export type MailState = (typeof mailStates)[number];

/**
 * The mail log. A row is written in the same transaction as the change that causes the mail (an invitation, a
 * reset link) together with its job on the `mail_send` queue (pg-boss does the retries and the give-up). The row
 * says what happened: queued, sent, failed (given up), or unsent (no SMTP configured: the body stays readable).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** Files sent with the mail (base64), erased once it has been sent. */
    attachments: jsonb('attachments').$type<StoredAttachment[]>(),
    createdAt: createdAt(),
    state: text('state', { enum: mailStates }).notNull().default('queued'),
    /** Stable across retries, so a copy sent again after a crash is recognisable. */
    messageId: text('message_id'),
    /** The row the mail is about, e.g. user/<id>. */
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** The body holds a one-time link: erased once the mail has left. */
    eraseBody: boolean('erase_body').notNull().default(true),
    jobId: uuid('job_id'),
    attempts: integer('attempts').notNull().default(0),
    /** A sender holds the row until then, so two processes never send the same mail at once. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_state_idx').on(t.state, t.id),
    index('mail_outbox_to_idx').on(t.to),
    check('mail_outbox_state_check', sql`${t.state} in ('queued', 'sent', 'failed', 'unsent')`),
  ],
);
