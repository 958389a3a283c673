import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../core/audit';
import { anonymous, type Ctx } from '../../core/context';
import { defineQueue, type JobContext } from '../../core/jobs';
import { enqueueMail } from '../../core/mailOutbox';
import { followUpInstitutions, followUps, institutions, meetings, resolutions, users } from '../../db/schema/index';
import { formatDateId, jakartaIsoDate } from '../../../shared/dates';
import { closedFollowUpStatuses, followUpReminderDays, followUpStatusLabels, type FollowUpStatus } from '../../../shared/outcomes';

/** The date `days` after an ISO date. */
function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Who hears about a follow-up: the responsible institutions' addresses and their active member officers' accounts. */
async function recipientsOf(ctx: Ctx, followUpId: string): Promise<string[]> {
  const inst = await ctx.db
    .select({ id: institutions.id, email: institutions.email })
    .from(followUpInstitutions)
    .innerJoin(institutions, eq(institutions.id, followUpInstitutions.institutionId))
    .where(eq(followUpInstitutions.followUpId, followUpId));
  const ids = inst.map((i) => i.id);
  const officers = ids.length
    ? await ctx.db
        .select({ email: users.email })
        .from(users)
        .where(and(inArray(users.institutionId, ids), eq(users.role, 'member'), eq(users.active, true)))
    : [];
  return [
    ...new Set([...inst.map((i) => i.email), ...officers.map((o) => o.email)].filter((e): e is string => !!e).map((e) => e.toLowerCase())),
  ];
}

/**
 * Reminders of follow-up actions: once when the due date is `followUpReminderDays` days away or less, and once
 * when it has passed (WIB dates), to each responsible institution and its member officers. Each follow-up row
 * is locked while its mail is queued and marked in the same transaction, so two runs never send one twice.
 */
export async function sendFollowUpReminders(
  jc: Pick<JobContext, 'db' | 'config' | 'mailer'>,
  now = new Date(),
): Promise<{ dueSoon: number; overdue: number }> {
  const today = jakartaIsoDate(now);
  const open = notInArray(followUps.status, [...closedFollowUpStatuses]);
  const candidates = await jc.db
    .select({ id: followUps.id })
    .from(followUps)
    .where(
      and(
        open,
        sql`((${followUps.dueDate} < ${today}::date and ${followUps.overdueReminderAt} is null)
          or (${followUps.dueDate} >= ${today}::date and ${followUps.dueDate} <= ${plusDays(today, followUpReminderDays)}::date and ${followUps.dueReminderAt} is null))`,
      ),
    );
  const counts = { dueSoon: 0, overdue: 0 };
  const base = jc.config.publicUrl.replace(/\/$/, '');
  for (const c of candidates) {
    await jc.db.transaction(async (db) => {
      const ctx: Ctx = {
        actor: anonymous,
        db: db as unknown as Ctx['db'],
        requestId: 'job:follow_up_reminders',
        config: jc.config,
        mailer: jc.mailer,
      };
      const [f] = await ctx.db
        .select({ row: followUps, statement: resolutions.statement, number: resolutions.number, title: meetings.title })
        .from(followUps)
        .innerJoin(resolutions, eq(resolutions.id, followUps.resolutionId))
        .innerJoin(meetings, eq(meetings.id, followUps.meetingId))
        .where(and(eq(followUps.id, c.id), open))
        .for('update', { of: followUps, skipLocked: true });
      if (!f) return;
      const overdue = f.row.dueDate < today;
      if (overdue ? f.row.overdueReminderAt : f.row.dueReminderAt) return;
      const kind = overdue ? 'overdue' : 'dueSoon';
      const to = await recipientsOf(ctx, c.id);
      const subject = overdue
        ? `Tindak lanjut melewati batas waktu: ${f.title}`
        : `Pengingat tindak lanjut (batas ${formatDateId(f.row.dueDate)}): ${f.title}`;
      const text = [
        'Yth. Bapak/Ibu Pejabat Humas,',
        '',
        overdue
          ? `Tindak lanjut berikut telah melewati batas waktu ${formatDateId(f.row.dueDate)} dan belum dilaporkan selesai:`
          : `Tindak lanjut berikut jatuh tempo pada ${formatDateId(f.row.dueDate)}:`,
        '',
        `Rumusan ${f.number}: ${f.statement}`,
        `Tindak lanjut: ${f.row.action}`,
        `Status saat ini: ${followUpStatusLabels[f.row.status as FollowUpStatus]}`,
        '',
        `Laporkan perkembangan dan bukti tindak lanjut di Simpul: ${base}/app/`,
        '',
        'Terima kasih.',
        'Biro Humas',
      ].join('\n');
      for (const address of to)
        await enqueueMail(ctx, { to: address, subject, text, related: { type: 'follow_up', id: c.id }, keepBody: true });
      await ctx.db
        .update(followUps)
        .set(overdue ? { overdueReminderAt: now } : { dueReminderAt: now })
        .where(eq(followUps.id, c.id));
      await audit(ctx, { action: 'followUp.remind', entityType: 'follow_up', entityId: c.id, after: { kind, to } });
      counts[kind] += 1;
    });
  }
  return counts;
}

export const followUpReminderQueue = defineQueue({
  name: 'follow_up_reminders',
  label: 'Pengingat tindak lanjut rumusan rapat',
  schema: z.object({}).passthrough(),
  retryLimit: 2,
  expireInSeconds: 900,
  // Every morning at 07.00 WIB.
  cron: { expression: '0 7 * * *', data: {} },
  handler: (_data, jc) => sendFollowUpReminders(jc),
});
