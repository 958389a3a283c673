import { and, eq, isNull, sql } from 'drizzle-orm';
import { loadAuthorized, writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { institutions, meetingInvitations, registrations } from '../../db/schema/index';
import type { Delegate, DelegateInput } from '../../../shared/schemas/meetings';
import { shortInstitutionName } from './invitations';
import { meetingRoot } from './meetingRoot';
import { listDelegateRows, presentDelegate } from './present';
import { queueDelegateConfirmation } from './confirmation';
import { newTicket } from './tokens';

/**
 * A delegate registered at the desk. Counted against the institution's quota: over it, the committee must say so
 * explicitly (`overrideQuota`, its own permission), and the registration records who let them in.
 */
export async function registerWalkIn(
  ctx: Ctx,
  meetingId: string,
  input: { version: number; institutionId?: string | null; delegate: DelegateInput; overrideQuota?: boolean },
): Promise<Delegate & { meetingVersion: number }> {
  const { result, version } = await writeAggregate(
    ctx,
    meetingRoot,
    meetingId,
    { action: 'meeting.manage', version: input.version },
    async (tx, m) => {
      let invitation: typeof meetingInvitations.$inferSelect | undefined;
      let institutionName: string | null = null;
      if (input.institutionId) {
        const [inst] = await tx.db.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, input.institutionId));
        if (!inst) throw new NotFoundError('Instansi tidak ditemukan');
        institutionName = inst.name;
        [invitation] = await tx.db
          .select()
          .from(meetingInvitations)
          .where(and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.institutionId, input.institutionId)))
          .for('update');
      }
      let override = false;
      if (invitation) {
        const [{ n }] = (await tx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(registrations)
          .where(and(eq(registrations.invitationId, invitation.id), isNull(registrations.cancelledAt)))) as [{ n: number }];
        if (n >= invitation.quota) {
          if (!input.overrideQuota) {
            throw new ValidationError(
              `Kuota ${shortInstitutionName(institutionName!)} ${invitation.quota} orang sudah terisi. Centang "Lewati kuota" bila panitia mengizinkan peserta tambahan.`,
              {
                overrideQuota: 'Kuota sudah terisi',
              },
            );
          }
          authorize(tx.actor, 'meeting.overrideQuota', { type: 'meeting', status: m.status, managerIds: m.managerIds });
          override = true;
        }
      } else if (!input.overrideQuota) {
        throw new ValidationError('Instansi ini tidak diundang. Centang "Lewati kuota" bila panitia mengizinkan peserta tanpa undangan.', {
          overrideQuota: 'Instansi tidak diundang',
        });
      } else {
        authorize(tx.actor, 'meeting.overrideQuota', { type: 'meeting', status: m.status, managerIds: m.managerIds });
        override = true;
      }
      if (m.capacity) {
        const [{ n }] = (await tx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(registrations)
          .where(and(eq(registrations.meetingId, meetingId), isNull(registrations.cancelledAt)))) as [{ n: number }];
        if (n >= m.capacity && !override)
          throw new ValidationError(`Kapasitas ${m.venue} ${m.capacity} orang sudah terisi`, { overrideQuota: 'Kapasitas penuh' });
      }
      const d = input.delegate;
      const ticket = newTicket();
      const [row] = await tx.db
        .insert(registrations)
        .values({
          ...ticket,
          meetingId,
          invitationId: invitation?.id ?? null,
          institutionId: input.institutionId ?? null,
          name: d.name,
          position: d.position ?? null,
          phone: d.phone ?? null,
          email: d.email ?? null,
          nip: d.nip ?? null,
          officerId: d.officerId ?? null,
          walkIn: true,
          quotaOverrideBy: override ? (tx.actor.kind === 'user' ? tx.actor.id : null) : null,
        })
        .returning();
      await queueDelegateConfirmation(tx, row!, m, institutionName);
      const item = presentDelegate(row!, institutionName);
      return {
        result: item,
        audit: {
          action: 'registration.walkIn',
          entityType: 'registration',
          entityId: row!.id,
          after: { ...item, quotaOverride: override },
        },
      };
    },
  );
  return { ...result, meetingVersion: version };
}

/** The delegates of a meeting: all for its managers; a member officer only its own institution's. */
export async function listDelegates(ctx: Ctx, meetingId: string): Promise<{ items: Delegate[]; total: number }> {
  authorize(ctx.actor, 'meeting.invitation.read');
  if (ctx.actor.role === 'member') {
    const institutionId = ctx.actor.institutionId;
    const [inv] = institutionId
      ? await ctx.db
          .select({ id: meetingInvitations.id })
          .from(meetingInvitations)
          .where(and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.institutionId, institutionId)))
      : [];
    if (!inv) throw new NotFoundError('Rapat tidak ditemukan');
    const items = await listDelegateRows(ctx, meetingId, institutionId);
    return { items, total: items.length };
  }
  await loadAuthorized(ctx, meetingRoot, meetingId, 'meeting.invitation.read');
  const items = await listDelegateRows(ctx, meetingId);
  return { items, total: items.length };
}
