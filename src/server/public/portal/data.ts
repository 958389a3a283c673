import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions } from '../../db/schema/directory';
import { releases } from '../../db/schema/releases';
import { publicReleaseCondition, releasePath } from '../../modules/releases/visibility';
import { type ReleaseCategory, slugify } from '../../../shared/releaseStates';

/** A release as lists show it (home, /rilis, institution, category, tag and search pages, feeds). */
export type ReleaseCard = {
  id: string;
  title: string;
  summary: string;
  slug: string;
  path: string;
  category: ReleaseCategory;
  tags: string[];
  tagSlugs: string[];
  featured: boolean;
  publishAt: Date;
  updatedAt: Date;
  correctedAt: Date | null;
  institution: { id: string; name: string; shortName: string | null };
  /** Keyset position: microseconds since the epoch of publish_at, and the id. */
  cursor: string;
};

/** A keyset position `<publish_at in µs>.<id>`; anything else is refused (and the list starts at the top). */
export type Cursor = { us: string; id: string };
const cursorPattern = /^(\d{1,17})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function parseCursor(text: string | undefined): Cursor | null {
  const m = text ? cursorPattern.exec(text) : null;
  return m ? { us: m[1]!, id: m[2]! } : null;
}

const cardColumns = {
  id: releases.id,
  title: releases.title,
  summary: releases.summary,
  slug: releases.slug,
  category: releases.category,
  tags: releases.tags,
  tagSlugs: releases.tagSlugs,
  featured: releases.featured,
  publishAt: releases.publishAt,
  firstPublishedAt: releases.firstPublishedAt,
  updatedAt: releases.updatedAt,
  correctedAt: releases.correctedAt,
  institutionId: releases.institutionId,
  institutionName: institutions.name,
  institutionShortName: institutions.shortName,
  cursorUs: sql<string>`(extract(epoch from ${releases.publishAt}) * 1000000)::bigint::text`,
};

export type CardRow = {
  id: string;
  title: string;
  summary: string;
  slug: string;
  category: string;
  tags: string[];
  tagSlugs: string[];
  featured: boolean;
  publishAt: Date | null;
  firstPublishedAt: Date | null;
  updatedAt: Date;
  correctedAt: Date | null;
  institutionId: string;
  institutionName: string;
  institutionShortName: string | null;
  cursorUs: string;
};

export function toCard(r: CardRow): ReleaseCard {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    slug: r.slug,
    path: releasePath(r) ?? `/rilis/${r.slug}`,
    category: r.category as ReleaseCategory,
    tags: r.tags,
    tagSlugs: r.tagSlugs,
    featured: r.featured,
    publishAt: r.publishAt!,
    updatedAt: r.updatedAt,
    correctedAt: r.correctedAt,
    institution: { id: r.institutionId, name: r.institutionName, shortName: r.institutionShortName },
    cursor: `${r.cursorUs}.${r.id}`,
  };
}

export type ListFilter = { institutionId?: string; category?: string; tagSlug?: string; featured?: boolean };

function filterSql(filter: ListFilter): SQL[] {
  const parts: SQL[] = [publicReleaseCondition];
  if (filter.institutionId) parts.push(eq(releases.institutionId, filter.institutionId));
  if (filter.category) parts.push(eq(releases.category, filter.category));
  if (filter.tagSlug) parts.push(sql`${releases.tagSlugs} @> array[${filter.tagSlug}]::text[]`);
  if (filter.featured) parts.push(eq(releases.featured, true));
  return parts;
}

/** The keyset condition: strictly after the cursor in `publish_at desc, id desc` order (exact to the microsecond). */
function beforeCursor(cursor: Cursor): SQL {
  return sql`(${releases.publishAt}, ${releases.id}) < (timestamptz 'epoch' + ${cursor.us}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;
}

export type Page<T> = { items: T[]; next: string | null };

/**
 * One page of public releases, newest first, by keyset (`(publish_at, id) < cursor`): page 1,000 costs what page 1
 * does, using the partial indexes of the releases table.
 */
export async function listReleases(db: Db, filter: ListFilter, opts: { after?: Cursor | null; limit: number }): Promise<Page<ReleaseCard>> {
  const where = filterSql(filter);
  if (opts.after) where.push(beforeCursor(opts.after));
  const rows = await db
    .select(cardColumns)
    .from(releases)
    .innerJoin(institutions, eq(institutions.id, releases.institutionId))
    .where(and(...where))
    .orderBy(desc(releases.publishAt), desc(releases.id))
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit).map(toCard);
  return { items, next: rows.length > opts.limit ? items.at(-1)!.cursor : null };
}

/**
 * Full-text search (`indonesian` configuration, websearch syntax: "kata persis", -tanpa, atau). Input made only of
 * operators or stop words gives an empty query, answered with no rows and no scan. Newest first, by keyset.
 */
export async function searchReleases(db: Db, q: string, opts: { after?: Cursor | null; limit: number }): Promise<Page<ReleaseCard>> {
  const text = q.trim().slice(0, 200);
  if (!text) return { items: [], next: null };
  const query = sql`websearch_to_tsquery('indonesian', ${text})`;
  const probe = (await db.execute(sql`select numnode(${query}) as n`)) as unknown as { rows: { n: number }[] };
  if (!Number(probe.rows[0]?.n)) return { items: [], next: null };
  const where = [publicReleaseCondition, sql`${releases.search} @@ ${query}`];
  if (opts.after) where.push(beforeCursor(opts.after));
  const rows = await db
    .select(cardColumns)
    .from(releases)
    .innerJoin(institutions, eq(institutions.id, releases.institutionId))
    .where(and(...where))
    .orderBy(desc(releases.publishAt), desc(releases.id))
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit).map(toCard);
  return { items, next: rows.length > opts.limit ? items.at(-1)!.cursor : null };
}

/** The full release behind a public path, or null (not public: draft, under embargo, unpublished, unknown). */
export async function loadPublicRelease(db: Db, slug: string) {
  const [row] = await db
    .select({
      ...cardColumns,
      body: releases.body,
      bodyText: releases.bodyText,
      releaseNumber: releases.releaseNumber,
      contact: releases.contact,
      correctionNote: releases.correctionNote,
      institutionWebsite: institutions.website,
    })
    .from(releases)
    .innerJoin(institutions, eq(institutions.id, releases.institutionId))
    .where(and(eq(releases.slug, slug), publicReleaseCondition))
    .limit(1);
  if (!row) return null;
  return {
    ...toCard(row),
    body: row.body,
    bodyText: row.bodyText,
    releaseNumber: row.releaseNumber,
    contact: row.contact as { name: string; position?: string; phone?: string; email?: string } | null,
    correctionNote: row.correctionNote,
    institutionWebsite: row.institutionWebsite,
  };
}
export type PublicRelease = NonNullable<Awaited<ReturnType<typeof loadPublicRelease>>>;

/** An institution as the portal names it in URLs: `/lembaga/<slug of its name>`. */
export type PortalInstitution = {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  website: string | null;
  category: string;
};

const institutionCache = new WeakMap<Db, { at: number; list: PortalInstitution[] }>();

/** Active institutions with their URL slugs (unique: a repeated name gets -2, -3 in id order); kept a minute. */
export async function portalInstitutions(db: Db, now = Date.now()): Promise<PortalInstitution[]> {
  const cached = institutionCache.get(db);
  if (cached && now - cached.at < 60_000) return cached.list;
  const rows = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      shortName: institutions.shortName,
      website: institutions.website,
      category: institutions.category,
    })
    .from(institutions)
    .where(eq(institutions.active, true))
    .orderBy(asc(institutions.name), asc(institutions.id));
  const seen = new Map<string, number>();
  const list = rows.map((r) => {
    const base = slugify(r.name) || 'lembaga';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...r, slug: n === 1 ? base : `${base}-${n}` };
  });
  institutionCache.set(db, { at: now, list });
  return list;
}

/** Forgets the institution slugs (after a directory change; otherwise they are read again after a minute). */
export function forgetPortalInstitutions(db: Db) {
  institutionCache.delete(db);
}

/** The name of a tag as written in its newest public release, or null when no public release carries it. */
export async function tagName(db: Db, tagSlug: string): Promise<string | null> {
  const [row] = await db
    .select({ tags: releases.tags, tagSlugs: releases.tagSlugs })
    .from(releases)
    .where(and(...filterSql({ tagSlug })))
    .orderBy(desc(releases.publishAt), desc(releases.id))
    .limit(1);
  if (!row) return null;
  return row.tags[row.tagSlugs.indexOf(tagSlug)] ?? tagSlug;
}
