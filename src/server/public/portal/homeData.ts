import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { publicReleaseSql } from '../../modules/releases/visibility';
import { type ReleaseCategory, releaseCategories } from '../../../shared/releaseStates';
import { type CardRow, type Page, type ReleaseCard, toCard } from './data';

export type HomeLists = {
  featured: ReleaseCard[];
  latest: Page<ReleaseCard>;
  perCategory: Map<ReleaseCategory, ReleaseCard[]>;
};

const columns = `r.id, r.title, r.summary, r.slug, r.category, r.tags, r.tag_slugs, r.featured, r.publish_at,
  r.first_published_at, r.updated_at, r.corrected_at, r.institution_id`;
const newestFirst = 'order by r.publish_at desc, r.id desc';

type HomeRow = {
  section: 'featured' | 'latest' | 'category';
  id: string;
  title: string;
  summary: string;
  slug: string;
  category: string;
  tags: string[];
  tag_slugs: string[];
  featured: boolean;
  publish_at: string | Date;
  first_published_at: string | Date | null;
  updated_at: string | Date;
  corrected_at: string | Date | null;
  institution_id: string;
  institution_name: string;
  institution_short_name: string | null;
  cursor_us: string;
};

const date = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

/**
 * Everything the portal's home lists, in ONE query (one round trip): the featured releases, the latest (one more
 * than shown, to know whether there is a next page) and the newest `perCategory` of each category. Each branch is a
 * short walk down a partial index of publicly visible releases (releases_public_featured_idx, releases_public_idx,
 * and releases_public_category_idx once per category through a LATERAL join over the category list), so the cost
 * is a few dozen index tuples whatever the size of the table.
 */
export async function homeLists(db: Db, opts: { featured: number; latest: number; perCategory: number }): Promise<HomeLists> {
  const visible = publicReleaseSql('r');
  const categories = sql.raw(`array[${releaseCategories.map((c) => `'${c}'`).join(',')}]::text[]`);
  const result = (await db.execute(sql`
    select h.section, h.id, h.title, h.summary, h.slug, h.category, h.tags, h.tag_slugs, h.featured, h.publish_at,
           h.first_published_at, h.updated_at, h.corrected_at, h.institution_id,
           i.name as institution_name, i.short_name as institution_short_name,
           (extract(epoch from h.publish_at) * 1000000)::bigint::text as cursor_us
    from (
      (select 'featured' as section, 0::bigint as pos, ${sql.raw(columns)} from releases r
        where ${sql.raw(visible)} and r.featured ${sql.raw(newestFirst)} limit ${opts.featured})
      union all
      (select 'latest', 0::bigint, ${sql.raw(columns)} from releases r
        where ${sql.raw(visible)} ${sql.raw(newestFirst)} limit ${opts.latest + 1})
      union all
      (select 'category', c.pos, x.* from unnest(${categories}) with ordinality as c(name, pos)
        cross join lateral (select ${sql.raw(columns)} from releases r
          where ${sql.raw(visible)} and r.category = c.name ${sql.raw(newestFirst)} limit ${opts.perCategory}) x)
    ) h
    join institutions i on i.id = h.institution_id
    order by h.section, h.pos, h.publish_at desc, h.id desc
  `)) as unknown as { rows: HomeRow[] };
  const out: HomeLists = { featured: [], latest: { items: [], next: null }, perCategory: new Map() };
  for (const r of result.rows) {
    const card = toCard({
      id: r.id,
      title: r.title,
      summary: r.summary,
      slug: r.slug,
      category: r.category,
      tags: r.tags,
      tagSlugs: r.tag_slugs,
      featured: r.featured,
      publishAt: date(r.publish_at),
      firstPublishedAt: date(r.first_published_at),
      updatedAt: new Date(r.updated_at),
      correctedAt: date(r.corrected_at),
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      institutionShortName: r.institution_short_name,
      cursorUs: r.cursor_us,
    } satisfies CardRow);
    if (r.section === 'featured') out.featured.push(card);
    else if (r.section === 'latest') out.latest.items.push(card);
    else {
      const category = card.category;
      out.perCategory.set(category, [...(out.perCategory.get(category) ?? []), card]);
    }
  }
  if (out.latest.items.length > opts.latest) {
    out.latest.items = out.latest.items.slice(0, opts.latest);
    out.latest.next = out.latest.items.at(-1)!.cursor;
  }
  return out;
}
