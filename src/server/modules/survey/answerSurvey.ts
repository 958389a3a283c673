import { and, eq } from 'drizzle-orm';
import type { SurveyAnswer } from '../../../shared/schemas/survey';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, ForbiddenError, StateError, ValidationError } from '../../core/errors';
import { agendaSessions, surveyResponses, surveySessionRatings } from '../../db/schema/index';
import { registrationOfTicket } from '../meetings/ticketFiles';
import { hasCheckedIn } from './ticketView';

export const alreadyAnsweredMessage = 'Anda sudah mengisi survei rapat ini. Terima kasih; jawaban hanya dapat dikirim satu kali.';
export const notCheckedInMessage =
  'Survei hanya untuk peserta yang hadir: tiket Anda belum tercatat check-in pada rapat ini. Hubungi panitia bila Anda hadir.';

const isUniqueViolation = (e: unknown): boolean => {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause)
    if ((c as { code?: string }).code === '23505') return true;
  return false;
};

/**
 * A participant answers the meeting's feedback survey through their ticket link (the token is the credential).
 * Open to a registration that checked in, once the meeting runs or is done; one answer per registration: the
 * registration row is locked, and the unique index (meeting, registration) settles any race (409, nothing changed).
 */
export async function answerSurvey(ctx: Ctx, token: string, input: SurveyAnswer): Promise<{ id: string; answeredAt: string }> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const { r, m } = await registrationOfTicket(tx.db, token, { lock: true });
      const [existing] = await tx.db
        .select({ id: surveyResponses.id })
        .from(surveyResponses)
        .where(and(eq(surveyResponses.meetingId, m.id), eq(surveyResponses.registrationId, r.id)));
      if (existing) throw new ConflictError(alreadyAnsweredMessage);
      if (m.status === 'cancelled') throw new StateError('Rapat ini dibatalkan; tidak ada survei untuk diisi.');
      if (m.status !== 'running' && m.status !== 'done')
        throw new StateError('Survei dibuka setelah rapat dimulai. Silakan kembali ke halaman ini setelah Anda hadir.');
      if (!(await hasCheckedIn(tx.db, r.id))) throw new ForbiddenError(notCheckedInMessage);

      const sessions = await tx.db.select({ id: agendaSessions.id }).from(agendaSessions).where(eq(agendaSessions.meetingId, m.id));
      const known = new Set(sessions.map((s) => s.id));
      const seen = new Set<string>();
      input.sessionRatings.forEach((s, i) => {
        if (!known.has(s.sessionId))
          throw new ValidationError('Sesi yang dinilai bukan bagian dari acara rapat ini', {
            [`sessionRatings.${i}.sessionId`]: 'Sesi tidak dikenal',
          });
        if (seen.has(s.sessionId))
          throw new ValidationError('Satu sesi hanya dapat dinilai sekali', { [`sessionRatings.${i}.sessionId`]: 'Sesi dinilai dua kali' });
        seen.add(s.sessionId);
      });

      const [row] = await tx.db
        .insert(surveyResponses)
        .values({
          meetingId: m.id,
          registrationId: r.id,
          usefulness: input.usefulness,
          suggestions: input.suggestions ?? null,
          topicsWanted: input.topicsWanted ?? null,
        })
        .returning();
      if (input.sessionRatings.length)
        await tx.db
          .insert(surveySessionRatings)
          .values(input.sessionRatings.map((s) => ({ responseId: row!.id, sessionId: s.sessionId, rating: s.rating })));
      // No user signs in here: the participant's registration is the actor, named in the audit row.
      await audit(tx, {
        action: 'surveyResponse.create',
        entityType: 'survey_response',
        entityId: row!.id,
        after: { ...row, registrationId: r.id, participant: r.name, sessionRatings: input.sessionRatings },
      });
      return { id: row!.id, answeredAt: row!.createdAt.toISOString() };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(alreadyAnsweredMessage);
    throw e;
  }
}
