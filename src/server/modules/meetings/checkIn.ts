import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { audit } from '../../core/audit';
import { actorLabel, inTransaction, type Ctx } from '../../core/context';
import { ConflictError, DomainError, NotFoundError, StateError } from '../../core/errors';
import { sha256 } from '../../core/passwords';
import { authorize } from '../../core/policy';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { users } from '../../db/schema/auth';
import { institutions } from '../../db/schema/directory';
import { checkIns, meetings, registrations } from '../../db/schema/meetings';
import { badgePrefix, ticketToken, type CheckInItem, type CheckInRecord, type CheckInResult } from '../../../shared/schemas/checkIn';
import {
  checkInMeetingRoot,
  clockWib,
  loadCheckInMeeting,
  managerIdsColumn,
  meetingDayOf,
  parseManagerIds,
  type MeetingRow,
} from './checkInMeeting';

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

/** What a check-in names: a registration id, or the sha256 of a ticket token; null when the QR cannot be a ticket. */
function wanted(item: CheckInItem): { id: string } | { hash: string } | null {
  if (item.registrationId) return { id: item.registrationId };
  const qr = item.ticket ?? '';
  if (qr.startsWith(badgePrefix)) {
    // A printed name tag names the registration (not a credential: only the meeting's managers check in).
    const id = qr.slice(badgePrefix.length);
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? { id } : null;
  }
  const token = ticketToken(qr);
  return token.length >= 16 ? { hash: sha256(token) } : null;
}

/** The person found for a check-in, or the reason it cannot be applied (in Indonesian). */
function judge(meeting: MeetingRow, item: CheckInItem, found: Found | undefined): Found {
  if (item.registrationId) {
    if (!found || found.meetingId !== meeting.id) throw new NotFoundError('Peserta tidak terdaftar pada rapat ini');
  } else {
    if (!found) throw new DomainError('not_found', ticketUnknownMessage, { reason: 'ticket_unknown' });
    if (found.meetingId !== meeting.id) throw new ConflictError(otherMeetingMessage);
  }
  if (found.cancelledAt) throw new StateError(cancelledMessage);
  return found;
}

/** Finds the person a check-in names, or throws the reason it cannot be applied. */
async function findRegistration(ctx: Ctx, meeting: MeetingRow, item: CheckInItem): Promise<Found> {
  const key = wanted(item);
  let found: Found | undefined;
  if (key) {
    [found] = await ctx.db
      .select(registrationFields)
      .from(registrations)
      .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
      .where('id' in key ? eq(registrations.id, key.id) : eq(registrations.ticketTokenHash, key.hash));
  }
  return judge(meeting, item, found);
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

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

/**
 * Records the arrival and its audit row in ONE statement (a data-modifying CTE: atomic without an explicit
 * transaction, one round trip): `INSERT ... ON CONFLICT DO NOTHING` into check_ins, and the audit row only for
 * a row that was inserted. The check-in's id is chosen here so the audit row is complete. Returns the record
 * when this call inserted it, else null (a retry of this client id, or the person is already in today).
 */
async function insertArrival(
  ctx: Ctx,
  meeting: MeetingRow,
  item: CheckInItem,
  person: Found,
  at: Date,
  day: string,
): Promise<CheckInRecord | null> {
  const actor = ctx.actor.kind === 'user' ? ctx.actor : null;
  const r: CheckInRecord = {
    id: randomUUID(),
    registrationId: person.id,
    meetingDay: day,
    checkedInAt: at.toISOString(),
    checkedOutAt: null,
    byName: actor?.name ?? null,
    deviceLabel: item.deviceLabel ?? null,
  };
  const after = JSON.stringify({ ...r, meetingId: meeting.id, clientId: item.clientId });
  const c = checkIns;
  const a = auditLog;
  const rows = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`
      with ins as (
        insert into ${c} (${sql.identifier(c.id.name)}, ${sql.identifier(c.registrationId.name)}, ${sql.identifier(c.meetingId.name)},
          ${sql.identifier(c.meetingDay.name)}, ${sql.identifier(c.clientId.name)}, ${sql.identifier(c.checkedInAt.name)},
          ${sql.identifier(c.byUserId.name)}, ${sql.identifier(c.deviceLabel.name)})
        values (${r.id}, ${person.id}, ${meeting.id}, ${day}, ${item.clientId}, ${r.checkedInAt}::timestamptz, ${actor?.id ?? null}, ${r.deviceLabel})
        on conflict do nothing
        returning ${sql.identifier(c.id.name)}
      )
      insert into ${a} (${sql.identifier(a.actorId.name)}, ${sql.identifier(a.actorLabel.name)}, ${sql.identifier(a.action.name)},
        ${sql.identifier(a.entityType.name)}, ${sql.identifier(a.entityId.name)}, ${sql.identifier(a.after.name)}, ${sql.identifier(a.requestId.name)})
      select ${actor?.id ?? null}::uuid, ${actorLabel(ctx.actor)}, 'meeting.checkIn', 'check_in', ins.id::text, ${after}::jsonb, ${ctx.requestId}
      from ins
      returning ${sql.identifier(a.entityId.name)} as id`),
  );
  return rows.length ? r : null;
}

/** The answer when nothing was inserted: the replay of this client id, or "already" with the first arrival. */
async function answerExisting(ctx: Ctx, item: CheckInItem, person: Found, day: string): Promise<CheckInResult> {
  const participant = { id: person.id, name: person.name, position: person.position, institution: person.institution };
  const [existing] = await ctx.db
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
    return {
      clientId: item.clientId,
      status: 'checked_in',
      message: `${person.name} tercatat hadir pukul ${clockWib(new Date(r.checkedInAt))}`,
      checkIn: r,
      participant,
    };
  }
  return { clientId: item.clientId, status: 'already', message: alreadyMessage(person.name, r, day), checkIn: r, participant };
}

/** Applies one check-in of a person already found (and judged) for an authorized meeting. */
async function applyFound(ctx: Ctx, meeting: MeetingRow, item: CheckInItem, person: Found): Promise<CheckInResult> {
  if (meeting.status === 'cancelled') throw new StateError('Rapat ini dibatalkan; check-in ditutup.');
  const now = new Date();
  const scanned = item.scannedAt ? new Date(item.scannedAt) : now;
  const at = scanned > now ? now : scanned;
  const day = meetingDayOf(meeting, at);
  const inserted = await insertArrival(ctx, meeting, item, person, at, day);
  if (!inserted) return answerExisting(ctx, item, person, day);
  return {
    clientId: item.clientId,
    status: 'checked_in',
    message: `${person.name} tercatat hadir pukul ${clockWib(at)}`,
    checkIn: inserted,
    participant: { id: person.id, name: person.name, position: person.position, institution: person.institution },
  };
}

/** Applies one check-in for an already authorized meeting; throws a DomainError when it cannot be applied. */
export async function applyCheckIn(ctx: Ctx, meeting: MeetingRow, item: CheckInItem): Promise<CheckInResult> {
  if (meeting.status === 'cancelled') throw new StateError('Rapat ini dibatalkan; check-in ditutup.');
  return applyFound(ctx, meeting, item, await findRegistration(ctx, meeting, item));
}

/**
 * The meeting, its managers' ids and the person a check-in names (by registration id or ticket hash), as one
 * prepared statement per database (parsed and planned once per connection).
 */
function buildRead(db: Db, by: 'id' | 'hash') {
  return db
    .select({
      meeting: meetings,
      managerIds: managerIdsColumn,
      regId: registrations.id,
      regMeetingId: registrations.meetingId,
      cancelledAt: registrations.cancelledAt,
      name: registrations.name,
      position: registrations.position,
      institution: institutions.name,
    })
    .from(meetings)
    .leftJoin(registrations, eq(by === 'id' ? registrations.id : registrations.ticketTokenHash, sql.placeholder('key')))
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(eq(meetings.id, sql.placeholder('meetingId')))
    .prepare(`check_in_read_by_${by}`);
}
const reads = new WeakMap<object, Record<'id' | 'hash', ReturnType<typeof buildRead>>>();
function readForCheckIn(db: Db, by: 'id' | 'hash') {
  let r = reads.get(db);
  if (!r) {
    r = { id: buildRead(db, 'id'), hash: buildRead(db, 'hash') };
    reads.set(db, r);
  }
  return r[by];
}

/**
 * One check-in (a scan at the desk). The hot path, in two round trips after the session: one query reads the
 * meeting, its managers (for the policy) and the person the QR names; one statement inserts the arrival with its
 * audit row. Only a retry or a duplicate scan costs a third (reading the earlier arrival).
 */
export async function checkIn(ctx: Ctx, meetingId: string, item: CheckInItem): Promise<CheckInResult> {
  authorize(ctx.actor, 'meeting.checkIn');
  const key = wanted(item);
  const [row] = await readForCheckIn(ctx.db, key && 'id' in key ? 'id' : 'hash').execute({
    meetingId,
    key: key ? ('id' in key ? key.id : key.hash) : '',
  });
  if (!row) throw new NotFoundError(checkInMeetingRoot.notFound);
  const meeting: MeetingRow = { ...row.meeting, managerIds: parseManagerIds(row.managerIds) };
  authorize(ctx.actor, 'meeting.checkIn', { type: 'meeting', ...checkInMeetingRoot.subject(meeting) });
  if (meeting.status === 'cancelled') throw new StateError('Rapat ini dibatalkan; check-in ditutup.');
  const found: Found | undefined = row.regId
    ? {
        id: row.regId,
        meetingId: row.regMeetingId!,
        cancelledAt: row.cancelledAt,
        name: row.name!,
        position: row.position,
        institution: row.institution,
      }
    : undefined;
  return applyFound(ctx, meeting, item, judge(meeting, item, found));
}

type BatchResult = ({ ok: true } & CheckInResult) | { ok: false; clientId: string; error: { code: string; message: string } };
const failure = (clientId: string, err: DomainError): BatchResult => ({
  ok: false,
  clientId,
  error: { code: err.code, message: err.message },
});

/**
 * The queue of a phone that was offline: each item gets its own answer, in order, the same as the single
 * check-in would give (one refused item does not hold back the others); a re-sent batch answers the same.
 * Set-based: one query finds every person, one transaction inserts every arrival (`ON CONFLICT DO NOTHING`,
 * rows in registration order so two phones' batches lock in the same order) with its audit row, one query
 * reads what was there already. Should that transaction fail (e.g. a deadlock with another batch), the
 * items are applied one by one instead.
 */
export async function syncCheckIns(ctx: Ctx, meetingId: string, items: CheckInItem[]): Promise<{ results: BatchResult[] }> {
  const meeting = await loadCheckInMeeting(ctx, meetingId);
  if (meeting.status === 'cancelled')
    return { results: items.map((i) => failure(i.clientId, new StateError('Rapat ini dibatalkan; check-in ditutup.'))) };
  const keys = items.map(wanted);
  const ids = [...new Set(keys.flatMap((k) => (k && 'id' in k ? [k.id] : [])))];
  const hashes = [...new Set(keys.flatMap((k) => (k && 'hash' in k ? [k.hash] : [])))];
  const found =
    ids.length || hashes.length
      ? await ctx.db
          .select({ ...registrationFields, hash: registrations.ticketTokenHash })
          .from(registrations)
          .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
          .where(
            or(
              ids.length ? inArray(registrations.id, ids) : undefined,
              hashes.length ? inArray(registrations.ticketTokenHash, hashes) : undefined,
            ),
          )
      : [];
  const byId = new Map(found.map((f) => [f.id, f]));
  const byHash = new Map(found.map((f) => [f.hash, f]));

  const actor = ctx.actor.kind === 'user' ? ctx.actor : null;
  const now = new Date();
  const results: BatchResult[] = new Array(items.length);
  const planned: { index: number; item: CheckInItem; person: Found; day: string; at: Date }[] = [];
  items.forEach((item, index) => {
    const key = keys[index];
    try {
      const person = judge(meeting, item, key ? ('id' in key ? byId.get(key.id) : byHash.get(key.hash)) : undefined);
      const scanned = item.scannedAt ? new Date(item.scannedAt) : now;
      const at = scanned > now ? now : scanned;
      planned.push({ index, item, person, day: meetingDayOf(meeting, at), at });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results[index] = failure(item.clientId, err);
    }
  });
  if (!planned.length) return { results };
  // One lock order for every batch: by person, then time of the scan.
  planned.sort((a, b) => a.person.id.localeCompare(b.person.id) || a.at.getTime() - b.at.getTime() || a.index - b.index);

  try {
    await inTransaction(ctx, async (tx) => {
      const inserted = await tx.db
        .insert(checkIns)
        .values(
          planned.map((p) => ({
            registrationId: p.person.id,
            meetingId: meeting.id,
            meetingDay: p.day,
            clientId: p.item.clientId,
            checkedInAt: p.at,
            byUserId: actor?.id ?? null,
            deviceLabel: p.item.deviceLabel ?? null,
          })),
        )
        .onConflictDoNothing()
        .returning();
      const mine = new Map(inserted.map((r) => [r.clientId, r]));
      for (const r of inserted) {
        await audit(tx, {
          action: 'meeting.checkIn',
          entityType: 'check_in',
          entityId: r.id,
          after: { ...record(r, actor?.name ?? null), meetingId: meeting.id, clientId: r.clientId },
        });
      }
      const rest = planned.filter((p) => !mine.has(p.item.clientId));
      const existing = rest.length
        ? await tx.db
            .select({ row: checkIns, byName: users.name })
            .from(checkIns)
            .leftJoin(users, eq(users.id, checkIns.byUserId))
            .where(
              or(
                inArray(
                  checkIns.clientId,
                  rest.map((p) => p.item.clientId),
                ),
                and(
                  eq(checkIns.meetingId, meeting.id),
                  inArray(
                    checkIns.registrationId,
                    rest.map((p) => p.person.id),
                  ),
                ),
              ),
            )
        : [];
      for (const p of planned) {
        const participant = { id: p.person.id, name: p.person.name, position: p.person.position, institution: p.person.institution };
        const base = { ok: true as const, clientId: p.item.clientId, participant };
        const own = mine.get(p.item.clientId);
        if (own) {
          results[p.index] = {
            ...base,
            status: 'checked_in',
            message: `${p.person.name} tercatat hadir pukul ${clockWib(own.checkedInAt)}`,
            checkIn: record(own, actor?.name ?? null),
          };
          continue;
        }
        const replay = existing.find((e) => e.row.clientId === p.item.clientId);
        if (replay) {
          results[p.index] =
            replay.row.registrationId === p.person.id
              ? {
                  ...base,
                  status: 'checked_in',
                  message: `${p.person.name} tercatat hadir pukul ${clockWib(replay.row.checkedInAt)}`,
                  checkIn: record(replay.row, replay.byName),
                }
              : failure(p.item.clientId, new ConflictError('ID klien ini sudah dipakai untuk check-in peserta lain'));
          continue;
        }
        const first = existing.find((e) => e.row.registrationId === p.person.id && e.row.meetingDay === p.day);
        if (!first) throw new ConflictError('Check-in bertabrakan dengan perubahan lain; kirim ulang.');
        const r = record(first.row, first.byName);
        results[p.index] = { ...base, status: 'already', message: alreadyMessage(p.person.name, r, p.day), checkIn: r };
      }
    });
  } catch (err) {
    if (err instanceof DomainError && !(err instanceof ConflictError)) throw err;
    // A deadlock or a race with another batch: apply the items one by one (each is idempotent).
    for (const p of planned) {
      try {
        results[p.index] = { ok: true, ...(await applyCheckIn(ctx, meeting, p.item)) };
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results[p.index] = failure(p.item.clientId, e);
      }
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
      : await tx.db
          .select({ row: checkIns })
          .from(checkIns)
          .where(and(eq(checkIns.id, checkInId), eq(checkIns.meetingId, meeting.id)));
    if (!row) throw new NotFoundError('Check-in tidak ditemukan');
    const [by] = row.row.byUserId ? await tx.db.select({ name: users.name }).from(users).where(eq(users.id, row.row.byUserId)) : [];
    const r = record(row.row, by?.name ?? null);
    if (updated)
      await audit(tx, { action: 'meeting.checkOut', entityType: 'check_in', entityId: checkInId, after: { checkedOutAt: r.checkedOutAt } });
    return r;
  });
}
