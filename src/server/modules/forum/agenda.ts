import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { NotFoundError, StateError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { agendaSessions, forumTopicAgenda, forumTopics } from '../../db/schema/index';
import type { addToAgendaBody, TopicSummary } from '../../../shared/schemas/forum';
import { meetingRoot } from '../meetings/meetingRoot';
import { presentSummary, selectSummaries } from './present';
import { descIndexed } from './topics';

/** The most voted topics still open (Terbuka or Terjawab), visible and not yet on an agenda: the bureau's shortlist. */
export async function agendaCandidates(ctx: Ctx, limit: number): Promise<{ topics: TopicSummary[] }> {
  authorize(ctx.actor, 'forum.moderate');
  const rows = await selectSummaries(ctx)
    .leftJoin(forumTopicAgenda, eq(forumTopicAgenda.topicId, forumTopics.id))
    .where(
      and(
        inArray(forumTopics.status, ['open', 'answered']),
        isNull(forumTopics.hiddenAt),
        isNull(forumTopics.mergedIntoId),
        isNull(forumTopicAgenda.topicId),
      ),
    )
    .orderBy(descIndexed(forumTopics.voteCount), descIndexed(forumTopics.id))
    .limit(limit);
  return { topics: rows.map(presentSummary) };
}

/**
 * Puts topics on a meeting's agenda in one action: through the meeting's write path (its managers, its status, its
 * version), each topic is linked to the session (status Dibahas di rapat) and the session's "topik" text gets one
 * line per topic. A topic already on another session moves to this one.
 */
export async function addTopicsToAgenda(ctx: Ctx, input: z.output<typeof addToAgendaBody>) {
  authorize(ctx.actor, 'forum.moderate');
  const ids = [...new Set(input.topicIds)];
  const { result, version } = await writeAggregate(
    ctx,
    meetingRoot,
    input.meetingId,
    { action: 'meeting.manage', version: input.meetingVersion },
    async (tx) => {
      const [session] = await tx.db
        .select()
        .from(agendaSessions)
        .where(and(eq(agendaSessions.id, input.sessionId), eq(agendaSessions.meetingId, input.meetingId)));
      if (!session) throw new NotFoundError('Sesi acara tidak ditemukan di rapat ini');
      const topics = await tx.db
        .select()
        .from(forumTopics)
        .where(inArray(forumTopics.id, ids))
        .orderBy(desc(forumTopics.voteCount))
        .for('update');
      if (topics.length !== ids.length) throw new ValidationError('Ada topik yang tidak ditemukan', { topicIds: 'Topik tidak ditemukan' });
      const refused = topics.find((t) => t.hiddenAt || t.mergedIntoId);
      if (refused) throw new StateError(`Topik "${refused.title}" disembunyikan atau sudah digabungkan: tidak dapat dibawa ke rapat.`);
      const actorId = tx.actor.kind === 'user' ? tx.actor.id : null;
      for (const t of topics) {
        await tx.db
          .insert(forumTopicAgenda)
          .values({ topicId: t.id, meetingId: input.meetingId, agendaSessionId: session.id, linkedById: actorId })
          .onConflictDoUpdate({
            target: forumTopicAgenda.topicId,
            set: { meetingId: input.meetingId, agendaSessionId: session.id, linkedById: actorId, createdAt: sql`now()` },
          });
      }
      await tx.db
        .update(forumTopics)
        .set({ status: 'in_meeting', version: sql`${forumTopics.version} + 1`, updatedAt: sql`now()` })
        .where(inArray(forumTopics.id, ids));
      const existing = session.topics ?? '';
      const lines = topics.map((t) => `Forum: ${t.title}`).filter((l) => !existing.split('\n').includes(l));
      const newTopics = [existing, ...lines].filter(Boolean).join('\n');
      await tx.db.update(agendaSessions).set({ topics: newTopics, updatedAt: new Date() }).where(eq(agendaSessions.id, session.id));
      return {
        result: topics.map((t) => ({ topicId: t.id, title: t.title })),
        audit: [
          ...topics.map((t) => ({
            action: 'forumTopic.agenda',
            entityType: 'forum_topic',
            entityId: t.id,
            before: { status: t.status },
            after: { status: 'in_meeting', meetingId: input.meetingId, agendaSessionId: session.id },
          })),
          {
            action: 'agendaSession.update',
            entityType: 'agenda_session',
            entityId: session.id,
            before: { topics: session.topics },
            after: { topics: newTopics },
          },
        ],
      };
    },
  );
  return { meetingVersion: version, linked: result };
}
