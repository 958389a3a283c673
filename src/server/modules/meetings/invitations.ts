import { and, eq, inArray, sql } from 'drizzle-orm';
import { loadAuthorized, writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { NotFoundError, StateError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { activities, institutions, meetingInvitations, meetings, registrations } from '../../db/schema/index';
import type { InstitutionCategory } from '../../../shared/categories';
import type { Invitation } from '../../../shared/schemas/meetings';
import { meetingRoot } from './meetingRoot';
import { listInvitationRows } from './present';

/** "Pemerintah Kabupaten Agam" -> "Kabupaten Agam" (how refusals and letters name an institution). */
export function shortInstitutionName(name: string): string {
  return name.replace(/^Pemerintah\s+/i, '');
}

/** The head of an institution as the letter addresses it ("Bupati Agam", "Wali Kota Padang", "Rektor ..."). */
export function defaultAddressee(inst: { name: string; category: string }): string {
  const n = inst.name;
  const region = /^Pemerintah\s+(Kabupaten|Kota)\s+(.+)$/i.exec(n);
  if (region) return region[1]!.toLowerCase() === 'kota' ? `Wali Kota ${region[2]}` : `Bupati ${region[2]}`;
  switch (inst.category as InstitutionCategory) {
    case 'university':
      return `Rektor ${n}`;
    case 'bumn':
    case 'bumd':
      return `Direktur Utama ${n}`;
    default:
      return `Kepala ${n}`;
  }
}

/** The letter number for sequence n: '005/{seq}/Humas-{year}' -> '005/7/Humas-2019'. */
export function letterNumber(pattern: string, seq: number, year: number): string {
  return pattern.replaceAll('{seq}', String(seq)).replaceAll('{year}', String(year));
}

/**
 * Invites institutions (picked one by one, or every active institution of a category in one action). Already
 * invited ones are skipped. Each gets the quota (default 2), its head as addressee and the next letter number.
 */
export async function addInvitations(
  ctx: Ctx,
  meetingId: string,
  input: { version: number; institutionIds?: string[]; category?: InstitutionCategory; quota?: number },
) {
  if (!input.institutionIds?.length && !input.category)
    throw new ValidationError('Pilih instansi atau kategori yang diundang', {
      institutionIds: 'Pilih instansi atau kategori yang diundang',
    });
  const { result, version } = await writeAggregate(
    ctx,
    meetingRoot,
    meetingId,
    { action: 'meeting.manage', version: input.version },
    async (tx, m) => {
      const conditions = [];
      if (input.institutionIds?.length) conditions.push(inArray(institutions.id, input.institutionIds));
      if (input.category) conditions.push(and(eq(institutions.category, input.category), eq(institutions.active, true)));
      const picked = await tx.db
        .select({ id: institutions.id, name: institutions.name, category: institutions.category })
        .from(institutions)
        .where(conditions.length === 1 ? conditions[0] : sql`(${conditions[0]}) or (${conditions[1]})`)
        .orderBy(institutions.category, institutions.name);
      if (input.institutionIds?.length) {
        const found = new Set(picked.map((p) => p.id));
        const missing = input.institutionIds.filter((id) => !found.has(id));
        if (missing.length)
          throw new ValidationError('Instansi tidak ditemukan di direktori', { institutionIds: 'Instansi tidak ditemukan di direktori' });
      }
      const already = new Set(
        (
          await tx.db
            .select({ id: meetingInvitations.institutionId })
            .from(meetingInvitations)
            .where(eq(meetingInvitations.meetingId, meetingId))
        ).map((r) => r.id),
      );
      const fresh = picked.filter((p) => !already.has(p.id));
      const [activity] = await tx.db.select({ fiscalYear: activities.fiscalYear }).from(activities).where(eq(activities.id, m.activityId));
      const year = m.letterDate ? Number(m.letterDate.slice(0, 4)) : activity!.fiscalYear;
      let seq = m.letterSeq;
      const values = fresh.map((p) => ({
        meetingId,
        institutionId: p.id,
        quota: input.quota ?? 2,
        addressee: defaultAddressee(p),
        letterNumber: letterNumber(m.letterNumberPattern, ++seq, year),
      }));
      if (values.length) {
        await tx.db.insert(meetingInvitations).values(values);
        await tx.db.update(meetings).set({ letterSeq: seq }).where(eq(meetings.id, meetingId));
      }
      return {
        result: { added: values.length, skipped: picked.length - values.length },
        audit: {
          action: 'meetingInvitation.create',
          entityType: 'meeting',
          entityId: meetingId,
          after: { institutions: fresh.map((f) => f.name), quota: input.quota ?? 2 },
        },
      };
    },
  );
  return { ...result, meetingVersion: version };
}

export async function updateInvitation(
  ctx: Ctx,
  meetingId: string,
  invitationId: string,
  input: { version: number; quota?: number; addressee?: string; rsvpDeadline?: string | null },
) {
  const { version } = await writeAggregate(
    ctx,
    meetingRoot,
    meetingId,
    { action: 'meeting.manage', version: input.version },
    async (tx) => {
      const [before] = await tx.db
        .select()
        .from(meetingInvitations)
        .where(and(eq(meetingInvitations.id, invitationId), eq(meetingInvitations.meetingId, meetingId)))
        .for('update');
      if (!before) throw new NotFoundError('Undangan tidak ditemukan');
      if (input.quota !== undefined) {
        const [{ n }] = (await tx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(registrations)
          .where(
            and(eq(registrations.invitationId, invitationId), sql`${registrations.cancelledAt} is null`, eq(registrations.walkIn, false)),
          )) as [{ n: number }];
        if (n > input.quota)
          throw new ValidationError(`Sudah ${n} peserta terdaftar; kuota tidak dapat dikurangi menjadi ${input.quota}`, {
            quota: `Minimal ${n} (peserta yang sudah terdaftar)`,
          });
      }
      const values: Record<string, unknown> = { updatedAt: new Date() };
      if (input.quota !== undefined) values.quota = input.quota;
      if (input.addressee !== undefined) values.addressee = input.addressee;
      if (input.rsvpDeadline !== undefined) values.rsvpDeadline = input.rsvpDeadline ? new Date(input.rsvpDeadline) : null;
      await tx.db.update(meetingInvitations).set(values).where(eq(meetingInvitations.id, invitationId));
      return {
        result: null,
        audit: {
          action: 'meetingInvitation.update',
          entityType: 'meeting_invitation',
          entityId: invitationId,
          before: { quota: before.quota, addressee: before.addressee },
          after: values,
        },
      };
    },
  );
  const [item] = (await listInvitationRows(ctx, meetingId)).filter((i) => i.id === invitationId);
  return { ...item!, meetingVersion: version };
}

export async function removeInvitation(ctx: Ctx, meetingId: string, invitationId: string, version: number) {
  const r = await writeAggregate(ctx, meetingRoot, meetingId, { action: 'meeting.manage', version }, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(meetingInvitations)
      .where(and(eq(meetingInvitations.id, invitationId), eq(meetingInvitations.meetingId, meetingId)))
      .for('update');
    if (!before) throw new NotFoundError('Undangan tidak ditemukan');
    const [{ n }] = (await tx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.invitationId, invitationId), sql`${registrations.cancelledAt} is null`))) as [{ n: number }];
    if (n > 0) throw new StateError(`Undangan ini sudah memiliki ${n} peserta terdaftar dan tidak dapat dihapus`);
    await tx.db.delete(meetingInvitations).where(eq(meetingInvitations.id, invitationId));
    return {
      result: null,
      audit: { action: 'meetingInvitation.delete', entityType: 'meeting_invitation', entityId: invitationId, before },
    };
  });
  return { ok: true as const, meetingVersion: r.version };
}

/**
 * The invitations of a meeting: all of them for its managers and administrators; a member officer sees only its
 * own institution's (others of the same meeting are not found).
 */
export async function listInvitations(ctx: Ctx, meetingId: string): Promise<{ items: Invitation[]; total: number }> {
  authorize(ctx.actor, 'meeting.invitation.read');
  const actor = ctx.actor;
  if (actor.role === 'member') {
    const [m] = await ctx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId));
    if (!m) throw new NotFoundError('Rapat tidak ditemukan');
    const items = await listInvitationRows(ctx, meetingId, actor.institutionId ?? '00000000-0000-0000-0000-000000000000');
    if (items.length === 0) throw new NotFoundError('Rapat tidak ditemukan');
    for (const i of items) authorize(actor, 'meeting.invitation.read', { institutionId: i.institutionId });
    return { items, total: items.length };
  }
  const m = await loadAuthorized(ctx, meetingRoot, meetingId, 'meeting.invitation.read');
  const items = await listInvitationRows(ctx, m.id);
  return { items, total: items.length };
}
