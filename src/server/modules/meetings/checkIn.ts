import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, DomainError, NotFoundError, StateError } from '../../core/errors';
import { sha256 } from '../../core/passwords';
import { users } from '../../db/schema/auth';
import { institutions } from '../../db/schema/directory';
import { checkIns, registrations } from '../../db/schema/meetings';
import { badgePrefix, ticketToken, type CheckInItem, type CheckInRecord, type CheckInResult } from '../../../shared/schemas/checkIn';
import { clockWib, loadCheckInMeeting, meetingDayOf, type MeetingRow } from './checkInMeeting';

/**
 * Check-in on the day. Correctness lives in the database: `check_ins` has a unique client id (a retried or
 * re-synced check-in is applied once) and a unique (registration, meeting day) (one arrival per person per
 * day whatever the number of phones). The insert is `ON CONFLICT DO NOTHING`: when two phones scan the same
 * ticket at the same instant PostgreSQL makes the second wait for the first and then insert nothing, and the
 * second answers "already" with the first one's time, checker and device.
 */

export const ticketUnknownMessage = 'QR tidak dikenal: bukan tiket rapat ini yang sah. Periksa tiketnya, atau cari peserta dengan nama.';
export const otherMeetingMessage = 'Tiket ini untuk rapat lain, bukan untuk rapat ini.';
export const cancelledMessage = 'Pendaftaran peserta ini sudah dibatalkan; daftarkan sebagai peserta langsung (walk-in) bila tetap hadir.';

type Found = { id: string; meetingId: string; cancelledAt: Date | null; name: string; position: string | null; institution: string | null };

const registrationFields = {
  id: registrations.id,
  meetingId: registrations.meetingId,
  cancelledAt: registrations.cancelledAt,
  name: registrations.name,
  position: registrations.position,
  institution: institutions.name,
};

/** Finds the person a check-in names, or throws the reason it cannot be applied (in Indonesian). */
async function findRegistration(ctx: Ctx, meeting: MeetingRow, item: CheckInItem): Promise<Found> {
  const q = ctx.db.select(registrationFields).from(registrations).leftJoin(institutions, eq(institutions.id, registrations.institutionId));
  let found: Found | undefined;
  if (item.registrationId) {
    [found] = await q.where(eq(registrations.id, item.registrationId));
    if (!found || found.meetingId !== meeting.id) throw new NotFoundError('Peserta tidak terdaftar pada rapat ini');
  } else {
    const qr = item.ticket ?? '';
    if (qr.startsWith(badgePrefix)) {
      // A printed name tag names the registration (not a credential: only the meeting's managers check in).
      const id = qr.slice(badgePrefix.length);
      if (/^[0-9a-f-]{36}$/i.test(id)) [found] = await q.where(eq(registrations.id, id));
    } else {
      const token = ticketToken(qr);
      if (token.length >= 16) [found] = await q.where(eq(registrations.ticketTokenHash, sha256(token)));
    }
    if (!found) throw new DomainError('not_found', ticketUnknownMessage, { reason: 'ticket_unknown' });
    if (found.meetingId !== meeting.id) throw new ConflictError(otherMeetingMessage);
  }
  if (found.cancelledAt) throw new StateError(cancelledMessage);
  return found;
}

function record(row: typeof checkIns.$inferSelect, byName: string | null): CheckInRecord {
  return {
    id: row.id,
    registrationId: row.registrationId,
    meetingDay: row.meetingDay,
    checkedInAt: row.checkedInAt.toISOString(),
    checkedOutAt: row.checkedOutAt?.toISOString() ?? null,
    byName,
    deviceLabel: row.deviceLabel,
  };
}

/** "sudah check-in pukul 09.12 oleh Rina (HP-2)". */
export function alreadyMessage(name: string, r: CheckInRecord, today: string): string {
  const at = new Date(r.checkedInAt);
  const when = r.meetingDay === today ? `pukul ${clockWib(at)}` : `pada ${r.meetingDay} pukul ${clockWib(at)}`;
  const by = r.byName ? ` oleh ${r.byName}${r.deviceLabel ? ` (${r.deviceLabel})` : ''}` : r.deviceLabel ? ` (${r.deviceLabel})` : '';
  return `${name} sudah check-in ${when}${by}`;
}

/** Applies one check-in for an already authorized meeting; throws a DomainError when it cannot be applied. */
export async function applyCheckIn(ctx: Ctx, meeting: MeetingRow, item: CheckInItem): Promise<CheckInResult> {
  if (meeting.status === 'cancelled') throw new StateError('Rapat ini dibatalkan; check-in ditutup.');
  const actor = ctx.actor.kind === 'user' ? ctx.actor : null;
  const now = new Date();
  const scanned = item.scannedAt ? new Date(item.scannedAt) : now;
  const at = scanned > now ? now : scanned;
  const day = meetingDayOf(meeting, at);
  return inTransaction(ctx, async (tx) => {
    const person = await findRegistration(tx, meeting, item);
    const participant = { id: person.id, name: person.name, position: person.position, institution: person.institution };
    const [inserted] = await tx.db
      .insert(checkIns)
      .values({ registrationId: person.id, meetingId: meeting.id, meetingDay: day, clientId: item.clientId, checkedInAt: at, byUserId: actor?.id ?? null, deviceLabel: item.deviceLabel ?? null })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      const r = record(inserted, actor?.name ?? null);
      await audit(tx, { action: 'meeting.checkIn', entityType: 'check_in', entityId: inserted.id, after: { ...r, meetingId: meeting.id, clientId: item.clientId } });
      return { clientId: item.clientId, status: 'checked_in', message: `${person.name} tercatat hadir pukul ${clockWib(at)}`, checkIn: r, participant };
    }
    // Nothing inserted: this client id was applied before (a retry), or the person is already in today.
    const [existing] = await tx.db
      .select({ row: checkIns, byName: users.name })
      .from(checkIns)
      .leftJoin(users, eq(users.id, checkIns.byUserId))
      .where(or(eq(checkIns.clientId, item.clientId), and(eq(checkIns.registrationId, person.id), eq(checkIns.meetingDay, day))))
      .orderBy(sql`(${checkIns.clientId} = ${item.clientId}) desc`)
      .limit(1);
    if (!existing) throw new ConflictError('Check-in bertabrakan dengan perubahan lain; kirim ulang.');
    const r = record(existing.row, existing.byName);
    if (existing.row.clientId === item.clientId) {
      if (existing.row.registrationId !== person.id) throw new ConflictError('ID klien ini sudah dipakai untuk check-in peserta lain');
      return { clientId: item.clientId, status: 'checked_in', message: `${person.name} tercatat hadir pukul ${clockWib(new Date(r.checkedInAt))}`, checkIn: r, participant };
    }
    return { clientId: item.clientId, status: 'already', message: alreadyMessage(person.name, r, day), checkIn: r, participant };
  });
}

export async function checkIn(ctx: Ctx, meetingId: string, item: CheckInItem): Promise<CheckInResult> {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  return applyCheckIn(ctx, meeting, item);
}

/**
 * The queue of a phone that was offline: each item applied on its own (one refused item does not hold back
 * the others), in order, with its own answer. A re-sent batch answers the same.
 */
export async function syncCheckIns(ctx: Ctx, meetingId: string, items: CheckInItem[]) {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  const results = [];
  for (const item of items) {
    try {
      results.push({ ok: true as const, ...(await applyCheckIn(ctx, meeting, item)) });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.push({ ok: false as const, clientId: item.clientId, error: { code: err.code, message: err.message } });
    }
  }
  return { results };
}

/** Check-out (optional): records when the person left; a repeated check-out answers the first one's time. */
export async function checkOut(ctx: Ctx, meetingId: string, checkInId: string): Promise<CheckInRecord> {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  return inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(checkIns)
      .set({ checkedOutAt: sql`now()` })
      .where(and(eq(checkIns.id, checkInId), eq(checkIns.meetingId, meeting.id), isNull(checkIns.checkedOutAt)))
      .returning();
    const [row] = updated
      ? [{ row: updated }]
      : await tx.db.select({ row: checkIns }).from(checkIns).where(and(eq(checkIns.id, checkInId), eq(checkIns.meetingId, meeting.id)));
    if (!row) throw new NotFoundError('Check-in tidak ditemukan');
    const [by] = row.row.byUserId ? await tx.db.select({ name: users.name }).from(users).where(eq(users.id, row.row.byUserId)) : [];
    const r = record(row.row, by?.name ?? null);
    if (updated) await audit(tx, { action: 'meeting.checkOut', entityType: 'check_in', entityId: checkInId, after: { checkedOutAt: r.checkedOutAt } });
    return r;
  });
}
