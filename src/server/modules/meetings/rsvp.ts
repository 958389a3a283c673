import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { DomainError, NotFoundError, StateError, ValidationError } from '../../core/errors';
import { agendaSessions, institutions, meetingInvitations, meetings, officers, registrations, speakers } from '../../db/schema/index';
import { formatInstantId } from '../../../shared/dates';
import { clockId, formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import type { RsvpState } from '../../../shared/meetingStates';
import type { DelegateInput, RsvpView } from '../../../shared/schemas/meetings';
import { shortInstitutionName } from './invitations';
import { meetingEndsAt, rsvpDeadlineOf } from './meetingRoot';
import { queueDelegateConfirmation } from './confirmation';
import { hashToken, newTicket } from './tokens';

type Db = Ctx['db'];
export const unknownLinkMessage =
  'Tautan undangan tidak dikenal. Periksa kembali tautan pada e-mail undangan, atau minta tautan baru kepada panitia.';
export const expiredLinkMessage = 'Tautan undangan sudah tidak berlaku karena rapat telah berakhir.';

/** An RSVP link that has expired: 409 invalid_state, saying so. */
export class LinkExpiredError extends DomainError {
  constructor(message = expiredLinkMessage) {
    super('invalid_state', message, { reason: 'link_expired' });
  }
}

/** The invitation a link opens, with its meeting; 404 for an unknown link, 410 for an expired one. */
async function byToken(db: Db, token: string, lock = false) {
  const q = db
    .select({ inv: meetingInvitations, meeting: meetings, institutionName: institutions.name })
    .from(meetingInvitations)
    .innerJoin(meetings, eq(meetings.id, meetingInvitations.meetingId))
    .innerJoin(institutions, eq(institutions.id, meetingInvitations.institutionId))
    .where(eq(meetingInvitations.rsvpTokenHash, hashToken(token)));
  const [row] = lock ? await q.for('update', { of: meetingInvitations }) : await q;
  if (!row) throw new NotFoundError(unknownLinkMessage);
  const now = new Date();
  const expires = row.inv.rsvpTokenExpiresAt ?? meetingEndsAt(row.meeting);
  if (now >= expires || row.meeting.status === 'done') throw new LinkExpiredError();
  if (row.meeting.status === 'cancelled') throw new LinkExpiredError('Rapat ini dibatalkan; tautan undangan tidak berlaku lagi.');
  return row;
}

function agendaLines(rows: (typeof agendaSessions.$inferSelect)[], names: Map<string, string>) {
  return rows.map((r) => ({
    time: `${clockId(r.startTime)}–${clockId(r.endTime)}`,
    title: r.title,
    speakers: ((r.speakerIds as string[]) ?? [])
      .map((id) => names.get(id))
      .filter(Boolean)
      .join(', '),
  }));
}

export async function meetingAgendaLines(db: Db, meetingId: string, activityId: string) {
  const rows = await db
    .select()
    .from(agendaSessions)
    .where(eq(agendaSessions.meetingId, meetingId))
    .orderBy(asc(agendaSessions.position), asc(agendaSessions.startTime));
  const names = new Map(
    (await db.select({ id: speakers.id, name: speakers.name }).from(speakers).where(eq(speakers.activityId, activityId))).map((s) => [
      s.id,
      s.name,
    ]),
  );
  return agendaLines(rows, names);
}

/** What the holder of an RSVP link sees: the meeting, the quota, the answer so far and the institution's officers. */
export async function viewRsvp(ctx: Ctx, token: string): Promise<RsvpView> {
  const { inv, meeting: m, institutionName } = await byToken(ctx.db, token);
  const deadline = rsvpDeadlineOf(m, inv.rsvpDeadline);
  const delegates = await ctx.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.invitationId, inv.id), isNull(registrations.cancelledAt), eq(registrations.walkIn, false)))
    .orderBy(asc(registrations.createdAt));
  const staff = await ctx.db
    .select({
      id: officers.id,
      name: officers.name,
      position: officers.position,
      phone: officers.phone,
      email: officers.email,
      nip: officers.nip,
    })
    .from(officers)
    .where(and(eq(officers.institutionId, inv.institutionId), eq(officers.active, true)))
    .orderBy(asc(officers.name));
  return {
    meeting: {
      title: m.title,
      dateText: formatMeetingDate(m.startDate, m.endDate),
      timeText: formatMeetingTime(m.startTime, m.endTime),
      venue: m.venue,
      venueAddress: m.venueAddress,
      agenda: await meetingAgendaLines(ctx.db, m.id, m.activityId),
    },
    institution: { id: inv.institutionId, name: institutionName },
    addressee: inv.addressee,
    quota: inv.quota,
    state: inv.state as RsvpState,
    declineReason: inv.declineReason,
    deadline: deadline.toISOString(),
    deadlineText: formatInstantId(deadline, { time: true }),
    canChange: new Date() < deadline,
    delegates: delegates.map((d) => ({
      id: d.id,
      name: d.name,
      position: d.position,
      phone: d.phone,
      email: d.email,
      nip: d.nip,
      officerId: d.officerId,
    })),
    officers: staff,
  };
}

function quotaFull(institutionName: string, quota: number) {
  return `Kuota ${shortInstitutionName(institutionName)} ${quota} orang sudah terisi`;
}

/**
 * The locked context of an answer: the meeting row (FOR NO KEY UPDATE, so answers of one meeting are applied one
 * at a time against its capacity) and the invitation (FOR UPDATE). Refuses after the deadline.
 */
async function lockForAnswer(tx: Ctx, token: string) {
  const found = await byToken(tx.db, token);
  await tx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, found.meeting.id)).for('no key update');
  const row = await byToken(tx.db, token, true);
  const deadline = rsvpDeadlineOf(row.meeting, row.inv.rsvpDeadline);
  if (new Date() >= deadline)
    throw new StateError(
      `Batas waktu konfirmasi (${formatInstantId(deadline, { time: true })}) sudah lewat; jawaban tidak dapat diubah lagi. Hubungi panitia.`,
    );
  return row;
}

async function activeCount(db: Db, where: ReturnType<typeof and>) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(registrations).where(where);
  return r!.n;
}

async function checkOfficers(tx: Ctx, institutionId: string, delegates: DelegateInput[]) {
  const ids = delegates.map((d) => d.officerId).filter((x): x is string => !!x);
  if (!ids.length) return;
  const found = await tx.db
    .select({ id: officers.id })
    .from(officers)
    .where(and(inArray(officers.id, ids), eq(officers.institutionId, institutionId)));
  if (found.length !== new Set(ids).size)
    throw new ValidationError('Pejabat yang dipilih bukan pegawai instansi ini', {
      officerId: 'Pejabat yang dipilih bukan pegawai instansi ini',
    });
}

async function checkCapacity(tx: Ctx, m: typeof meetings.$inferSelect, adding: number) {
  if (!m.capacity || adding <= 0) return;
  const n = await activeCount(tx.db, and(eq(registrations.meetingId, m.id), isNull(registrations.cancelledAt)));
  if (n + adding > m.capacity)
    throw new ValidationError(`Kapasitas ${m.venue} ${m.capacity} orang sudah terisi (${n} terdaftar)`, {
      delegates: `Kapasitas ${m.capacity} orang sudah terisi`,
    });
}

/**
 * Accept with the full list of delegates (replacing the previous answer: kept ones keep their tickets, removed ones
 * are cancelled, new ones get a ticket and a confirmation e-mail), or decline with a reason. All or nothing.
 */
export async function answerRsvp(
  ctx: Ctx,
  token: string,
  answer: { answer: 'accept'; delegates: DelegateInput[] } | { answer: 'decline'; reason: string },
): Promise<RsvpView> {
  await inTransaction(ctx, async (tx) => {
    const { inv, meeting: m, institutionName } = await lockForAnswer(tx, token);
    const current = await tx.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.invitationId, inv.id), isNull(registrations.cancelledAt), eq(registrations.walkIn, false)));
    const now = new Date();
    if (answer.answer === 'decline') {
      if (current.length)
        await tx.db
          .update(registrations)
          .set({ cancelledAt: now, updatedAt: now })
          .where(
            inArray(
              registrations.id,
              current.map((c) => c.id),
            ),
          );
      await tx.db
        .update(meetingInvitations)
        .set({ state: 'declined', declineReason: answer.reason, respondedAt: now, updatedAt: now })
        .where(eq(meetingInvitations.id, inv.id));
      await audit(tx, {
        action: 'rsvp.decline',
        entityType: 'meeting_invitation',
        entityId: inv.id,
        before: { state: inv.state, delegates: current.map((c) => c.name) },
        after: { state: 'declined', reason: answer.reason },
      });
      return;
    }
    const delegates = answer.delegates;
    if (delegates.length > inv.quota) {
      throw new ValidationError(`${quotaFull(institutionName, inv.quota)}: Anda mengisi ${delegates.length} peserta`, {
        delegates: `Maksimal ${inv.quota} peserta`,
      });
    }
    const byId = new Map(current.map((c) => [c.id, c]));
    for (const d of delegates)
      if (d.id && !byId.has(d.id))
        throw new ValidationError('Peserta yang diubah tidak terdaftar pada undangan ini', { delegates: 'Peserta tidak dikenal' });
    await checkOfficers(tx, inv.institutionId, delegates);
    const keep = new Set(delegates.map((d) => d.id).filter(Boolean));
    const removed = current.filter((c) => !keep.has(c.id));
    const fresh = delegates.filter((d) => !d.id);
    await checkCapacity(tx, m, fresh.length - removed.length);
    if (removed.length)
      await tx.db
        .update(registrations)
        .set({ cancelledAt: now, updatedAt: now })
        .where(
          inArray(
            registrations.id,
            removed.map((r) => r.id),
          ),
        );
    for (const d of delegates.filter((x) => x.id)) {
      await tx.db
        .update(registrations)
        .set({
          name: d.name,
          position: d.position ?? null,
          phone: d.phone ?? null,
          email: d.email ?? null,
          nip: d.nip ?? null,
          officerId: d.officerId ?? null,
          updatedAt: now,
        })
        .where(eq(registrations.id, d.id!));
    }
    const added = [];
    for (const d of fresh) {
      const ticket = newTicket();
      const [row] = await tx.db
        .insert(registrations)
        .values({
          ...ticket,
          meetingId: m.id,
          invitationId: inv.id,
          institutionId: inv.institutionId,
          name: d.name,
          position: d.position ?? null,
          phone: d.phone ?? null,
          email: d.email ?? null,
          nip: d.nip ?? null,
          officerId: d.officerId ?? null,
        })
        .returning();
      added.push(row!);
    }
    // The quota holds whatever ran concurrently: the invitation row is locked, so this count is final.
    const total = await activeCount(
      tx.db,
      and(eq(registrations.invitationId, inv.id), isNull(registrations.cancelledAt), eq(registrations.walkIn, false)),
    );
    if (total > inv.quota) throw new ValidationError(quotaFull(institutionName, inv.quota), { delegates: `Maksimal ${inv.quota} peserta` });
    await tx.db
      .update(meetingInvitations)
      .set({ state: 'accepted', declineReason: null, respondedAt: now, updatedAt: now })
      .where(eq(meetingInvitations.id, inv.id));
    for (const r of added) await queueDelegateConfirmation(tx, r, m, institutionName);
    await audit(tx, {
      action: 'rsvp.accept',
      entityType: 'meeting_invitation',
      entityId: inv.id,
      before: { state: inv.state, delegates: current.map((c) => c.name) },
      after: {
        state: 'accepted',
        delegates: delegates.map((d) => d.name),
        added: added.map((a) => a.id),
        cancelled: removed.map((r) => r.id),
      },
    });
  });
  return viewRsvp(ctx, token);
}

/** Adds one delegate to the answer (the quota is checked with the invitation locked, so racing adds cannot exceed it). */
export async function addRsvpDelegate(ctx: Ctx, token: string, delegate: DelegateInput): Promise<RsvpView> {
  await inTransaction(ctx, async (tx) => {
    const { inv, meeting: m, institutionName } = await lockForAnswer(tx, token);
    await checkOfficers(tx, inv.institutionId, [delegate]);
    const n = await activeCount(
      tx.db,
      and(eq(registrations.invitationId, inv.id), isNull(registrations.cancelledAt), eq(registrations.walkIn, false)),
    );
    if (n >= inv.quota) throw new ValidationError(quotaFull(institutionName, inv.quota), { delegates: `Maksimal ${inv.quota} peserta` });
    await checkCapacity(tx, m, 1);
    const ticket = newTicket();
    const [row] = await tx.db
      .insert(registrations)
      .values({
        ...ticket,
        meetingId: m.id,
        invitationId: inv.id,
        institutionId: inv.institutionId,
        name: delegate.name,
        position: delegate.position ?? null,
        phone: delegate.phone ?? null,
        email: delegate.email ?? null,
        nip: delegate.nip ?? null,
        officerId: delegate.officerId ?? null,
      })
      .returning();
    const now = new Date();
    await tx.db
      .update(meetingInvitations)
      .set({ state: 'accepted', declineReason: null, respondedAt: now, updatedAt: now })
      .where(eq(meetingInvitations.id, inv.id));
    await queueDelegateConfirmation(tx, row!, m, institutionName);
    await audit(tx, {
      action: 'rsvp.addDelegate',
      entityType: 'meeting_invitation',
      entityId: inv.id,
      after: { registrationId: row!.id, name: row!.name },
    });
  });
  return viewRsvp(ctx, token);
}

/** The invitation an RSVP link opens (for the letter download through the link). */
export async function invitationOfToken(ctx: Ctx, token: string) {
  const { inv } = await byToken(ctx.db, token);
  return inv;
}
