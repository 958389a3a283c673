import { z } from '../zod';
import { pageOutput, pageQueryFields } from './common';

/** pg-boss job states, in the order a job goes through them. */
export const jobStates = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

export const jobStateLabels: Record<JobState, { id: string; en: string }> = {
  created: { id: 'Menunggu', en: 'Waiting' },
  retry: { id: 'Akan dicoba lagi', en: 'Will retry' },
  active: { id: 'Berjalan', en: 'Running' },
  completed: { id: 'Selesai', en: 'Done' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  failed: { id: 'Gagal', en: 'Failed' },
};

export const queueSummaryOutput = z.object({
  name: z.string(),
  /** Indonesian label of the queue. */
  label: z.string(),
  counts: z.object(Object.fromEntries(jobStates.map((s) => [s, z.number().int()])) as Record<JobState, z.ZodNumber>),
  /** The cron expression (Asia/Jakarta time) of recurring work, or null. */
  cron: z.string().nullable(),
});
export const queueListOutput = z.object({ items: z.array(queueSummaryOutput), timeZone: z.string() });

export const failedJobsQuery = z.strictObject({
  queue: z.string().max(50).optional(),
  ...pageQueryFields,
});
export const failedJobOutput = z.object({
  id: z.uuid(),
  queue: z.string(),
  queueLabel: z.string(),
  data: z.unknown(),
  /** The handler's error, as the last try left it. */
  error: z.string().nullable(),
  retryCount: z.number().int(),
  createdOn: z.date(),
  completedOn: z.date().nullable(),
});
export const failedJobListOutput = pageOutput(failedJobOutput);

export const jobParams = z.strictObject({ queue: z.string().max(50), id: z.uuid('Id pekerjaan tidak valid') });
export const retryJobOutput = z.object({ ok: z.literal(true), state: z.literal('retry') });

export const mailStates = ['queued', 'sent', 'failed', 'unsent'] as const;
export const mailStateLabels: Record<(typeof mailStates)[number], { id: string; en: string }> = {
  queued: { id: 'Antre', en: 'Queued' },
  sent: { id: 'Terkirim', en: 'Sent' },
  failed: { id: 'Gagal', en: 'Failed' },
  unsent: { id: 'Tidak dikirim (SMTP belum diatur)', en: 'Not sent (no SMTP)' },
};

export const mailLogQuery = z.strictObject({
  /** Part of the recipient's address. */
  to: z.string().trim().max(200).optional(),
  state: z.enum(mailStates, { error: 'Status e-mail tidak dikenal' }).optional(),
  ...pageQueryFields,
});
export const mailLogEntryOutput = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  state: z.enum(mailStates),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  messageId: z.string().nullable(),
  /** The message itself, only for mail that never left because no SMTP server is configured. */
  text: z.string().nullable(),
});
export const mailLogOutput = pageOutput(mailLogEntryOutput).extend({
  /** false: mail is not sent (no SMTP_URL); the log shows the messages instead. */
  smtpConfigured: z.boolean(),
});
export type QueueSummary = z.output<typeof queueSummaryOutput>;
export type FailedJob = z.output<typeof failedJobOutput>;
export type MailLogEntry = z.output<typeof mailLogEntryOutput>;
