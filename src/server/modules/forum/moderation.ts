import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { NotFoundError, StateError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { forumFollows, forumReplies, forumTopics, forumVotes } from '../../db/schema/index';
import type { ForumReply, TopicDetail } from '../../../shared/schemas/forum';
import { lockTopic, topicNotFound, writePost, type ReplyRow, type TopicRow } from './access';
import { presentReply, presentTopic } from './present';
import { activeCategory } from './topics';

/** Moderation is the bureau's (committee and administrators): checked before the row is even read. */
const bureauOnly = (ctx: Ctx) => authorize(ctx.actor, 'forum.moderate');
const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** Hides a topic (with a reason, in the audit trail) or shows it again. */
export async function hideTopic(ctx: Ctx, id: string, input: { version: number; reason: string | null }): Promise<TopicDetail> {
  bureauOnly(ctx);
  await writePost<TopicRow, void>(
    ctx,
    forumTopics,
    id,
    input.version,
    (_tx, t) => {
      if (input.reason && t.hiddenAt) throw new StateError('Topik ini sudah disembunyikan.');
      if (!input.reason && !t.hiddenAt) throw new StateError('Topik ini tidak disembunyikan.');
    },
    async (tx, before) => {
      const hidden = input.reason
        ? { hiddenAt: new Date(), hiddenReason: input.reason, hiddenById: actorId(tx) }
        : { hiddenAt: null, hiddenReason: null, hiddenById: null };
      await tx.db.update(forumTopics).set(hidden).where(eq(forumTopics.id, id));
      return {
        result: undefined,
        audit: input.reason
          ? {
              action: 'forumTopic.hide',
              entityType: 'forum_topic',
              entityId: id,
              before: { title: before.title },
              after: { reason: input.reason },
            }
          : { action: 'forumTopic.unhide', entityType: 'forum_topic', entityId: id, before: { reason: before.hiddenReason }, after: null },
      };
    },
  );
  return presentTopic(ctx, id);
}

/** Hides a reply (placeholder for members, body kept for the bureau) or shows it again; a hidden solution is withdrawn. */
export async function hideReply(ctx: Ctx, id: string, input: { version: number; reason: string | null }): Promise<ForumReply> {
  bureauOnly(ctx);
  const topicId = await writePost<ReplyRow, string>(
    ctx,
    forumReplies,
    id,
    input.version,
    (_tx, r) => {
      if (input.reason && r.hiddenAt) throw new StateError('Balasan ini sudah disembunyikan.');
      if (!input.reason && !r.hiddenAt) throw new StateError('Balasan ini tidak disembunyikan.');
    },
    async (tx, before) => {
      const hidden = input.reason
        ? { hiddenAt: new Date(), hiddenReason: input.reason, hiddenById: actorId(tx) }
        : { hiddenAt: null, hiddenReason: null, hiddenById: null };
      await tx.db.update(forumReplies).set(hidden).where(eq(forumReplies.id, id));
      if (input.reason) {
        const topic = await lockTopic(tx, before.topicId);
        if (topic?.acceptedReplyId === id)
          await tx.db
            .update(forumTopics)
            .set({ acceptedReplyId: null, status: topic.status === 'answered' ? 'open' : topic.status })
            .where(eq(forumTopics.id, topic.id));
      }
      return {
        result: before.topicId,
        audit: input.reason
          ? {
              action: 'forumReply.hide',
              entityType: 'forum_reply',
              entityId: id,
              before: { topicId: before.topicId },
              after: { reason: input.reason },
            }
          : { action: 'forumReply.unhide', entityType: 'forum_reply', entityId: id, before: { reason: before.hiddenReason }, after: null },
      };
    },
  );
  const [topic] = await ctx.db.select().from(forumTopics).where(eq(forumTopics.id, topicId));
  return presentReply(ctx, topic!, id);
}

/** Locks a topic (no replies, votes or author edits) or unlocks it. */
export async function lockTopicAction(ctx: Ctx, id: string, input: { version: number; locked: boolean }): Promise<TopicDetail> {
  bureauOnly(ctx);
  await writePost<TopicRow, void>(
    ctx,
    forumTopics,
    id,
    input.version,
    (_tx, t) => {
      if (t.mergedIntoId) throw new StateError('Topik yang sudah digabungkan tetap terkunci.');
    },
    async (tx, before) => {
      await tx.db.update(forumTopics).set({ locked: input.locked }).where(eq(forumTopics.id, id));
      return {
        result: undefined,
        audit: {
          action: input.locked ? 'forumTopic.lock' : 'forumTopic.unlock',
          entityType: 'forum_topic',
          entityId: id,
          before: { locked: before.locked },
          after: { locked: input.locked },
        },
      };
    },
  );
  return presentTopic(ctx, id);
}

/** Moves a topic to another (active) category. */
export async function moveTopic(ctx: Ctx, id: string, input: { version: number; categoryId: string }): Promise<TopicDetail> {
  bureauOnly(ctx);
  await writePost<TopicRow, void>(
    ctx,
    forumTopics,
    id,
    input.version,
    () => undefined,
    async (tx, before) => {
      await activeCategory(tx, input.categoryId);
      await tx.db.update(forumTopics).set({ categoryId: input.categoryId }).where(eq(forumTopics.id, id));
      return {
        result: undefined,
        audit: {
          action: 'forumTopic.move',
          entityType: 'forum_topic',
          entityId: id,
          before: { categoryId: before.categoryId },
          after: { categoryId: input.categoryId },
        },
      };
    },
  );
  return presentTopic(ctx, id);
}

/**
 * Merges a duplicate into another topic: the duplicate's replies move to the target, its votes and follows are
 * added to the target's (one per person), and it is locked with a pointer to the target. Answers the target.
 */
export async function mergeTopic(ctx: Ctx, id: string, input: { version: number; intoTopicId: string }): Promise<TopicDetail> {
  bureauOnly(ctx);
  if (id === input.intoTopicId) throw new StateError('Topik tidak dapat digabungkan ke dirinya sendiri.');
  await writePost<TopicRow, void>(
    ctx,
    forumTopics,
    id,
    input.version,
    (_tx, t) => {
      if (t.mergedIntoId) throw new StateError('Topik ini sudah digabungkan ke topik lain.');
    },
    async (tx, source) => {
      const target = await lockTopic(tx, input.intoTopicId);
      if (!target) throw new NotFoundError(`${topicNotFound} (topik tujuan)`);
      if (target.mergedIntoId) throw new StateError('Topik tujuan sudah digabungkan ke topik lain: pilih topik hasil gabungannya.');
      if (target.hiddenAt) throw new StateError('Topik tujuan disembunyikan: tampilkan dulu atau pilih topik lain.');
      const moved = await tx.db
        .update(forumReplies)
        .set({ topicId: target.id })
        .where(eq(forumReplies.topicId, id))
        .returning({ id: forumReplies.id });
      await tx.db.execute(
        sql`insert into forum_votes (topic_id, user_id, created_at) select ${target.id}::uuid, user_id, created_at from forum_votes where topic_id = ${id}::uuid on conflict do nothing`,
      );
      await tx.db.execute(
        sql`insert into forum_follows (user_id, topic_id, mode, digested_until) select user_id, ${target.id}::uuid, mode, digested_until from forum_follows where topic_id = ${id}::uuid on conflict do nothing`,
      );
      await tx.db.delete(forumFollows).where(eq(forumFollows.topicId, id));
      const [counts] = await tx.db
        .select({
          votes: sql<number>`(select count(*)::int from ${forumVotes} where ${forumVotes.topicId} = ${target.id})`,
          replies: sql<number>`(select count(*)::int from ${forumReplies} where ${forumReplies.topicId} = ${target.id})`,
        })
        .from(sql`(select 1) as one`);
      const takeSolution = !target.acceptedReplyId && source.acceptedReplyId;
      await tx.db
        .update(forumTopics)
        .set({
          voteCount: counts!.votes,
          replyCount: counts!.replies,
          lastActivityAt: sql`greatest(${forumTopics.lastActivityAt}, coalesce((select max(created_at) from forum_replies where topic_id = ${target.id}::uuid), ${forumTopics.lastActivityAt}))`,
          ...(takeSolution
            ? { acceptedReplyId: source.acceptedReplyId, status: target.status === 'open' ? 'answered' : target.status }
            : {}),
          version: sql`${forumTopics.version} + 1`,
        })
        .where(eq(forumTopics.id, target.id));
      await tx.db
        .update(forumTopics)
        .set({ mergedIntoId: target.id, locked: true, acceptedReplyId: null, replyCount: 0 })
        .where(and(eq(forumTopics.id, id)));
      return {
        result: undefined,
        audit: {
          action: 'forumTopic.merge',
          entityType: 'forum_topic',
          entityId: id,
          before: { title: source.title, replyCount: source.replyCount, voteCount: source.voteCount },
          after: { mergedIntoId: target.id, movedReplies: moved.length },
        },
      };
    },
  );
  return presentTopic(ctx, input.intoTopicId);
}
