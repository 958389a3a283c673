import { and, asc, count, desc, eq, gt, inArray, max, notInArray, sql } from 'drizzle-orm';
import { assertVersion } from '../../core/aggregate';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError, StateError, ValidationError } from '../../core/errors';
import { authorize, can, institutionScope } from '../../core/policy';
import { followUpInstitutions, followUps, institutions, meetings, resolutions } from '../../db/schema/index';
import { closedFollowUpStatuses, type FollowUpStatus } from '../../../shared/outcomes';
import type { followUpBody, followUpProgressBody, Outcomes, resolutionBody, updateFollowUpBody } from '../../../shared/schemas/outcomes';
import { formatDateId } from '../../../shared/dates';
import type { z } from '../../../shared/zod';
import { meetingRoot, type MeetingRow } from '../meetings/meetingRoot';
import { followUpSubject, managersOf, presentFollowUps, type FollowUpRow } from './followUpData';

type Action = 'outcome.read' | 'outcome.manage';

/** Loads a meeting and checks the actor may read or manage its outcomes (404 for a meeting that is not theirs). */
export async function loadOutcomeMeeting(ctx: Ctx, meetingId: string, action: Action, opts: { lock?: boolean } = {}): Promise<MeetingRow> {
  authorize(ctx.actor, action);
  if (opts.lock) await ctx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
  const m = await meetingRoot.load!(ctx, meetingId);
  if (!m) throw new NotFoundError('Rapat tidak ditemukan');
  authorize(ctx.actor, action, { managerIds: m.managerIds });
  if (action === 'outcome.manage' && m.status === 'cancelled')
    throw new StateError('Rapat ini dibatalkan: rumusan, tindak lanjut dan sertifikat tidak dapat diubah.');
  return m;
}

// Resolutions (rumusan)

export async function createResolution(ctx: Ctx, meetingId: string, input: z.output<typeof resolutionBody>) {
  return inTransaction(ctx, async (tx) => {
    await loadOutcomeMeeting(tx, meetingId, 'outcome.manage', { lock: true });
    const [last] = await tx.db
      .select({ n: max(resolutions.number) })
      .from(resolutions)
      .where(eq(resolutions.meetingId, meetingId));
    const [row] = await tx.db
      .insert(resolutions)
      .values({ meetingId, number: (last?.n ?? 0) + 1, statement: input.statement })
      .returning();
    await audit(tx, { action: 'resolution.create', entityType: 'resolution', entityId: row!.id, after: row });
    return { id: row!.id, number: row!.number, statement: row!.statement, version: row!.version, followUps: [] };
  });
}

async function lockResolution(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(resolutions).where(eq(resolutions.id, id)).for('update');
  if (!row) throw new NotFoundError('Rumusan tidak ditemukan');
  return row;
}

export async function updateResolution(ctx: Ctx, id: string, input: z.output<typeof resolutionBody> & { version: number }) {
  return inTransaction(ctx, async (tx) => {
    const before = await lockResolution(tx, id);
    await loadOutcomeMeeting(tx, before.meetingId, 'outcome.manage');
    assertVersion(before.version, input.version);
    const [row] = await tx.db
      .update(resolutions)
      .set({ statement: input.statement, version: before.version + 1, updatedAt: new Date() })
      .where(eq(resolutions.id, id))
      .returning();
    await audit(tx, { action: 'resolution.update', entityType: 'resolution', entityId: id, before, after: row });
    return { id, number: row!.number, statement: row!.statement, version: row!.version };
  });
}

/** Removes a resolution with its follow-ups; the later ones move up a number. */
export async function deleteResolution(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const [peek] = await tx.db.select({ meetingId: resolutions.meetingId }).from(resolutions).where(eq(resolutions.id, id));
    if (!peek) throw new NotFoundError('Rumusan tidak ditemukan');
    await loadOutcomeMeeting(tx, peek.meetingId, 'outcome.manage', { lock: true });
    const before = await lockResolution(tx, id);
    assertVersion(before.version, version);
    const actions = await tx.db.select().from(followUps).where(eq(followUps.resolutionId, id));
    await tx.db.delete(resolutions).where(eq(resolutions.id, id));
    // Two steps, so the unique (meeting, number) never sees two rows with one number.
    const later = and(eq(resolutions.meetingId, before.meetingId), gt(resolutions.number, before.number));
    await tx.db
      .update(resolutions)
      .set({ number: sql`${resolutions.number} + 1000000` })
      .where(later);
    await tx.db
      .update(resolutions)
      .set({ number: sql`${resolutions.number} - 1000001` })
      .where(and(eq(resolutions.meetingId, before.meetingId), gt(resolutions.number, 1000000)));
    await audit(tx, { action: 'resolution.delete', entityType: 'resolution', entityId: id, before: { ...before, followUps: actions } });
    return { ok: true as const };
  });
}

// Follow-up actions (tindak lanjut)

async function assertFollowUpInput(ctx: Ctx, m: MeetingRow, input: { dueDate: string; institutionIds: string[] }) {
  if (input.dueDate < m.startDate) {
    throw new ValidationError(`Batas waktu tindak lanjut tidak boleh sebelum tanggal rapat (${formatDateId(m.startDate)}).`, {
      dueDate: `Paling cepat ${formatDateId(m.startDate)}`,
    });
  }
  const ids = [...new Set(input.institutionIds)];
  const found = await ctx.db.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, ids));
  if (found.length !== ids.length)
    throw new ValidationError('Instansi penanggung jawab tidak ditemukan di direktori', { institutionIds: 'Instansi tidak dikenal' });
  return ids;
}

export async function createFollowUp(ctx: Ctx, resolutionId: string, input: z.output<typeof followUpBody>) {
  return inTransaction(ctx, async (tx) => {
    const [res] = await tx.db.select().from(resolutions).where(eq(resolutions.id, resolutionId));
    if (!res) throw new NotFoundError('Rumusan tidak ditemukan');
    const m = await loadOutcomeMeeting(tx, res.meetingId, 'outcome.manage');
    const ids = await assertFollowUpInput(tx, m, input);
    const [row] = await tx.db
      .insert(followUps)
      .values({
        resolutionId,
        meetingId: m.id,
        action: input.action,
        dueDate: input.dueDate,
        updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning();
    await tx.db.insert(followUpInstitutions).values(ids.map((institutionId) => ({ followUpId: row!.id, institutionId })));
    await audit(tx, { action: 'followUp.create', entityType: 'follow_up', entityId: row!.id, after: { ...row, institutionIds: ids } });
    const [out] = await presentFollowUps(tx, [row!], new Map([[m.id, m.managerIds]]));
    return out!;
  });
}

/** Locks a follow-up and checks the actor may take `action` on it (a member of another institution: 404). */
export async function lockFollowUp(ctx: Ctx, id: string, action: 'followUp.update' | 'outcome.manage') {
  authorize(ctx.actor, action);
  const [row] = await ctx.db.select().from(followUps).where(eq(followUps.id, id)).for('update');
  if (!row) throw new NotFoundError('Tindak lanjut tidak ditemukan');
  const subject = await followUpSubject(ctx, row);
  authorize(ctx.actor, action, subject);
  return { row, subject };
}

export async function updateFollowUp(ctx: Ctx, id: string, input: z.output<typeof updateFollowUpBody>) {
  return inTransaction(ctx, async (tx) => {
    const { row: before, subject } = await lockFollowUp(tx, id, 'outcome.manage');
    const m = await loadOutcomeMeeting(tx, before.meetingId, 'outcome.manage');
    assertVersion(before.version, input.version);
    const ids = await assertFollowUpInput(tx, m, input);
    const [row] = await tx.db
      .update(followUps)
      .set({
        action: input.action,
        dueDate: input.dueDate,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: tx.actor.kind === 'user' ? tx.actor.id : null,
        // A new due date earns new reminders.
        ...(input.dueDate !== before.dueDate ? { dueReminderAt: null, overdueReminderAt: null } : {}),
      })
      .where(eq(followUps.id, id))
      .returning();
    await tx.db.delete(followUpInstitutions).where(eq(followUpInstitutions.followUpId, id));
    await tx.db.insert(followUpInstitutions).values(ids.map((institutionId) => ({ followUpId: id, institutionId })));
    await audit(tx, {
      action: 'followUp.update',
      entityType: 'follow_up',
      entityId: id,
      before: { ...before, institutionIds: subject.institutionIds },
      after: { ...row, institutionIds: ids },
    });
    const [out] = await presentFollowUps(tx, [row!], new Map([[m.id, m.managerIds]]));
    return out!;
  });
}

export async function deleteFollowUp(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const { row: before, subject } = await lockFollowUp(tx, id, 'outcome.manage');
    await loadOutcomeMeeting(tx, before.meetingId, 'outcome.manage');
    assertVersion(before.version, version);
    await tx.db.delete(followUps).where(eq(followUps.id, id));
    await audit(tx, { action: 'followUp.delete', entityType: 'follow_up', entityId: id, before: { ...before, ...subject } });
    return { ok: true as const };
  });
}

/**
 * A responsible officer (or the bureau) reports where the action stands. "Tidak dapat dilaksanakan" needs a note
 * saying why; "Selesai" needs evidence (a link, or a file uploaded before).
 */
export async function reportFollowUp(ctx: Ctx, id: string, input: z.output<typeof followUpProgressBody>) {
  return inTransaction(ctx, async (tx) => {
    const { row: before, subject } = await lockFollowUp(tx, id, 'followUp.update');
    assertVersion(before.version, input.version);
    const evidenceUrl = input.evidenceUrl === undefined ? before.evidenceUrl : input.evidenceUrl;
    if (input.status === 'not_feasible' && !input.statusNote)
      throw new ValidationError('Jelaskan mengapa tindak lanjut tidak dapat dilaksanakan', { statusNote: 'Keterangan wajib diisi' });
    if (input.status === 'done' && !evidenceUrl && !before.evidenceFileId)
      throw new ValidationError('Lampirkan bukti (tautan atau berkas) sebelum menandai tindak lanjut Selesai', {
        evidenceUrl: 'Isi tautan bukti atau unggah berkas bukti',
      });
    const closed = closedFollowUpStatuses.includes(input.status);
    const [row] = await tx.db
      .update(followUps)
      .set({
        status: input.status,
        statusNote: input.statusNote ?? null,
        evidenceUrl,
        completedAt: closed ? (before.completedAt ?? new Date()) : null,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: tx.actor.kind === 'user' ? tx.actor.id : null,
      })
      .where(eq(followUps.id, id))
      .returning();
    const pick = (r: FollowUpRow) => ({ status: r.status, statusNote: r.statusNote, evidenceUrl: r.evidenceUrl });
    await audit(tx, { action: 'followUp.progress', entityType: 'follow_up', entityId: id, before: pick(before), after: pick(row!) });
    const [out] = await presentFollowUps(tx, [row!], new Map([[before.meetingId, subject.managerIds]]));
    return out!;
  });
}

export async function getFollowUp(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'followUp.update');
  const [row] = await ctx.db.select().from(followUps).where(eq(followUps.id, id));
  if (!row) throw new NotFoundError('Tindak lanjut tidak ditemukan');
  const subject = await followUpSubject(ctx, row);
  authorize(ctx.actor, 'followUp.update', subject);
  const [out] = await presentFollowUps(ctx, [row], new Map([[row.meetingId, subject.managerIds]]));
  return out!;
}

/** Follow-ups, open and overdue first; a member officer sees its institution's only. */
export async function listFollowUps(ctx: Ctx, q: { meetingId?: string; open?: 'true' | 'false'; limit: number; offset: number }) {
  authorize(ctx.actor, 'followUp.update');
  const scope = institutionScope(ctx.actor);
  const closed = [...closedFollowUpStatuses];
  const where = and(
    q.meetingId ? eq(followUps.meetingId, q.meetingId) : undefined,
    q.open === 'true' ? notInArray(followUps.status, closed) : q.open === 'false' ? inArray(followUps.status, closed) : undefined,
    scope
      ? inArray(
          followUps.id,
          ctx.db
            .select({ id: followUpInstitutions.followUpId })
            .from(followUpInstitutions)
            .where(eq(followUpInstitutions.institutionId, scope)),
        )
      : undefined,
  );
  const [{ n }] = (await ctx.db.select({ n: count() }).from(followUps).where(where)) as [{ n: number }];
  const rows = await ctx.db
    .select()
    .from(followUps)
    .where(where)
    .orderBy(
      sql`case when ${followUps.status} in ('done', 'not_feasible') then 1 else 0 end`,
      asc(followUps.dueDate),
      desc(followUps.updatedAt),
    )
    .limit(q.limit)
    .offset(q.offset);
  const items = await presentFollowUps(ctx, rows, await managersOf(ctx, [...new Set(rows.map((r) => r.meetingId))]));
  return { items, total: Number(n) };
}

type Tally = { total: number; done: number; notFeasible: number; overdue: number; rate: number };
const emptyTally = (): Tally => ({ total: 0, done: 0, notFeasible: 0, overdue: 0, rate: 0 });
function add(t: Tally, f: { status: FollowUpStatus; overdue: boolean }) {
  t.total += 1;
  if (f.status === 'done') t.done += 1;
  if (f.status === 'not_feasible') t.notFeasible += 1;
  if (f.overdue) t.overdue += 1;
  t.rate = Math.round((t.done / t.total) * 1000) / 10;
}

/**
 * The bureau's follow-up board of a meeting: its resolutions with their follow-ups (overdue first, then by due date),
 * the tally per responsible institution (most overdue first) and the completion rate (done / all, in percent).
 */
export async function getOutcomes(ctx: Ctx, meetingId: string): Promise<Outcomes> {
  return outcomesOf(ctx, await loadOutcomeMeeting(ctx, meetingId, 'outcome.read'));
}

/** The board's data of a meeting the caller was authorized for. */
export async function outcomesOf(ctx: Ctx, m: MeetingRow): Promise<Outcomes> {
  const meetingId = m.id;
  const res = await ctx.db.select().from(resolutions).where(eq(resolutions.meetingId, meetingId)).orderBy(asc(resolutions.number));
  const rows = await ctx.db.select().from(followUps).where(eq(followUps.meetingId, meetingId)).orderBy(asc(followUps.dueDate));
  const list = await presentFollowUps(ctx, rows, new Map([[m.id, m.managerIds]]));
  const totals = emptyTally();
  const byInst = new Map<string, Tally & { institutionId: string; name: string }>();
  for (const f of list) {
    add(totals, f);
    for (const i of f.institutions) {
      const entry = byInst.get(i.id) ?? { ...emptyTally(), institutionId: i.id, name: i.name };
      add(entry, f);
      byInst.set(i.id, entry);
    }
  }
  const overdueFirst = (a: (typeof list)[number], b: (typeof list)[number]) =>
    Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate);
  return {
    meeting: { id: m.id, title: m.title, startDate: m.startDate, endDate: m.endDate, venue: m.venue, status: m.status },
    resolutions: res.map((r) => ({
      id: r.id,
      number: r.number,
      statement: r.statement,
      version: r.version,
      followUps: list.filter((f) => f.resolutionId === r.id).sort(overdueFirst),
    })),
    byInstitution: [...byInst.values()].sort((a, b) => b.overdue - a.overdue || a.rate - b.rate || a.name.localeCompare(b.name)),
    totals,
    can: { manage: can(ctx.actor, 'outcome.manage', { managerIds: m.managerIds }) },
  };
}
