import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { StateError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { forumCategories, forumFollows, forumReplies, forumTopics, institutions, users } from '../../db/schema/index';
import type {
  createTopicBody,
  listTopicsQuery,
  solutionBody,
  TopicDetail,
  TopicSummary,
  topicStatusBody,
  updateTopicBody,
} from '../../../shared/schemas/forum';
import { assertEditWindow, assertVisible, cleanBody, isBureau, permit, writePost, type TopicRow } from './access';
import { setAttachments } from './attachments';
import { decodeCursor, encodeCursor, pageOf } from './cursor';
import { notifyTopic, setFollow } from './notify';
import { presentSummary, presentTopic, summaryColumns } from './present';

/** An active category (new topics and moves go only into one). */
export async function activeCategory(ctx: Ctx, id: string) {
  const [c] = await ctx.db.select().from(forumCategories).where(eq(forumCategories.id, id));
  if (!c) throw new ValidationError('Kategori tidak ditemukan', { categoryId: 'Kategori tidak ditemukan' });
  if (!c.active) throw new StateError(`Kategori "${c.name}" sudah tidak dipakai: pilih kategori lain.`);
  return c;
}

/**
 * Newest (or most voted) first, as the indexes are built (`DESC NULLS LAST`, drizzle's default for a descending index
 * column): a plain `DESC` means NULLS FIRST, which those indexes cannot serve, and PostgreSQL would sort the table.
 */
export const descIndexed = (column: AnyPgColumn) => sql`${column} desc nulls last`;

/** WIB calendar day to the instant it starts. */
const wibDayStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Asia/Jakarta')`;

/** Filters every topic list and search shares: category, status, type, institution, author, WIB dates. */
export function topicFilters(
  q: { categoryId?: string; status?: string; type?: string; institutionId?: string; authorId?: string },
  dates: { column: SQL | typeof forumTopics.createdAt; from?: string; to?: string },
): SQL[] {
  const where: SQL[] = [];
  if (q.categoryId) where.push(eq(forumTopics.categoryId, q.categoryId));
  if (q.status) where.push(eq(forumTopics.status, q.status));
  if (q.type) where.push(eq(forumTopics.type, q.type));
  if (q.institutionId) where.push(eq(forumTopics.institutionId, q.institutionId));
  if (q.authorId) where.push(eq(forumTopics.authorId, q.authorId));
  if (dates.from) where.push(sql`${dates.column} >= ${wibDayStart(dates.from)}`);
  if (dates.to) where.push(sql`${dates.column} < ${wibDayStart(dates.to)} + interval '1 day'`);
  return where;
}

/** Topics, newest activity (or newest, or most voted) first, paged by keyset: page 500 costs what page 1 costs. */
export async function listTopics(
  ctx: Ctx,
  q: z.output<typeof listTopicsQuery>,
): Promise<{ items: TopicSummary[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'forum.read');
  if (q.from && q.to && q.from > q.to)
    throw new ValidationError('Tanggal awal setelah tanggal akhir', { from: 'Tanggal awal setelah tanggal akhir' });
  const where = topicFilters(q, { column: forumTopics.createdAt, from: q.from, to: q.to });
  where.push(isNull(forumTopics.mergedIntoId));
  if (!isBureau(ctx.actor)) where.push(isNull(forumTopics.hiddenAt));
  const votes = q.sort === 'votes';
  const tsColumn = q.sort === 'new' ? forumTopics.createdAt : forumTopics.lastActivityAt;
  if (votes) {
    const c = decodeCursor(q.cursor, 'number');
    if (c) where.push(sql`(${forumTopics.voteCount}, ${forumTopics.id}) < (${c.key}, ${c.id}::uuid)`);
  } else {
    const c = decodeCursor(q.cursor, 'string');
    if (c) where.push(sql`(${tsColumn}, ${forumTopics.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await ctx.db
    .select({ ...summaryColumns, cursorTs: sql<string>`${tsColumn}::text` })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .innerJoin(users, eq(users.id, forumTopics.authorId))
    .leftJoin(institutions, eq(institutions.id, forumTopics.institutionId))
    .where(and(...where))
    .orderBy(
      ...(votes ? [descIndexed(forumTopics.voteCount), descIndexed(forumTopics.id)] : [descIndexed(tsColumn), descIndexed(forumTopics.id)]),
    )
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => (votes ? encodeCursor(last.voteCount, last.id) : encodeCursor(last.cursorTs, last.id)));
  return { items: page.rows.map(presentSummary), nextCursor: page.nextCursor };
}

export async function getTopic(ctx: Ctx, id: string): Promise<TopicDetail> {
  authorize(ctx.actor, 'forum.read');
  const [row] = await ctx.db.select().from(forumTopics).where(eq(forumTopics.id, id));
  assertVisible(ctx.actor, row);
  return presentTopic(ctx, id);
}

/** Opens a topic; the author follows it (immediate mail) and the category's followers hear of it. */
export async function createTopic(ctx: Ctx, input: z.output<typeof createTopicBody>): Promise<TopicDetail> {
  authorize(ctx.actor, 'forum.post');
  const actor = ctx.actor;
  const body = cleanBody(input.bodyHtml);
  const id = await inTransaction(ctx, async (tx) => {
    const category = await activeCategory(tx, input.categoryId);
    const [topic] = await tx.db
      .insert(forumTopics)
      .values({
        type: input.type,
        categoryId: category.id,
        title: input.title,
        ...body,
        authorId: actor.id,
        institutionId: actor.institutionId,
      })
      .returning();
    await setAttachments(tx, { topicId: topic!.id }, input.attachmentIds ?? []);
    await tx.db.insert(forumFollows).values({ userId: actor.id, topicId: topic!.id, mode: 'immediate' }).onConflictDoNothing();
    await audit(tx, { action: 'forumTopic.create', entityType: 'forum_topic', entityId: topic!.id, after: auditView(topic!) });
    await notifyTopic(tx, topic!, actor.name, category.name);
    return topic!.id;
  });
  return presentTopic(ctx, id);
}

/** What the audit keeps of a topic (not the search document). */
export const auditView = (t: TopicRow & { search?: unknown }) => {
  const { search: _search, bodyText: _text, ...rest } = t;
  return rest;
};

/** The author edits within 30 minutes (not once locked or hidden); the bureau always. */
export async function updateTopic(ctx: Ctx, id: string, input: z.output<typeof updateTopicBody>): Promise<TopicDetail> {
  const { version, ...change } = input;
  await writePost<TopicRow, void>(
    ctx,
    forumTopics,
    id,
    version,
    async (tx, t) => {
      assertVisible(tx.actor, t);
      permit(tx.actor, 'forum.edit', t, 'Hanya penulis topik atau biro yang dapat mengubah topik ini');
      if (t.mergedIntoId) throw new StateError('Topik ini sudah digabungkan ke topik lain dan tidak dapat diubah.');
      if (!isBureau(tx.actor) && t.locked) throw new StateError('Topik ini dikunci oleh biro dan tidak dapat diubah.');
      assertEditWindow(tx.actor, t);
    },
    async (tx, before) => {
      if (change.categoryId !== undefined && change.categoryId !== before.categoryId) await activeCategory(tx, change.categoryId);
      const [after] = await tx.db
        .update(forumTopics)
        .set({
          ...(change.title !== undefined ? { title: change.title } : {}),
          ...(change.type !== undefined ? { type: change.type } : {}),
          ...(change.categoryId !== undefined ? { categoryId: change.categoryId } : {}),
          ...(change.bodyHtml !== undefined ? cleanBody(change.bodyHtml) : {}),
          editedAt: new Date(),
        })
        .where(eq(forumTopics.id, id))
        .returning();
      await setAttachments(tx, { topicId: id }, change.attachmentIds);
      return {
        result: undefined,
        audit: {
          action: 'forumTopic.update',
          entityType: 'forum_topic',
          entityId: id,
          before: auditView(before),
          after: auditView(after!),
        },
      };
    },
  );
  return presentTopic(ctx, id);
}

/** Closes (Selesai) or reopens a topic: its author or the bureau. */
export async function setTopicStatus(ctx: Ctx, id: string, input: z.output<typeof topicStatusBody>): Promise<TopicDetail> {
  await writePost<TopicRow, void>(
    ctx,
    forumTopics,
    id,
    input.version,
    (tx, t) => {
      assertVisible(tx.actor, t);
      permit(tx.actor, 'forum.resolve', t, 'Hanya penulis topik atau biro yang dapat menutup atau membuka kembali topik ini');
      if (t.mergedIntoId) throw new StateError('Topik ini sudah digabungkan ke topik lain.');
    },
    async (tx, before) => {
      const status = input.status === 'closed' ? 'closed' : before.acceptedReplyId ? 'answered' : 'open';
      if (input.status === 'open' && before.status !== 'closed')
        throw new StateError('Topik ini tidak berstatus Selesai, jadi tidak perlu dibuka kembali.');
      await tx.db.update(forumTopics).set({ status }).where(eq(forumTopics.id, id));
      return {
        result: undefined,
        audit: {
          action: 'forumTopic.status',
          entityType: 'forum_topic',
          entityId: id,
          before: { status: before.status },
          after: { status },
        },
      };
    },
  );
  return presentTopic(ctx, id);
}

/** Marks one reply as the accepted solution (the topic's author or the bureau); an open topic becomes Terjawab. */
export async function acceptSolution(ctx: Ctx, id: string, input: z.output<typeof solutionBody> | { version: number; replyId: null }) {
  await writePost<TopicRow, void>(
    ctx,
    forumTopics,
    id,
    input.version,
    (tx, t) => {
      assertVisible(tx.actor, t);
      permit(tx.actor, 'forum.resolve', t, 'Hanya penulis topik atau biro yang dapat menandai solusi');
      if (t.mergedIntoId) throw new StateError('Topik ini sudah digabungkan ke topik lain.');
      if (t.hiddenAt) throw new StateError('Topik ini disembunyikan oleh biro.');
    },
    async (tx, before) => {
      if (input.replyId) {
        const [reply] = await tx.db
          .select({ id: forumReplies.id, hiddenAt: forumReplies.hiddenAt })
          .from(forumReplies)
          .where(and(eq(forumReplies.id, input.replyId), eq(forumReplies.topicId, id)));
        if (!reply) throw new ValidationError('Balasan itu tidak ada di topik ini', { replyId: 'Balasan tidak ditemukan di topik ini' });
        if (reply.hiddenAt) throw new StateError('Balasan yang disembunyikan tidak dapat menjadi solusi.');
      } else if (!before.acceptedReplyId) throw new StateError('Topik ini belum punya solusi yang ditandai.');
      const status = input.replyId
        ? before.status === 'open'
          ? 'answered'
          : before.status
        : before.status === 'answered'
          ? 'open'
          : before.status;
      await tx.db.update(forumTopics).set({ acceptedReplyId: input.replyId, status }).where(eq(forumTopics.id, id));
      return {
        result: undefined,
        audit: input.replyId
          ? {
              action: 'forumTopic.solution',
              entityType: 'forum_topic',
              entityId: id,
              before: { acceptedReplyId: before.acceptedReplyId, status: before.status },
              after: { acceptedReplyId: input.replyId, status },
            }
          : {
              action: 'forumTopic.solution_withdraw',
              entityType: 'forum_topic',
              entityId: id,
              before: { acceptedReplyId: before.acceptedReplyId, status: before.status },
              after: { acceptedReplyId: null, status },
            },
      };
    },
  );
  return presentTopic(ctx, id);
}

/** Follows a topic (or stops): anyone who can see it. */
export async function followTopic(ctx: Ctx, id: string, mode: 'immediate' | 'digest' | 'none') {
  authorize(ctx.actor, 'forum.post');
  const userId = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const [t] = await tx.db.select().from(forumTopics).where(eq(forumTopics.id, id));
    assertVisible(tx.actor, t);
    return setFollow(tx, { topicId: id }, userId, mode);
  });
}
