import { eq } from 'drizzle-orm';
import { writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { flushMail } from '../../core/mailOutbox';
import { ValidationError } from '../../core/errors';
import { meetingInvitations, meetings } from '../../db/schema/index';
import { letterFileOf } from './letters';
import { enqueueMail } from '../../core/mailOutbox';
import { attachment, invitationText, rsvpUrl, whatsappUrl } from './mailing';
import { meetingEndsAt, meetingRoot, rsvpDeadlineOf, type MeetingRow } from './meetingRoot';
import { indonesianPhone } from '../../../shared/schemas/meetings';
import { listInvitationRows } from './present';
import { hashToken, newToken } from './tokens';

type Sent = {
  invitationId: string;
  institutionName: string;
  to: string | null;
  whatsappUrl: string | null;
  rsvpUrl: string;
  problem: string | null;
};

/**
 * Sends the letters: for each invitation a fresh RSVP link (the previous one stops working), an e-mail to the
 * institution's main PR contact with the letter PDF and the link (queued in this transaction), and a WhatsApp
 * share link. By default every invitation not sent yet; with `invitationIds`, those (resend).
 */
export async function sendInvitations(
  ctx: Ctx,
  meetingId: string,
  input: { version: number; invitationIds?: string[] },
): Promise<{ queued: Sent[]; meetingVersion: number }> {
  const { result, version } = await writeAggregate(
    ctx,
    meetingRoot,
    meetingId,
    { action: 'meeting.send', version: input.version },
    async (tx, m) => {
      const all = await listInvitationRows(tx, meetingId);
      const targets = input.invitationIds
        ? all.filter((i) => input.invitationIds!.includes(i.id))
        : all.filter((i) => i.sendState === 'unsent');
      if (input.invitationIds && targets.length !== new Set(input.invitationIds).size)
        throw new ValidationError('Undangan tidak ditemukan pada rapat ini', { invitationIds: 'Undangan tidak dikenal' });
      if (targets.length === 0)
        throw new ValidationError('Tidak ada undangan yang perlu dikirim', { invitationIds: 'Semua undangan sudah dikirim' });
      const out: Sent[] = [];
      for (const inv of targets) out.push(await sendOne(tx, m, inv, { reminder: false }));
      if (m.status === 'draft') await tx.db.update(meetings).set({ status: 'invitations_sent' }).where(eq(meetings.id, meetingId));
      return {
        result: out,
        audit: {
          action: 'meeting.send',
          entityType: 'meeting',
          entityId: meetingId,
          after: { invitations: out.map((o) => ({ institution: o.institutionName, to: o.to, problem: o.problem })) },
        },
      };
    },
  );
  void flushMail(ctx);
  return { queued: result, meetingVersion: version };
}

export async function sendOne(
  tx: Ctx,
  m: MeetingRow | (typeof meetings.$inferSelect & { managerIds?: string[] }),
  inv: { id: string; institutionName: string; addressee: string; contactEmail: string | null; contactPhone: string | null; state?: string },
  opts: { reminder: boolean },
): Promise<Sent> {
  const token = newToken();
  const link = rsvpUrl(tx, token);
  const [row] = await tx.db.select().from(meetingInvitations).where(eq(meetingInvitations.id, inv.id));
  const deadline = rsvpDeadlineOf(m, row!.rsvpDeadline);
  const text = invitationText(m, {
    addressee: inv.addressee,
    institutionName: inv.institutionName,
    link,
    deadline,
    reminder: opts.reminder,
  });
  const now = new Date();
  let mailId: number | null = null;
  let problem: string | null = null;
  if (inv.contactEmail) {
    const letter = await letterFileOf(tx, { ...m, managerIds: [] } as MeetingRow, inv.id, 'pdf');
    mailId = await enqueueMail(tx, {
      to: inv.contactEmail,
      subject: `${opts.reminder ? 'Pengingat: ' : ''}Undangan ${m.title}`,
      text: `${text}\n\nSurat undangan (PDF): ${ctxLetterUrl(tx, token)}`,
      related: { type: 'meeting_invitation', id: inv.id },
      attachments: [attachment(letter.name, letter.mime, letter.body)],
    });
  } else problem = 'Instansi belum memiliki alamat e-mail kontak humas; gunakan tautan WhatsApp atau kirim surat secara langsung';
  await tx.db
    .update(meetingInvitations)
    .set({
      rsvpTokenHash: hashToken(token),
      rsvpTokenExpiresAt: meetingEndsAt(m),
      sendState: inv.contactEmail ? 'queued' : 'failed',
      sendError: problem,
      sentTo: inv.contactEmail,
      sentAt: null,
      mailId,
      sendCount: (row!.sendCount ?? 0) + 1,
      ...(opts.reminder ? { remindedAt: now } : {}),
      updatedAt: now,
    })
    .where(eq(meetingInvitations.id, inv.id));
  return {
    invitationId: inv.id,
    institutionName: inv.institutionName,
    to: inv.contactEmail,
    whatsappUrl: inv.contactPhone && indonesianPhone(inv.contactPhone) ? whatsappUrl(indonesianPhone(inv.contactPhone), text) : null,
    rsvpUrl: link,
    problem,
  };
}

const ctxLetterUrl = (ctx: Pick<Ctx, 'config'>, token: string) => `${ctx.config.publicUrl}/api/rsvp/${token}/letter.pdf`;
