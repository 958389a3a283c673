import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { releaseCategories, releaseStatuses } from '../../../shared/releaseStates';
import { users } from './auth';
import { createdAt, id, oneOf, updatedAt, version } from './columns';
import { files, institutions } from './directory';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The statuses whose rows are public once `publish_at` has passed (see modules/releases/visibility.ts). */
const publicStatuses = sql`status in ('published', 'scheduled')`;

/**
 * A press release (siaran pers / berita): the aggregate root of its images, attachments and revisions.
 * Publicly visible = status published or scheduled, and publish_at <= now() (the embargo job flips a
 * scheduled row to published at that time; the SQL does not wait for it). See RELEASES-API.md.
 */
export const releases = pgTable(
  'releases',
  {
    id: id(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('draft'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Sanitised HTML (core/richText.ts, images only from /media/rilis/). */
    body: text('body').notNull().default(''),
    /** The body as plain text (search, feeds' descriptions, length checks). */
    bodyText: text('body_text').notNull().default(''),
    category: text('category').notNull(),
    /** Tag names as written, and their slugs in the same order (GIN-indexed for tag pages). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    tagSlugs: text('tag_slugs').array().notNull().default(sql`'{}'::text[]`),
    releaseNumber: text('release_number'),
    /** Narahubung: { name, position?, phone?, email? }. */
    contact: jsonb('contact'),
    /** Unique over all releases; fixed once first published. Public path: /rilis/YYYY/MM/<slug> (WIB month of first_published_at). */
    slug: text('slug').notNull(),
    featured: boolean('featured').notNull().default(false),
    /** When the release is (or becomes, under embargo) public; set on publish or schedule. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    /** The first time it became public: gives YYYY/MM of its path; never changes after. */
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    unpublishedAt: timestamp('unpublished_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The editor's comment when sending it back (rejected), kept until it is resubmitted. */
    reviewComment: text('review_comment'),
    /** The last significant correction: the public page shows "Diperbarui pada <at>: <note>". */
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    correctionNote: text('correction_note'),
    /** Full-text document, `indonesian` configuration: title (A), summary (B), body (C). */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('indonesian'::regconfig, title), 'A') || setweight(to_tsvector('indonesian'::regconfig, summary), 'B') || setweight(to_tsvector('indonesian'::regconfig, left(body_text, 200000)), 'C')`,
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('releases_slug_key').on(t.slug),
    index('releases_public_idx').on(t.publishAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(publicStatuses),
    index('releases_public_institution_idx')
      .on(t.institutionId, t.publishAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(publicStatuses),
    index('releases_public_category_idx').on(t.category, t.publishAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(publicStatuses),
    index('releases_public_featured_idx')
      .on(t.publishAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`featured and status in ('published', 'scheduled')`),
    index('releases_tag_slugs_idx').using('gin', t.tagSlugs),
    index('releases_search_idx').using('gin', t.search),
    index('releases_institution_status_idx').on(t.institutionId, t.status, t.updatedAt.desc().nullsFirst()),
    index('releases_status_idx').on(t.status, t.updatedAt.desc().nullsFirst()),
    oneOf('releases_status_check', t.status, releaseStatuses),
    oneOf('releases_category_check', t.category, releaseCategories),
    check(
      'releases_publish_at_check',
      sql`${t.status} not in ('scheduled', 'published') or (${t.publishAt} is not null and ${t.firstPublishedAt} is not null)`,
    ),
    check('releases_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/** One image of a release: alt text required; variants = resized copies [{ width, height, mime, fileId }]. */
export const releaseImages = pgTable(
  'release_images',
  {
    id: id(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    alt: text('alt').notNull(),
    caption: text('caption'),
    credit: text('credit'),
    /** Size and format of the stored original (EXIF stripped, bounded). */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    mime: text('mime').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    variants: jsonb('variants').notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    index('release_images_release_idx').on(t.releaseId, t.position),
    check('release_images_alt_check', sql`length(btrim(${t.alt})) > 0`),
  ],
);

/** An attachment (PDF, Word, Excel, image), its type checked by content. */
export const releaseAttachments = pgTable(
  'release_attachments',
  {
    id: id(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    title: text('title'),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    createdAt: createdAt(),
  },
  (t) => [index('release_attachments_release_idx').on(t.releaseId, t.position)],
);

/**
 * Every stored file a release uses (image originals and variants, attachments): a foreign key keeps the file,
 * and GET /media/rilis/<fileId>/<name> finds its release here to decide whether the public may see it.
 */
export const releaseFiles = pgTable(
  'release_files',
  {
    fileId: uuid('file_id')
      .primaryKey()
      .references(() => files.id),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
  },
  (t) => [index('release_files_release_idx').on(t.releaseId)],
);

/** The content as published (revision 1) and after each correction, with the editor's note. */
export const releaseRevisions = pgTable(
  'release_revisions',
  {
    id: id(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    /** True when the editor marked the change as significant (shown on the public page). */
    significant: boolean('significant').notNull().default(false),
    note: text('note'),
    editorId: uuid('editor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('release_revisions_release_key').on(t.releaseId, t.revision)],
);

/**
 * Editors (release approvers): a flag on an account, set by administrators. A member editor approves and
 * publishes its own institution's releases; a committee (bureau) editor any release; administrators always may.
 */
export const releaseEditors = pgTable(
  'release_editors',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId] })],
);
