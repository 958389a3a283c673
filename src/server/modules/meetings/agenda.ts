import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { childRows } from '../../core/childRows';
import { writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import { agendaSessions, meetings, speakers } from '../../db/schema/index';
import { clockId } from '../../../shared/meetingDates';
import type { AgendaSession, addAgendaSessionBody } from '../../../shared/schemas/meetings';
import { meetingRoot } from './meetingRoot';
import { agendaOf, presentSession } from './present';

type Input = Omit<z.output<typeof addAgendaSessionBody>, 'version'>;
type Row = typeof agendaSessions.$inferSelect;

/**
 * Susunan acara: sessions written through the meeting (its managers, status, version, audit). A session must
 * end after it starts, fall inside the meeting's hours and days, not overlap another session of the same day,
 * and not put a speaker in two sessions at once.
 */
async function checkSession(tx: Ctx, meetingId: string, s: Required<Pick<Input, 'startTime' | 'endTime'>> & Input, selfId: string | null) {
  const [m] = await tx.db.select().from(meetings).where(eq(meetings.id, meetingId));
  const fields: Record<string, string> = {};
  if (s.endTime <= s.startTime)
    fields.endTime = `Sesi berakhir (${clockId(s.endTime)}) sebelum atau tepat saat dimulai (${clockId(s.startTime)}): jam selesai harus setelah jam mulai`;
  else if (s.startTime < m!.startTime || s.endTime > m!.endTime)
    fields.startTime = `Sesi ${clockId(s.startTime)}–${clockId(s.endTime)} di luar jam rapat (${clockId(m!.startTime)}–${clockId(m!.endTime)} WIB)`;
  const day = s.day ?? m!.startDate;
  if (day < m!.startDate || day > m!.endDate) fields.day = 'Hari sesi di luar tanggal rapat';
  if (!fields.endTime) {
    const others = (await tx.db.select().from(agendaSessions).where(eq(agendaSessions.meetingId, meetingId))).filter(
      (o) => o.id !== selfId && (o.day ?? m!.startDate) === day,
    );
    const overlapping = others.filter((o) => o.startTime < s.endTime && s.startTime < o.endTime);
    const speakerIds = s.speakerIds ?? [];
    if (speakerIds.length) {
      const known = await tx.db
        .select({ id: speakers.id, name: speakers.name })
        .from(speakers)
        .where(and(eq(speakers.activityId, m!.activityId), inArray(speakers.id, speakerIds)));
      if (known.length !== new Set(speakerIds).size) fields.speakerIds = 'Narasumber harus dipilih dari narasumber kegiatan ini';
      for (const o of overlapping) {
        const twice = known.find((k) => ((o.speakerIds as string[]) ?? []).includes(k.id));
        if (twice)
          fields.speakerIds = `${twice.name} sudah menjadi narasumber sesi "${o.title}" (${clockId(o.startTime)}–${clockId(o.endTime)}) pada jam yang sama`;
      }
    }
    if (!fields.speakerIds && overlapping.length) {
      const o = overlapping[0]!;
      fields.startTime = `Sesi bertumpang tindih dengan "${o.title}" (${clockId(o.startTime)}–${clockId(o.endTime)})`;
    }
  }
  if (Object.keys(fields).length) throw new ValidationError(Object.values(fields)[0]!, fields);
}

export const agendaRows = childRows<Row, AgendaSession, Input>({
  root: meetingRoot,
  action: 'meeting.manage',
  table: agendaSessions,
  parentKey: agendaSessions.meetingId,
  auditName: 'agendaSession',
  entityType: 'agenda_session',
  notFound: 'Sesi acara tidak ditemukan',
  present: (row) => presentSession(row, new Map()),
  async values(tx, meetingId, input, before) {
    const merged = {
      day: input.day !== undefined ? input.day : (before?.day ?? null),
      startTime: input.startTime ?? before!.startTime,
      endTime: input.endTime ?? before!.endTime,
      title: input.title ?? before!.title,
      speakerIds: input.speakerIds ?? before?.speakerIds ?? [],
      moderator: input.moderator !== undefined ? input.moderator : (before?.moderator ?? null),
      topics: input.topics !== undefined ? input.topics : (before?.topics ?? null),
    };
    await checkSession(tx, meetingId, merged, before?.id ?? null);
    if (before) return { ...merged, updatedAt: new Date() };
    const existing = await tx.db
      .select({ position: agendaSessions.position })
      .from(agendaSessions)
      .where(eq(agendaSessions.meetingId, meetingId));
    return { ...merged, position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0) };
  },
});

/** Moves a session one place up or down (swapping positions with its neighbour). */
export async function moveAgendaSession(
  ctx: Ctx,
  meetingId: string,
  sessionId: string,
  input: { version: number; direction: 'up' | 'down' },
): Promise<{ agenda: AgendaSession[]; version: number }> {
  const { version } = await writeAggregate(
    ctx,
    meetingRoot,
    meetingId,
    { action: 'meeting.manage', version: input.version },
    async (tx, m) => {
      const rows = await tx.db
        .select()
        .from(agendaSessions)
        .where(eq(agendaSessions.meetingId, meetingId))
        .orderBy(asc(agendaSessions.position), asc(agendaSessions.startTime));
      const i = rows.findIndex((r) => r.id === sessionId);
      if (i < 0) throw new NotFoundError('Sesi acara tidak ditemukan');
      const j = input.direction === 'up' ? i - 1 : i + 1;
      const order = rows.map((r) => r.id);
      if (j >= 0 && j < rows.length) [order[i], order[j]] = [order[j]!, order[i]!];
      for (const [position, id] of order.entries()) await tx.db.update(agendaSessions).set({ position }).where(eq(agendaSessions.id, id));
      return {
        result: null,
        audit: {
          action: 'agendaSession.move',
          entityType: 'agenda_session',
          entityId: sessionId,
          before: { position: i },
          after: { position: Math.max(0, Math.min(rows.length - 1, j)) },
        },
      };
    },
  );
  const [m] = await ctx.db.select({ activityId: meetings.activityId }).from(meetings).where(eq(meetings.id, meetingId));
  return { agenda: await agendaOf(ctx, meetingId, m!.activityId), version };
}
