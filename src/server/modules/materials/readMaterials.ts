import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { readFile } from '../../core/files';
import { authorize } from '../../core/policy';
import { meetingInvitations, meetings, sessionMaterials } from '../../db/schema/index';
import { loadMaterialMeeting, materialSubject, meetingOfTicket, speaksAt } from './access';
import { materialsBySession } from './presentMaterials';

/** A meeting's materials by session, for the bureau, invited institutions' officers and the meeting's speakers. */
export async function listMaterials(ctx: Ctx, meetingId: string) {
  authorize(ctx.actor, 'material.read');
  const m = await loadMaterialMeeting(ctx, meetingId);
  authorize(ctx.actor, 'material.read', materialSubject(m));
  return materialsBySession(ctx, m);
}

async function fileOf(ctx: Ctx, row: typeof sessionMaterials.$inferSelect) {
  const f = await readFile(ctx, row.fileId, 'Berkas materi tidak ditemukan');
  return { ...f, name: row.fileName };
}

/** One material's file, for whoever may read the meeting's materials. */
export async function materialFile(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'material.read');
  const [row] = await ctx.db.select().from(sessionMaterials).where(eq(sessionMaterials.id, id));
  if (!row) throw new NotFoundError('Materi tidak ditemukan');
  authorize(ctx.actor, 'material.read', materialSubject(await loadMaterialMeeting(ctx, row.meetingId)));
  return fileOf(ctx, row);
}

/** A participant's view of the meeting's materials through the ticket link (no account). */
export async function ticketMaterials(ctx: Ctx, token: string) {
  const meetingId = await meetingOfTicket(ctx, token);
  return materialsBySession(ctx, await loadMaterialMeeting(ctx, meetingId), { forTicket: true });
}

/** A material's file through a ticket: only a material of the ticket's own meeting (else 404). */
export async function ticketMaterialFile(ctx: Ctx, token: string, id: string) {
  const meetingId = await meetingOfTicket(ctx, token);
  const [row] = await ctx.db
    .select()
    .from(sessionMaterials)
    .where(and(eq(sessionMaterials.id, id), eq(sessionMaterials.meetingId, meetingId)));
  if (!row) throw new NotFoundError('Materi tidak ditemukan');
  return fileOf(ctx, row);
}

/**
 * The meetings whose materials the caller may read, newest first: every meeting for the bureau, the meetings its
 * institution was invited to for a member officer, the meetings it speaks at for a speaker.
 */
export async function materialMeetings(ctx: Ctx, page: { limit: number; offset: number }) {
  const actor = ctx.actor;
  authorize(actor, 'material.read');
  const scope =
    actor.role === 'member'
      ? sql`${meetings.status} <> 'draft' and exists (select 1 from ${meetingInvitations} i where i.meeting_id = ${meetings.id} and i.institution_id = ${actor.institutionId ?? '00000000-0000-0000-0000-000000000000'})`
      : actor.role === 'speaker'
        ? speaksAt(actor)
        : sql`true`;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: meetings.id,
        title: meetings.title,
        startDate: meetings.startDate,
        endDate: meetings.endDate,
        materialCount: count(sessionMaterials.id),
      })
      .from(meetings)
      .leftJoin(sessionMaterials, eq(sessionMaterials.meetingId, meetings.id))
      .where(scope)
      .groupBy(meetings.id)
      .orderBy(desc(meetings.startDate), desc(meetings.createdAt), desc(meetings.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(meetings).where(scope),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}
