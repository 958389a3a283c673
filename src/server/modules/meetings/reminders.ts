import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../core/audit';
import { anonymous, type Ctx } from '../../core/context';
import { defineQueue, type JobContext } from '../../core/jobs';
import { meetingInvitations, meetings } from '../../db/schema/index';
import { jakartaIsoDate } from '../../../shared/dates';
import { listInvitationRows } from './present';
import { sendOne } from './sendInvitations';

/**
 * The automatic reminder: N days (the meeting's `reminder_days_before`, default 3) before a meeting whose
 * invitations are out, each invited institution that has not answered gets the invitation again with a fresh
 * RSVP link (once). Runs hourly; safe to run twice (reminded_at).
 */
export async function sendDueReminders(jc: Pick<JobContext, 'db' | 'config' | 'mailer'>, now = new Date()): Promise<{ reminded: number }> {
  const today = jakartaIsoDate(now);
  const due = await jc.db
    .select()
    .from(meetings)
    .where(
      and(
        inArray(meetings.status, ['invitations_sent', 'running']),
        sql`${meetings.startDate} >= ${today}::date`,
        sql`${meetings.startDate} - ${meetings.reminderDaysBefore} <= ${today}::date`,
        sql`${meetings.reminderDaysBefore} > 0`,
      ),
    );
  let reminded = 0;
  for (const m of due) {
    await jc.db.transaction(async (db) => {
      const ctx: Ctx = {
        actor: anonymous,
        db: db as unknown as Ctx['db'],
        requestId: 'job:meeting_reminders',
        config: jc.config,
        mailer: jc.mailer,
      };
      // One run at a time per meeting: the meeting row is locked while its reminders are queued.
      await ctx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, m.id)).for('no key update');
      const pending = await ctx.db
        .select({ id: meetingInvitations.id })
        .from(meetingInvitations)
        .where(
          and(
            eq(meetingInvitations.meetingId, m.id),
            eq(meetingInvitations.state, 'pending'),
            isNull(meetingInvitations.remindedAt),
            ne(meetingInvitations.sendState, 'unsent'),
          ),
        );
      if (!pending.length) return;
      const ids = new Set(pending.map((p) => p.id));
      const rows = (await listInvitationRows(ctx, m.id)).filter((i) => ids.has(i.id) && i.contactEmail);
      for (const inv of rows) await sendOne(ctx, m, inv, { reminder: true });
      // Those without an e-mail address are marked too, so they are not looked at every hour.
      await ctx.db
        .update(meetingInvitations)
        .set({ remindedAt: now })
        .where(inArray(meetingInvitations.id, [...ids]));
      await audit(ctx, {
        action: 'meeting.remind',
        entityType: 'meeting',
        entityId: m.id,
        after: { institutions: rows.map((r) => r.institutionName) },
      });
      reminded += rows.length;
    });
  }
  return { reminded };
}

export const meetingReminderQueue = defineQueue({
  name: 'meeting_reminders',
  label: 'Pengingat undangan rapat',
  schema: z.object({}).passthrough(),
  retryLimit: 2,
  expireInSeconds: 600,
  cron: { expression: '5 * * * *', data: {} },
  handler: (_data, jc) => sendDueReminders(jc),
});
