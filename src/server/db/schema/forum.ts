import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, updatedAt, version } from './columns';
import { users } from './auth';
import { files, institutions } from './directory';
import { agendaSessions, meetings } from './meetings';
import { resolutions } from './outcomes';
import { followModes, topicStatuses, topicTypes } from '../../../shared/forum';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The coordination forum's categories (seeded with the eight; administrators edit the list). */
export const forumCategories = pgTable(
  'forum_categories',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    /** An inactive category takes no new topics but keeps its topics. */
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('forum_categories_name_key').on(sql`lower(${t.name})`)],
);

/**
 * A forum topic (a problem to solve or information to share): the aggregate root of its own edits and moderation.
 * Replies and votes do not bump its version (many people reply at once); they keep reply_count, vote_count and
 * last_activity_at current under the topic's row lock.
 */
export const forumTopics = pgTable(
  'forum_topics',
  {
    id: id(),
    type: text('type').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => forumCategories.id),
    title: text('title').notNull(),
    /** Sanitised HTML (core/richText.ts). */
    bodyHtml: text('body_html').notNull(),
    /** The visible text of body_html (search document, excerpts, mail). */
    bodyText: text('body_text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** The author's institution when posting (null for the bureau without one). */
    institutionId: uuid('institution_id').references(() => institutions.id),
    status: text('status').notNull().default('open'),
    locked: boolean('locked').notNull().default(false),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenById: uuid('hidden_by_id').references(() => users.id),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => forumTopics.id),
    acceptedReplyId: uuid('accepted_reply_id').references((): AnyPgColumn => forumReplies.id, { onDelete: 'set null' }),
    /** Extension point: the resolution (outcomes module) that covers this topic; the outcomes module sets it. */
    resolutionId: uuid('resolution_id').references(() => resolutions.id, { onDelete: 'set null' }),
    replyCount: integer('reply_count').notNull().default(0),
    voteCount: integer('vote_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** Full-text document, `indonesian` configuration: title (A), body (B). */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('indonesian'::regconfig, title), 'A') || setweight(to_tsvector('indonesian'::regconfig, left(body_text, 100000)), 'B')`,
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    oneOf('forum_topics_status_check', t.status, topicStatuses),
    oneOf('forum_topics_type_check', t.type, topicTypes),
    check('forum_topics_counts_check', sql`${t.replyCount} >= 0 and ${t.voteCount} >= 0`),
    check('forum_topics_hidden_check', sql`(${t.hiddenAt} is null) = (${t.hiddenReason} is null)`),
    index('forum_topics_search_idx').using('gin', t.search),
    index('forum_topics_activity_idx').on(t.lastActivityAt.desc(), t.id.desc()),
    index('forum_topics_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('forum_topics_votes_idx').on(t.voteCount.desc(), t.id.desc()),
    index('forum_topics_category_activity_idx').on(t.categoryId, t.lastActivityAt.desc(), t.id.desc()),
    index('forum_topics_status_activity_idx').on(t.status, t.lastActivityAt.desc(), t.id.desc()),
    index('forum_topics_institution_idx').on(t.institutionId, t.createdAt),
    index('forum_topics_author_idx').on(t.authorId),
    index('forum_topics_merged_idx').on(t.mergedIntoId),
  ],
);

/** A reply in a topic; may quote another reply of the same topic. */
export const forumReplies = pgTable(
  'forum_replies',
  {
    id: id(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    quoteReplyId: uuid('quote_reply_id').references((): AnyPgColumn => forumReplies.id, { onDelete: 'set null' }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenById: uuid('hidden_by_id').references(() => users.id),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    search: tsvector('search').notNull().generatedAlwaysAs(sql`to_tsvector('indonesian'::regconfig, left(body_text, 100000))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('forum_replies_hidden_check', sql`(${t.hiddenAt} is null) = (${t.hiddenReason} is null)`),
    index('forum_replies_topic_idx').on(t.topicId, t.createdAt, t.id),
    index('forum_replies_search_idx').using('gin', t.search),
    index('forum_replies_institution_idx').on(t.institutionId, t.createdAt),
  ],
);

/** A file attached to a topic or reply; uploaded first (owned by its uploader), attached when the post is saved. */
export const forumAttachments = pgTable(
  'forum_attachments',
  {
    id: id(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    uploaderId: uuid('uploader_id')
      .notNull()
      .references(() => users.id),
    topicId: uuid('topic_id').references(() => forumTopics.id, { onDelete: 'cascade' }),
    replyId: uuid('reply_id').references(() => forumReplies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('forum_attachments_topic_idx').on(t.topicId),
    index('forum_attachments_reply_idx').on(t.replyId),
    index('forum_attachments_uploader_idx').on(t.uploaderId),
  ],
);

/** One vote per user per topic, enforced by the primary key. */
export const forumVotes = pgTable(
  'forum_votes',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index('forum_votes_user_idx').on(t.userId)],
);

/** Someone follows a topic or a category: mail at once or in the 07.00 WIB digest. */
export const forumFollows = pgTable(
  'forum_follows',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id').references(() => forumTopics.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id').references(() => forumCategories.id, { onDelete: 'cascade' }),
    mode: text('mode').notNull(),
    /** The digest covered activity up to here. */
    digestedUntil: timestamp('digested_until', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('forum_follows_mode_check', t.mode, followModes),
    check('forum_follows_target_check', sql`(${t.topicId} is null) <> (${t.categoryId} is null)`),
    uniqueIndex('forum_follows_topic_key').on(t.topicId, t.userId),
    uniqueIndex('forum_follows_category_key').on(t.categoryId, t.userId),
    index('forum_follows_user_idx').on(t.userId, t.mode),
  ],
);

/**
 * Unsubscribe links in forum mail (they work without logging in): only sha256(token) is stored. A token names one
 * follow, or (follow_id null) every digest follow of the user.
 */
export const forumUnsubscribeTokens = pgTable(
  'forum_unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followId: uuid('follow_id').references(() => forumFollows.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('forum_unsubscribe_tokens_expiry_idx').on(t.expiresAt)],
);

/** A topic put on a meeting's agenda: "dibahas pada <meeting>, sesi <session>". One agenda place per topic. */
export const forumTopicAgenda = pgTable(
  'forum_topic_agenda',
  {
    topicId: uuid('topic_id')
      .primaryKey()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaSessionId: uuid('agenda_session_id')
      .notNull()
      .references(() => agendaSessions.id, { onDelete: 'cascade' }),
    linkedById: uuid('linked_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('forum_topic_agenda_session_idx').on(t.agendaSessionId), index('forum_topic_agenda_meeting_idx').on(t.meetingId)],
);
