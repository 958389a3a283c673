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

/**
 * The first key of each part, in (publish_at, id) order: one pass over the partial index, keeping every 50,000th
 * key (at most 20 keys for a million releases). A part's URL names its first key, so it is found without OFFSET.
 */
export async function sitemapPartStarts(db: Db): Promise<string[]> {
  const r = (await db.execute(
    sql.raw(`select k from (
      select (extract(epoch from publish_at) * 1000000)::bigint::text || '.' || id::text as k,
             row_number() over (order by publish_at, id) as n
      from releases where ${publicReleaseSql('releases')}) s
    where (n - 1) % ${sitemapPartSize} = 0 order by n`),
  )) as unknown as { rows: { k: string }[] };
  return r.rows.map((row) => row.k);
}

/** sitemap.xml: the index of the pages' sitemap, the Google News sitemap and the release parts. */
export function renderSitemapIndex(base: string, starts: string[], now: Date): string {
  const entry = (path: string) => `<sitemap><loc>${xml(`${base}${path}`)}</loc><lastmod>${now.toISOString()}</lastmod></sitemap>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[entry('/sitemap-halaman.xml'), entry('/sitemap-berita.xml'), ...starts.map((s) => entry(`/sitemap-rilis/${s}.xml`))].join('\n')}
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

/**
 * One part of the releases sitemap, streamed: rows are read 2,000 at a time with a keyset cursor
 * (`(publish_at, id) > last key`, on the partial index) and written out as they come, waiting for the socket to
 * drain, so at most one batch is in memory whatever the number of releases. A keyset cursor holds no transaction
 * open between batches: a slow crawler never pins a PostgreSQL connection nor blocks the embedded database.
 * Stops early if the client goes away.
 */
export function streamSitemapPart(db: Db, base: string, start: { us: string; id: string }): Readable {
  const out = new PassThrough();
  out.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n');
  const run = async () => {
    let after: { us: string; id: string; inclusive: boolean } = { ...start, inclusive: true };
    let left = sitemapPartSize;
    while (left > 0 && !out.destroyed) {
      const r = (await db.execute(
        sql`select slug, first_published_at, publish_at, updated_at, id::text as id,
              (extract(epoch from publish_at) * 1000000)::bigint::text as us
            from releases
            where ${sql.raw(publicReleaseSql('releases'))}
              and (publish_at, id) ${after.inclusive ? sql.raw('>=') : sql.raw('>')}
                  (timestamptz 'epoch' + ${after.us}::bigint * interval '1 microsecond', ${after.id}::uuid)
            order by publish_at, id limit ${Math.min(fetchSize, left)}`,
      )) as unknown as {
        rows: {
          slug: string;
          first_published_at: string | Date | null;
          publish_at: string | Date;
          updated_at: string | Date;
          id: string;
          us: string;
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
      after = { us: last.us, id: last.id, inclusive: false };
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
