import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context';
import { can } from '../../core/policy';
import {
  agendaSessions,
  forumAttachments,
  forumCategories,
  forumFollows,
  forumReplies,
  forumTopicAgenda,
  forumTopics,
  forumVotes,
  institutions,
  meetings,
  users,
} from '../../db/schema/index';
import type { TopicStatus, TopicType } from '../../../shared/forum';
import type { ForumReply, TopicDetail, TopicSummary } from '../../../shared/schemas/forum';
import { closedForParticipation, editableUntil, excerptOf, isBureau, postSubject, withinEditWindow, type TopicRow } from './access';

const hiddenBy = alias(users, 'hidden_by');

/** The columns a topic list shows (with its category, author and institution). */
export const summaryColumns = {
  id: forumTopics.id,
  type: forumTopics.type,
  title: forumTopics.title,
  status: forumTopics.status,
  categoryId: forumTopics.categoryId,
  categoryName: forumCategories.name,
  authorId: forumTopics.authorId,
  authorName: users.name,
  institutionId: forumTopics.institutionId,
  institutionName: institutions.name,
  institutionShort: institutions.shortName,
  excerptText: sql<string>`left(${forumTopics.bodyText}, 300)`,
  replyCount: forumTopics.replyCount,
  voteCount: forumTopics.voteCount,
  locked: forumTopics.locked,
  hiddenAt: forumTopics.hiddenAt,
  acceptedReplyId: forumTopics.acceptedReplyId,
  createdAt: forumTopics.createdAt,
  lastActivityAt: forumTopics.lastActivityAt,
};
export type SummaryRow = {
  id: string;
  type: string;
  title: string;
  status: string;
  categoryId: string;
  categoryName: string;
  authorId: string;
  authorName: string;
  institutionId: string | null;
  institutionName: string | null;
  institutionShort: string | null;
  excerptText: string;
  replyCount: number;
  voteCount: number;
  locked: boolean;
  hiddenAt: Date | null;
  acceptedReplyId: string | null;
  createdAt: Date;
  lastActivityAt: Date;
};

/** select(summaryColumns) from topics with the joins the summary needs. */
export function selectSummaries(ctx: Ctx) {
  return ctx.db
    .select(summaryColumns)
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .innerJoin(users, eq(users.id, forumTopics.authorId))
    .leftJoin(institutions, eq(institutions.id, forumTopics.institutionId));
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const institutionOf = (id: string | null, name: string | null, shortName: string | null) =>
  id && name ? { id, name, shortName: shortName ?? null } : null;

export function presentSummary(r: SummaryRow): TopicSummary {
  return {
    id: r.id,
    type: r.type as TopicType,
    title: r.title,
    status: r.status as TopicStatus,
    category: { id: r.categoryId, name: r.categoryName },
    author: { id: r.authorId, name: r.authorName },
    institution: institutionOf(r.institutionId, r.institutionName, r.institutionShort),
    excerpt: excerptOf(r.excerptText),
    replyCount: r.replyCount,
    voteCount: r.voteCount,
    locked: r.locked,
    hidden: !!r.hiddenAt,
    hasSolution: !!r.acceptedReplyId,
    createdAt: iso(r.createdAt),
    lastActivityAt: iso(r.lastActivityAt),
  };
}

/** The attachments of a topic's question (`topicId`) or of its replies (`repliesOf`: one parameter, whatever the page size). */
export async function attachmentsOf(ctx: Ctx, by: { topicId: string } | { repliesOf: string }) {
  return ctx.db
    .select({
      id: forumAttachments.id,
      name: forumAttachments.name,
      size: forumAttachments.size,
      mimeType: forumAttachments.mime,
      replyId: forumAttachments.replyId,
    })
    .from(forumAttachments)
    .where(
      'topicId' in by
        ? eq(forumAttachments.topicId, by.topicId)
        : inArray(
            forumAttachments.replyId,
            ctx.db.select({ id: forumReplies.id }).from(forumReplies).where(eq(forumReplies.topicId, by.repliesOf)),
          ),
    )
    .orderBy(asc(forumAttachments.createdAt), asc(forumAttachments.id));
}

/** A table's columns without its search document (a tsvector the answers never need: it is large to read and send). */
function withoutSearch<T extends { search: unknown }>(columns: T): Omit<T, 'search'> {
  const { search: _search, ...rest } = columns;
  return rest;
}
const replyColumns = withoutSearch(getTableColumns(forumReplies));
const topicColumns = withoutSearch(getTableColumns(forumTopics));

const quoted = alias(forumReplies, 'quoted');
const quotedAuthor = alias(users, 'quoted_author');

/** Replies with author, institution, quote and hider, as the reply list reads them. */
export function selectReplies(ctx: Ctx) {
  return ctx.db
    .select({
      reply: replyColumns,
      authorName: users.name,
      institutionName: institutions.name,
      institutionShort: institutions.shortName,
      hiddenByName: hiddenBy.name,
      quoteId: quoted.id,
      quoteText: sql<string | null>`left(${quoted.bodyText}, 400)`,
      quoteHiddenAt: quoted.hiddenAt,
      quoteAuthorName: quotedAuthor.name,
      cursorTs: sql<string>`${forumReplies.createdAt}::text`,
    })
    .from(forumReplies)
    .innerJoin(users, eq(users.id, forumReplies.authorId))
    .leftJoin(institutions, eq(institutions.id, forumReplies.institutionId))
    .leftJoin(hiddenBy, eq(hiddenBy.id, forumReplies.hiddenById))
    .leftJoin(quoted, eq(quoted.id, forumReplies.quoteReplyId))
    .leftJoin(quotedAuthor, eq(quotedAuthor.id, quoted.authorId));
}
export type ReplyJoinRow = Awaited<ReturnType<ReturnType<typeof selectReplies>['where']>>[number];

/** Presents replies of one topic (with their attachments and what the actor may do with each). */
export async function presentReplies(ctx: Ctx, topic: TopicRow, rows: ReplyJoinRow[]): Promise<ForumReply[]> {
  const files = rows.length ? await attachmentsOf(ctx, { repliesOf: topic.id }) : [];
  const bureau = isBureau(ctx.actor);
  const open = !closedForParticipation(topic, 'balasan');
  const mayResolve = can(ctx.actor, 'forum.resolve', postSubject(topic)) && !topic.mergedIntoId;
  return rows.map(({ reply: r, ...j }) => {
    const hidden = !!r.hiddenAt;
    return {
      id: r.id,
      topicId: r.topicId,
      author: { id: r.authorId, name: j.authorName },
      institution: institutionOf(r.institutionId, j.institutionName, j.institutionShort),
      bodyHtml: hidden && !bureau ? null : r.bodyHtml,
      quote: j.quoteId
        ? {
            replyId: j.quoteId,
            authorName: j.quoteAuthorName ?? '',
            excerpt: j.quoteHiddenAt ? '' : excerptOf(j.quoteText ?? '', 300),
            hidden: !!j.quoteHiddenAt,
          }
        : null,
      attachments: hidden && !bureau ? [] : files.filter((f) => f.replyId === r.id).map(({ replyId: _, ...f }) => f),
      hidden: r.hiddenAt ? { reason: r.hiddenReason ?? '', at: iso(r.hiddenAt), byName: j.hiddenByName ?? '' } : null,
      isSolution: topic.acceptedReplyId === r.id,
      createdAt: iso(r.createdAt),
      editedAt: r.editedAt ? iso(r.editedAt) : null,
      editableUntil: editableUntil(ctx.actor, r)?.toISOString() ?? null,
      version: r.version,
      can: {
        edit:
          can(ctx.actor, 'forum.edit', postSubject(r)) &&
          withinEditWindow(ctx.actor, r) &&
          (bureau || (!hidden && open)) &&
          !topic.mergedIntoId,
        quote: can(ctx.actor, 'forum.post') && open && !hidden,
        accept: mayResolve && !hidden,
        hide: bureau,
      },
    };
  });
}

export async function presentReply(ctx: Ctx, topic: TopicRow, replyId: string): Promise<ForumReply> {
  const rows = await selectReplies(ctx).where(eq(forumReplies.id, replyId));
  return (await presentReplies(ctx, topic, rows))[0]!;
}

/** A topic as its page shows it: the question, the accepted solution right under it, the meeting it went to. */
export async function presentTopic(ctx: Ctx, id: string): Promise<TopicDetail> {
  const [row] = await ctx.db
    .select({ ...summaryColumns, topic: topicColumns, hiddenByName: hiddenBy.name })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .innerJoin(users, eq(users.id, forumTopics.authorId))
    .leftJoin(institutions, eq(institutions.id, forumTopics.institutionId))
    .leftJoin(hiddenBy, eq(hiddenBy.id, forumTopics.hiddenById))
    .where(eq(forumTopics.id, id));
  if (!row) throw new Error(`topic ${id} vanished`);
  const t = row.topic;
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : '00000000-0000-0000-0000-000000000000';
  const [files, solutionRows, merged, link, vote, follow] = await Promise.all([
    attachmentsOf(ctx, { topicId: id }),
    t.acceptedReplyId ? selectReplies(ctx).where(eq(forumReplies.id, t.acceptedReplyId)) : Promise.resolve([]),
    t.mergedIntoId
      ? ctx.db.select({ id: forumTopics.id, title: forumTopics.title }).from(forumTopics).where(eq(forumTopics.id, t.mergedIntoId))
      : Promise.resolve([]),
    ctx.db
      .select({
        meetingId: meetings.id,
        meetingTitle: meetings.title,
        sessionId: agendaSessions.id,
        sessionTitle: agendaSessions.title,
        day: agendaSessions.day,
        startTime: agendaSessions.startTime,
      })
      .from(forumTopicAgenda)
      .innerJoin(meetings, eq(meetings.id, forumTopicAgenda.meetingId))
      .innerJoin(agendaSessions, eq(agendaSessions.id, forumTopicAgenda.agendaSessionId))
      .where(eq(forumTopicAgenda.topicId, id)),
    ctx.db
      .select({ topicId: forumVotes.topicId })
      .from(forumVotes)
      .where(and(eq(forumVotes.topicId, id), eq(forumVotes.userId, actorId))),
    ctx.db
      .select({ mode: forumFollows.mode })
      .from(forumFollows)
      .where(and(eq(forumFollows.topicId, id), eq(forumFollows.userId, actorId))),
  ]);
  const bureau = isBureau(ctx.actor);
  const [solution] = solutionRows.length ? await presentReplies(ctx, t, solutionRows) : [];
  const m = link[0];
  const open = !closedForParticipation(t, 'balasan');
  const mayResolve = can(ctx.actor, 'forum.resolve', postSubject(t)) && !t.mergedIntoId && !t.hiddenAt;
  return {
    ...presentSummary(row),
    bodyHtml: t.bodyHtml,
    attachments: files.map(({ replyId: _, ...f }) => f),
    hidden: t.hiddenAt ? { reason: t.hiddenReason ?? '', at: iso(t.hiddenAt), byName: row.hiddenByName ?? '' } : null,
    mergedInto: merged[0] ?? null,
    solution: solution && (!solution.hidden || bureau) ? solution : null,
    meeting: m ? { ...m, day: m.day ?? null, label: `dibahas pada ${m.meetingTitle}, sesi ${m.sessionTitle}` } : null,
    resolutionId: t.resolutionId,
    voted: vote.length > 0,
    following: (follow[0]?.mode as 'immediate' | 'digest' | undefined) ?? null,
    editedAt: t.editedAt ? iso(t.editedAt) : null,
    editableUntil: editableUntil(ctx.actor, t)?.toISOString() ?? null,
    version: t.version,
    can: {
      edit:
        can(ctx.actor, 'forum.edit', postSubject(t)) &&
        withinEditWindow(ctx.actor, t) &&
        (bureau || (!t.locked && !t.hiddenAt)) &&
        !t.mergedIntoId,
      reply: can(ctx.actor, 'forum.post') && open,
      vote: can(ctx.actor, 'forum.post') && !closedForParticipation(t, 'suara'),
      accept: mayResolve,
      close: mayResolve,
      hide: bureau,
      lock: bureau && !t.mergedIntoId,
      move: bureau && !t.mergedIntoId,
      merge: bureau && !t.mergedIntoId,
      follow: can(ctx.actor, 'forum.post') && !t.mergedIntoId,
      addToAgenda: bureau && !t.hiddenAt && !t.mergedIntoId,
    },
  };
}
