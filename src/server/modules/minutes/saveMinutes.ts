import { eq } from 'drizzle-orm';
import { assertVersion } from '../../core/aggregate';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { StateError, ValidationError } from '../../core/errors';
import { agendaSessions, meetingMinutes, meetings, sessionMinutes } from '../../db/schema/index';
import type { MinutesBody } from '../../../shared/schemas/minutes';
import { cleanMinutesText } from './cleanMinutesText';
import { loadMinutesMeeting, minutesOf } from './minutesData';

/**
 * Saves the whole minutes document: chair, note-taker, opening, closing and the discussion of each agenda session
 * (a session left out has no discussion). One transaction: the meeting row is locked (so two first saves cannot
 * both insert), the minutes row is locked and its version checked and bumped, and one audit row records the change.
 */
export async function saveMinutes(ctx: Ctx, meetingId: string, input: MinutesBody) {
  return inTransaction(ctx, async (tx) => {
    await tx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
    const m = await loadMinutesMeeting(tx, meetingId, 'minutes.write');
    if (m.status === 'cancelled') throw new StateError('Rapat ini dibatalkan: notulennya tidak dapat diubah.', { status: m.status });
    const [before] = await tx.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).for('update');
    assertVersion(before?.version ?? 1, input.version);

    const own = await tx.db.select({ id: agendaSessions.id }).from(agendaSessions).where(eq(agendaSessions.meetingId, meetingId));
    const ownIds = new Set(own.map((s) => s.id));
    const seen = new Set<string>();
    const sessions = input.sessions.map((s, i) => {
      const field = `sessions.${i}.bodyHtml`;
      if (!ownIds.has(s.sessionId) || seen.has(s.sessionId))
        throw new ValidationError('Sesi acara tidak ditemukan pada rapat ini (atau dikirim dua kali); muat ulang halaman.', {
          [`sessions.${i}.sessionId`]: 'Sesi tidak dikenal',
        });
      seen.add(s.sessionId);
      return { sessionId: s.sessionId, bodyHtml: cleanMinutesText(s.bodyHtml, field, `Pembahasan sesi ${i + 1}`) };
    });
    const values = {
      chairName: input.chairName,
      chairPosition: input.chairPosition ?? null,
      noteTakerName: input.noteTakerName,
      noteTakerPosition: input.noteTakerPosition ?? null,
      openingHtml: cleanMinutesText(input.openingHtml, 'openingHtml', 'Pembukaan'),
      closingHtml: cleanMinutesText(input.closingHtml, 'closingHtml', 'Penutup'),
      updatedBy: tx.actor.kind === 'user' ? tx.actor.id : null,
      version: (before?.version ?? 1) + 1,
      updatedAt: new Date(),
    };
    const [after] = await tx.db
      .insert(meetingMinutes)
      .values({ meetingId, ...values })
      .onConflictDoUpdate({ target: meetingMinutes.meetingId, set: values })
      .returning();
    const sessionsBefore = await tx.db
      .select({ sessionId: sessionMinutes.sessionId, bodyHtml: sessionMinutes.bodyHtml })
      .from(sessionMinutes)
      .where(eq(sessionMinutes.meetingId, meetingId));
    await tx.db.delete(sessionMinutes).where(eq(sessionMinutes.meetingId, meetingId));
    const written = sessions.filter((s) => s.bodyHtml !== '');
    if (written.length) await tx.db.insert(sessionMinutes).values(written.map((s) => ({ ...s, meetingId })));
    await audit(tx, {
      action: 'minutes.update',
      entityType: 'meeting_minutes',
      entityId: meetingId,
      before: before ? { ...before, sessions: sessionsBefore } : null,
      after: { ...after, sessions: written },
    });
    return minutesOf(tx, m);
  });
}
