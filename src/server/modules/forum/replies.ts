import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, StateError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { forumReplies, forumTopics, forumVotes } from '../../db/schema/index';
import type { createReplyBody, ForumReply, listRepliesQuery, updateReplyBody } from '../../../shared/schemas/forum';
import {
  assertEditWindow,
  assertVisible,
  cleanBody,
  closedForParticipation,
  isBureau,
  lockTopic,
  permit,
  writePost,
  type ReplyRow,
} from './access';
import { setAttachments } from './attachments';
import { decodeCursor, encodeCursor, pageOf } from './cursor';
import { notifyReply } from './notify';
import { presentReplies, presentReply, selectReplies } from './present';

export const replyAuditView = (r: ReplyRow) => {
  const { search: _search, bodyText: _text, ...rest } = r;
  return rest;
};

/** A topic's replies, oldest first, paged by keyset (created_at, id). */
export async function listReplies(
  ctx: Ctx,
  topicId: string,
  q: z.output<typeof listRepliesQuery>,
): Promise<{ items: ForumReply[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'forum.read');
  const [topic] = await ctx.db.select().from(forumTopics).where(eq(forumTopics.id, topicId));
  assertVisible(ctx.actor, topic);
  const c = decodeCursor(q.cursor, 'string');
  const rows = await selectReplies(ctx)
    .where(
      and(
        eq(forumReplies.topicId, topicId),
        c ? sql`(${forumReplies.createdAt}, ${forumReplies.id}) > (${c.key}::timestamptz, ${c.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(forumReplies.createdAt), asc(forumReplies.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => encodeCursor(last.cursorTs, last.reply.id));
  return { items: await presentReplies(ctx, topic, page.rows), nextCursor: page.nextCursor };
}

/**
 * Replies to a topic (not a locked, hidden or merged one), optionally quoting another reply of the same topic. The
 * topic's row is locked, so its counters stay right and a reply never lands on a topic being locked at that moment.
 * Immediate followers get mail in the same transaction.
 */
export async function createReply(ctx: Ctx, topicId: string, input: z.output<typeof createReplyBody>): Promise<ForumReply> {
  authorize(ctx.actor, 'forum.post');
  const actor = ctx.actor;
  const body = cleanBody(input.bodyHtml);
  const { reply, topic } = await inTransaction(ctx, async (tx) => {
    const topic = await lockTopic(tx, topicId);
    assertVisible(tx.actor, topic);
    const closed = closedForParticipation(topic, 'balasan');
    if (closed) throw new StateError(closed);
    if (input.quoteReplyId) {
      const [q] = await tx.db
        .select({ id: forumReplies.id })
        .from(forumReplies)
        .where(and(eq(forumReplies.id, input.quoteReplyId), eq(forumReplies.topicId, topicId)));
      if (!q)
        throw new ValidationError('Balasan yang dikutip tidak ada di topik ini', { quoteReplyId: 'Balasan yang dikutip tidak ditemukan' });
    }
    const [reply] = await tx.db
      .insert(forumReplies)
      .values({ topicId, authorId: actor.id, institutionId: actor.institutionId, quoteReplyId: input.quoteReplyId ?? null, ...body })
      .returning();
    await setAttachments(tx, { replyId: reply!.id }, input.attachmentIds ?? []);
    await tx.db
      .update(forumTopics)
      .set({ replyCount: sql`${forumTopics.replyCount} + 1`, lastActivityAt: reply!.createdAt })
      .where(eq(forumTopics.id, topicId));
    await audit(tx, { action: 'forumReply.create', entityType: 'forum_reply', entityId: reply!.id, after: replyAuditView(reply!) });
    await notifyReply(tx, topic, reply!, actor.name);
    return { reply: reply!, topic };
  });
  return presentReply(ctx, topic, reply.id);
}

async function topicOf(tx: Ctx, reply: ReplyRow) {
  const [topic] = await tx.db.select().from(forumTopics).where(eq(forumTopics.id, reply.topicId));
  assertVisible(tx.actor, topic);
  return topic;
}

/** The author edits within 30 minutes (not on a locked topic, not once hidden); the bureau always. */
export async function updateReply(ctx: Ctx, id: string, input: z.output<typeof updateReplyBody>): Promise<ForumReply> {
  const { version, ...change } = input;
  const topicId = await writePost<ReplyRow, string>(
    ctx,
    forumReplies,
    id,
    version,
    async (tx, r) => {
      const topic = await topicOf(tx, r);
      permit(tx.actor, 'forum.edit', r, 'Hanya penulis balasan atau biro yang dapat mengubah balasan ini');
      if (!isBureau(tx.actor)) {
        if (r.hiddenAt) throw new StateError('Balasan ini disembunyikan oleh biro dan tidak dapat diubah.');
        const closed = closedForParticipation(topic, 'balasan');
        if (closed) throw new StateError(closed);
      }
      assertEditWindow(tx.actor, r);
    },
    async (tx, before) => {
      const [after] = await tx.db
        .update(forumReplies)
        .set({ ...(change.bodyHtml !== undefined ? cleanBody(change.bodyHtml) : {}), editedAt: new Date() })
        .where(eq(forumReplies.id, id))
        .returning();
      await setAttachments(tx, { replyId: id }, change.attachmentIds);
      return {
        result: before.topicId,
        audit: {
          action: 'forumReply.update',
          entityType: 'forum_reply',
          entityId: id,
          before: replyAuditView(before),
          after: replyAuditView(after!),
        },
      };
    },
  );
  const [topic] = await ctx.db.select().from(forumTopics).where(eq(forumTopics.id, topicId));
  return presentReply(ctx, topic!, id);
}

/** Votes for a topic ("saya juga menghadapi ini"): once per user, enforced by the primary key. */
export async function vote(ctx: Ctx, topicId: string): Promise<{ voted: boolean; voteCount: number }> {
  authorize(ctx.actor, 'forum.post');
  const userId = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const topic = await lockTopic(tx, topicId);
    assertVisible(tx.actor, topic);
    const closed = closedForParticipation(topic, 'suara');
    if (closed) throw new StateError(closed);
    const inserted = await tx.db.insert(forumVotes).values({ topicId, userId }).onConflictDoNothing().returning();
    if (!inserted.length) throw new ConflictError('Anda sudah memberi suara untuk topik ini');
    const [t] = await tx.db
      .update(forumTopics)
      .set({ voteCount: sql`${forumTopics.voteCount} + 1` })
      .where(eq(forumTopics.id, topicId))
      .returning({ voteCount: forumTopics.voteCount });
    await audit(tx, { action: 'forumVote.create', entityType: 'forum_topic', entityId: topicId, after: { userId } });
    return { voted: true, voteCount: t!.voteCount };
  });
}

/** Withdraws one's vote (also on a locked topic). */
export async function unvote(ctx: Ctx, topicId: string): Promise<{ voted: boolean; voteCount: number }> {
  authorize(ctx.actor, 'forum.post');
  const userId = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const topic = await lockTopic(tx, topicId);
    assertVisible(tx.actor, topic);
    const removed = await tx.db
      .delete(forumVotes)
      .where(and(eq(forumVotes.topicId, topicId), eq(forumVotes.userId, userId)))
      .returning();
    if (!removed.length) throw new ConflictError('Anda belum memberi suara untuk topik ini');
    const [t] = await tx.db
      .update(forumTopics)
      .set({ voteCount: sql`greatest(${forumTopics.voteCount} - 1, 0)` })
      .where(eq(forumTopics.id, topicId))
      .returning({ voteCount: forumTopics.voteCount });
    await audit(tx, { action: 'forumVote.delete', entityType: 'forum_topic', entityId: topicId, before: { userId } });
    return { voted: false, voteCount: t!.voteCount };
  });
}
