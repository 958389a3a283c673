import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { can } from '../../core/policy';
import { files, sessionMaterials, speakers, users } from '../../db/schema/index';
import type { Material, MaterialsByMeeting } from '../../../shared/schemas/materials';
import { type MaterialMeeting, materialSubject, sessionSpeakerIds } from './access';

type MaterialRow = typeof sessionMaterials.$inferSelect;

/** Materials as the API answers them; `forTicket` leaves out who uploaded them and offers no action. */
export async function presentMaterials(
  ctx: Ctx,
  rows: MaterialRow[],
  m: MaterialMeeting,
  o: { forTicket?: boolean } = {},
): Promise<Material[]> {
  if (!rows.length) return [];
  const meta = await ctx.db
    .select({ id: files.id, mime: files.mime, size: files.size })
    .from(files)
    .where(
      inArray(
        files.id,
        rows.map((r) => r.fileId),
      ),
    );
  const fileOf = new Map(meta.map((f) => [f.id, f]));
  const uploaderIds = [...new Set(rows.map((r) => r.uploadedBy).filter((u): u is string => !!u))];
  const names = new Map(
    uploaderIds.length && !o.forTicket
      ? (await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, uploaderIds))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.sessionId,
    title: r.title,
    fileName: r.fileName,
    mime: fileOf.get(r.fileId)?.mime ?? 'application/octet-stream',
    size: fileOf.get(r.fileId)?.size ?? 0,
    createdAt: r.createdAt.toISOString(),
    uploadedByName: r.uploadedBy ? (names.get(r.uploadedBy) ?? null) : null,
    can: { delete: !o.forTicket && can(ctx.actor, 'material.delete', materialSubject(m, { ownerId: r.uploadedBy })) },
  }));
}

/** A meeting's materials grouped by agenda session (every session, in agenda order, even one without materials). */
export async function materialsBySession(ctx: Ctx, m: MaterialMeeting, o: { forTicket?: boolean } = {}): Promise<MaterialsByMeeting> {
  const rows = await ctx.db
    .select()
    .from(sessionMaterials)
    .where(eq(sessionMaterials.meetingId, m.id))
    .orderBy(asc(sessionMaterials.createdAt), asc(sessionMaterials.id));
  const materials = await presentMaterials(ctx, rows, m, o);
  const speakerIds = [...new Set(m.sessions.flatMap(sessionSpeakerIds))];
  const speakerNames = new Map(
    speakerIds.length
      ? (await ctx.db.select({ id: speakers.id, name: speakers.name }).from(speakers).where(inArray(speakers.id, speakerIds))).map((s) => [
          s.id,
          s.name,
        ])
      : [],
  );
  const sessions = m.sessions.map((s) => ({
    id: s.id,
    day: s.day,
    startTime: s.startTime,
    endTime: s.endTime,
    title: s.title,
    speakerNames: sessionSpeakerIds(s)
      .map((id) => speakerNames.get(id))
      .filter((n): n is string => !!n),
    canUpload: !o.forTicket && m.status !== 'cancelled' && can(ctx.actor, 'material.upload', materialSubject(m, { sessionId: s.id })),
    materials: materials.filter((x) => x.sessionId === s.id),
  }));
  return {
    meeting: { id: m.id, title: m.title, startDate: m.startDate, endDate: m.endDate, venue: m.venue },
    sessions,
    can: { upload: sessions.some((s) => s.canUpload) },
  };
}
