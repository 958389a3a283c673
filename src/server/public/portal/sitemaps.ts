import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { and, desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { releases } from '../../db/schema/releases';
import { publicReleaseCondition, publicReleaseSql, releasePath } from '../../modules/releases/visibility';
import { releaseCategories } from '../../../shared/releaseStates';
import { forumNameId } from '../texts';
import type { PortalInstitution } from './data';

/** URLs per sitemap file: the protocol's limit. */
export const sitemapPartSize = 50_000;
/** Rows fetched from the database cursor at a time while a sitemap part streams. */
const fetchSize = 2_000;

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xml = (v: string) => v.replace(/[&<>"']/g, (c) => xmlEntities[c]!);

/** A part of the releases sitemap: the releases published in one month (WIB), 50,000 at a time. */
export type SitemapPart = { month: string; part: number; count: number };

/** The month (WIB, UTC+7 all year) of a publication time as SQL: a timestamp without zone, first day 00:00. */
const monthOf = (column: string) => `date_trunc('month', (${column} at time zone 'UTC') + interval '7 hours')`;

/**
 * The parts of the releases sitemap: one per month of publication (WIB), split into `-2`, `-3`... when a month
 * holds more than `partSize` releases. One `GROUP BY month` over the public partial index (an index-only scan of
 * publish_at, no sort, a hash of a few hundred months), instead of numbering every row.
 */
export async function sitemapParts(db: Db, partSize = sitemapPartSize): Promise<SitemapPart[]> {
  const r = (await db.execute(
    sql.raw(`select to_char(${monthOf('publish_at')}, 'YYYY-MM') as month, count(*)::int as n
      from releases where ${publicReleaseSql('releases')} group by ${monthOf('publish_at')} order by 1`),
  )) as unknown as { rows: { month: string; n: number }[] };
  return r.rows.flatMap(({ month, n }) =>
    Array.from({ length: Math.ceil(Number(n) / partSize) }, (_, i) => ({
      month,
      part: i + 1,
      count: Math.min(partSize, Number(n) - i * partSize),
    })),
  );
}

/** The file name of a part: `sitemap-rilis-2019-03.xml`, then `sitemap-rilis-2019-03-2.xml`... */
export const sitemapPartPath = (p: { month: string; part: number }) => `/sitemap-rilis-${p.month}${p.part > 1 ? `-${p.part}` : ''}.xml`;

/** Reads `2019-03.xml` or `2019-03-2.xml` (the route's parameter); anything else is null. */
export function parseSitemapPart(text: string): { month: string; part: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(text);
  return m ? { month: `${m[1]}-${m[2]}`, part: m[3] ? Number(m[3]) : 1 } : null;
}

/** sitemap.xml: the index of the pages' sitemap, the Google News sitemap and the monthly release parts. */
export function renderSitemapIndex(base: string, parts: SitemapPart[], now: Date): string {
  const entry = (path: string) => `<sitemap><loc>${xml(`${base}${path}`)}</loc><lastmod>${now.toISOString()}</lastmod></sitemap>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[entry('/sitemap-halaman.xml'), entry('/sitemap-berita.xml'), ...parts.map((p) => entry(sitemapPartPath(p)))].join('\n')}
</sitemapindex>
`;
}

/** The portal's own pages: home, lists, institutions and categories. */
export function renderPagesSitemap(base: string, institutions: PortalInstitution[]): string {
  const paths = [
    '/',
    '/rilis',
    '/lembaga',
    '/anggota',
    ...releaseCategories.map((c) => `/kategori/${c}`),
    ...institutions.map((i) => `/lembaga/${i.slug}`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `<url><loc>${xml(`${base}${p}`)}</loc></url>`).join('\n')}
</urlset>
`;
}

/** The first instant of a WIB month `YYYY-MM`, and of the next one. */
function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const wib = 7 * 3_600_000;
  return { from: new Date(Date.UTC(y, m - 1, 1) - wib), to: new Date(Date.UTC(y, m, 1) - wib) };
}

type Key = { at: string; id: string };

/** The key a part after the first starts from: its (part - 1) * partSize-th release of the month, or null. */
async function partStart(db: Db, range: { from: Date; to: Date }, skip: number): Promise<Key | null> {
  const r = (await db.execute(
    sql`select publish_at::text as at, id::text as id from releases
        where ${sql.raw(publicReleaseSql('releases'))} and publish_at >= ${range.from.toISOString()}::timestamptz
          and publish_at < ${range.to.toISOString()}::timestamptz
        order by publish_at, id offset ${skip} limit 1`,
  )) as unknown as { rows: Key[] };
  return r.rows[0] ?? null;
}

/**
 * One part of the releases sitemap (one month, up to `partSize` URLs), streamed: rows are read 2,000 at a time
 * with a keyset cursor (`(publish_at, id) > last key` within the month, on the public partial index) and written
 * out as they come, waiting for the socket to drain, so at most one batch is in memory. A keyset cursor holds no
 * transaction open between batches: a slow crawler never pins a PostgreSQL connection nor blocks the embedded
 * database. Stops early if the client goes away. A part past the month's end is an empty urlset.
 */
export function streamSitemapPart(db: Db, base: string, which: { month: string; part: number }, partSize = sitemapPartSize): Readable {
  const out = new PassThrough();
  out.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n');
  const range = monthBounds(which.month);
  const run = async () => {
    let after: (Key & { inclusive: boolean }) | null = null;
    if (which.part > 1) {
      const start = await partStart(db, range, (which.part - 1) * partSize);
      if (!start) return;
      after = { ...start, inclusive: true };
    }
    let left = partSize;
    while (left > 0 && !out.destroyed) {
      const keyset = after
        ? sql`and (publish_at, id) ${sql.raw(after.inclusive ? '>=' : '>')} (${after.at}::timestamptz, ${after.id}::uuid)`
        : sql``;
      const r = (await db.execute(
        sql`select slug, first_published_at, publish_at, updated_at, publish_at::text as at, id::text as id
            from releases
            where ${sql.raw(publicReleaseSql('releases'))} and publish_at >= ${range.from.toISOString()}::timestamptz
              and publish_at < ${range.to.toISOString()}::timestamptz ${keyset}
            order by publish_at, id limit ${Math.min(fetchSize, left)}`,
      )) as unknown as {
        rows: {
          slug: string;
          first_published_at: string | Date | null;
          publish_at: string | Date;
          updated_at: string | Date;
          at: string;
          id: string;
        }[];
      };
      if (!r.rows.length) break;
      left -= r.rows.length;
      let chunk = '';
      for (const row of r.rows) {
        const path = releasePath({
          slug: row.slug,
          firstPublishedAt: row.first_published_at ? new Date(row.first_published_at) : null,
          publishAt: new Date(row.publish_at),
        });
        chunk += `<url><loc>${xml(`${base}${path}`)}</loc><lastmod>${new Date(row.updated_at).toISOString()}</lastmod></url>\n`;
      }
      const last = r.rows.at(-1)!;
      after = { at: last.at, id: last.id, inclusive: false };
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (r.rows.length < fetchSize) break;
    }
  };
  run().then(
    () => {
      if (!out.destroyed) out.end('</urlset>\n');
    },
    (e: unknown) => out.destroy(e as Error),
  );
  return out;
}

/** The Google News sitemap: public releases of the last 48 hours (at most 1,000, as Google asks). */
export async function renderNewsSitemap(db: Db, base: string): Promise<{ body: string; lastModified: Date }> {
  const rows = await db
    .select({
      slug: releases.slug,
      title: releases.title,
      publishAt: releases.publishAt,
      firstPublishedAt: releases.firstPublishedAt,
      updatedAt: releases.updatedAt,
    })
    .from(releases)
    .where(and(publicReleaseCondition, sql`${releases.publishAt} > now() - interval '48 hours'`))
    .orderBy(desc(releases.publishAt), desc(releases.id))
    .limit(1000);
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${rows
  .map(
    (r) =>
      `<url><loc>${xml(`${base}${releasePath(r)}`)}</loc><news:news><news:publication><news:name>${xml(forumNameId)}</news:name><news:language>id</news:language></news:publication><news:publication_date>${r.publishAt!.toISOString()}</news:publication_date><news:title>${xml(r.title)}</news:title></news:news></url>`,
  )
  .join('\n')}
</urlset>
`;
  return { body, lastModified: new Date(Math.max(0, ...rows.map((r) => r.updatedAt.getTime())) || Date.now()) };
}

export function robotsTxt(base: string): string {
  return `User-agent: *
Allow: /
Disallow: /app/
Disallow: /api/
Disallow: /cari

Sitemap: ${base}/sitemap.xml
`;
}
