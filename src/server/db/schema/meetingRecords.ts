import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { users } from './auth';
import { files } from './directory';
import { agendaSessions, meetings, registrations } from './meetings';

/**
 * A material (slides, paper) of an agenda session, uploaded by one of the session's speakers or by the committee.
 * The bytes live in `files` (typed by content, with their sha256).
 */
export const sessionMaterials = pgTable(
  'session_materials',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => agendaSessions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** The name the file is downloaded under (sanitised from the uploaded name). */
    fileName: text('file_name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('session_materials_meeting_idx').on(t.meetingId, t.sessionId)],
);

/**
 * Notulen: the minutes of a meeting (one row per meeting): who chaired and who took the notes, and the opening
 * and closing text. The discussion of each agenda session is a `session_minutes` row.
 */
export const meetingMinutes = pgTable('meeting_minutes', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  chairName: text('chair_name'),
  chairPosition: text('chair_position'),
  noteTakerName: text('note_taker_name'),
  noteTakerPosition: text('note_taker_position'),
  /** Sanitised rich text (core/richText.ts). */
  openingHtml: text('opening_html').notNull().default(''),
  closingHtml: text('closing_html').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

/** The discussion of one agenda session in the minutes (sanitised rich text). */
export const sessionMinutes = pgTable(
  'session_minutes',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => agendaSessions.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    bodyHtml: text('body_html').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [index('session_minutes_meeting_idx').on(t.meetingId)],
);

/** One participant's answer to a meeting's feedback survey (one per registration, enforced by the database). */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    /** How useful the meeting was, 1-5. */
    usefulness: integer('usefulness').notNull(),
    suggestions: text('suggestions'),
    topicsWanted: text('topics_wanted'),
    /** Set when a committee member turned the suggestion into a forum topic or an agenda idea. */
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('survey_responses_registration_key').on(t.meetingId, t.registrationId),
    check('survey_responses_usefulness_check', sql`${t.usefulness} between 1 and 5`),
  ],
);

/** A response's rating (1-5) of one agenda session. */
export const surveySessionRatings = pgTable(
  'survey_session_ratings',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => agendaSessions.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.sessionId] }),
    index('survey_session_ratings_session_idx').on(t.sessionId),
    check('survey_session_ratings_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);
