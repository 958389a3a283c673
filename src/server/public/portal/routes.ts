import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextEmbargoAt } from '../../modules/releases/visibility';
import { type ReleaseCategory, releaseCategories, slugPattern } from '../../../shared/releaseStates';
import { html } from '../html';
import { publicLayout } from '../layout';
import { publicLangs } from '../texts';
import { type Cursor, loadPublicRelease, parseCursor, portalInstitutions, tagName } from './data';
import { type FeedFormat, feedFiles, renderFeed } from './feeds';
import type { PageInput } from './pageCache';
import { type ListKind, renderHome, renderInstitutionIndex, renderList, renderReleasePage, renderSearch } from './pages';
import type { Portal } from './plugin';
import { portalRoute } from './plugin';
import {
  parseSitemapPart,
  renderNewsSitemap,
  renderPagesSitemap,
  renderSitemapIndex,
  robotsTxt,
  sitemapParts,
  streamSitemapPart,
} from './sitemaps';
import { categoryName } from './templates';

const htmlType = 'text/html; charset=utf-8';
const xmlType = 'application/xml; charset=utf-8';
const cursorQuery = z.object({ sebelum: z.string().max(80).optional() });
const hide = { hide: true } as const;

export function notFoundPage(baseUrl: string, message = 'Halaman yang Anda cari tidak ada, sudah ditarik, atau belum terbit.'): string {
  return publicLayout({
    lang: 'id',
    title: 'Tidak ditemukan · Simpul',
    description: message,
    path: '/404',
    baseUrl,
    main: html`<div class="wrap page-section"><h1>Tidak ditemukan</h1><p>${message}</p><p><a href="/">Kembali ke beranda</a> · <a href="/cari">Cari rilis</a></p></div>`,
  }).value;
}

/** How long a list may stay cached: the safety net, or less when an embargo ends sooner ("whatever the cache"). */
async function listMaxAge(app: { db: Parameters<typeof nextEmbargoAt>[0] }, fallback: number): Promise<number> {
  const next = await nextEmbargoAt(app.db);
  return next ? Math.max(0, Math.min(fallback, next.getTime() - Date.now() + 50)) : fallback;
}

const keyOf = (path: string, after: Cursor | null) => (after ? `${path}?sebelum=${after.us}.${after.id}` : path);

/** The portal's pages, feeds, sitemaps and robots.txt. */
export function registerPortalRoutes(app: FastifyInstance, portal: Portal) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const safetyNet = 10 * 60_000;

  r.get(
    '/',
    { ...portalRoute, schema: { ...hide, querystring: z.object({ lang: z.enum(publicLangs).catch('id').default('id') }) } },
    async (req, reply) => {
      const lang = req.query.lang;
      const { db, config } = req.ctx;
      return portal.page(req, reply, lang === 'en' ? '/?lang=en' : '/', async () => {
        const maxAgeMs = await listMaxAge({ db }, safetyNet);
        const page = await renderHome(db, lang, config.publicUrl);
        return { ...page, contentType: htmlType, maxAgeMs };
      });
    },
  );

  const list = (req: FastifyRequest, kind: ListKind, path: string, sebelum?: string) => {
    const after = parseCursor(sebelum);
    return {
      key: keyOf(path, after),
      render: async (): Promise<PageInput> => {
        const db = req.ctx.db;
        const maxAgeMs = await listMaxAge({ db }, safetyNet);
        const page = await renderList(db, kind, after, req.ctx.config.publicUrl);
        return { ...page, contentType: htmlType, maxAgeMs };
      },
    };
  };

  r.get('/rilis', { ...portalRoute, schema: { ...hide, querystring: cursorQuery } }, async (req, reply) => {
    const { key, render } = list(req, { kind: 'all' }, '/rilis', req.query.sebelum);
    return portal.page(req, reply, key, render);
  });

  r.get(
    '/rilis/:year/:month/:slug',
    {
      ...portalRoute,
      schema: { ...hide, params: z.object({ year: z.string().max(4), month: z.string().max(2), slug: z.string().max(200) }) },
    },
    async (req, reply) => {
      const { db, config } = req.ctx;
      const { slug } = req.params;
      const path = `/rilis/${req.params.year}/${req.params.month}/${slug}`;
      const notFound = () => notFoundPage(config.publicUrl, 'Rilis ini tidak ada, sudah ditarik, atau belum terbit.');
      if (!slugPattern.test(slug)) return portal.notFound(reply, notFound());
      // A release found under another year/month (a mistyped or old link) is sent to its one address.
      let moved: string | null = null;
      return portal.page(
        req,
        reply,
        path,
        async () => {
          const release = await loadPublicRelease(db, slug);
          if (!release) return null;
          if (release.path !== path) {
            moved = release.path;
            return null;
          }
          const institution = (await portalInstitutions(db)).find((i) => i.id === release.institution.id) ?? null;
          return { ...(await renderReleasePage(db, release, institution, config.publicUrl)), contentType: htmlType };
        },
        { notFound, redirect: () => moved },
      );
    },
  );

  r.get('/lembaga', { ...portalRoute, schema: hide }, async (req, reply) =>
    portal.page(req, reply, '/lembaga', async () => ({
      ...renderInstitutionIndex(await portalInstitutions(req.ctx.db), req.ctx.config.publicUrl),
      contentType: htmlType,
    })),
  );

  r.get(
    '/lembaga/:slug',
    { ...portalRoute, schema: { ...hide, params: z.object({ slug: z.string().max(200) }), querystring: cursorQuery } },
    async (req, reply) => {
      const institution = (await portalInstitutions(req.ctx.db)).find((i) => i.slug === req.params.slug);
      if (!institution) return portal.notFound(reply, notFoundPage(req.ctx.config.publicUrl, 'Lembaga ini tidak ditemukan.'));
      const { key, render } = list(req, { kind: 'institution', institution }, `/lembaga/${institution.slug}`, req.query.sebelum);
      return portal.page(req, reply, key, render);
    },
  );

  r.get(
    '/kategori/:category',
    { ...portalRoute, schema: { ...hide, params: z.object({ category: z.string().max(40) }), querystring: cursorQuery } },
    async (req, reply) => {
      const category = req.params.category as ReleaseCategory;
      if (!releaseCategories.includes(category))
        return portal.notFound(reply, notFoundPage(req.ctx.config.publicUrl, 'Kategori ini tidak ada.'));
      const { key, render } = list(req, { kind: 'category', category }, `/kategori/${category}`, req.query.sebelum);
      return portal.page(req, reply, key, render);
    },
  );

  r.get(
    '/tag/:slug',
    { ...portalRoute, schema: { ...hide, params: z.object({ slug: z.string().max(60) }), querystring: cursorQuery } },
    async (req, reply) => {
      const slug = req.params.slug;
      const notFound = () => notFoundPage(req.ctx.config.publicUrl, 'Belum ada rilis dengan tag ini.');
      if (!slugPattern.test(slug)) return portal.notFound(reply, notFound());
      const after = parseCursor(req.query.sebelum);
      return portal.page(
        req,
        reply,
        keyOf(`/tag/${slug}`, after),
        async () => {
          const name = await tagName(req.ctx.db, slug);
          if (!name) return null;
          const maxAgeMs = await listMaxAge({ db: req.ctx.db }, safetyNet);
          return {
            ...(await renderList(req.ctx.db, { kind: 'tag', slug, name }, after, req.ctx.config.publicUrl)),
            contentType: htmlType,
            maxAgeMs,
          };
        },
        { notFound },
      );
    },
  );

  // Search results are rendered for each request and never kept (any text is a new URL); still 304-able by ETag.
  r.get(
    '/cari',
    {
      ...portalRoute,
      schema: { ...hide, querystring: z.object({ q: z.string().max(200).catch('').default(''), sebelum: z.string().max(80).optional() }) },
    },
    async (req, reply) => {
      const after = parseCursor(req.query.sebelum);
      return portal.page(
        req,
        reply,
        req.url,
        async () => ({
          body: await renderSearch(req.ctx.db, req.query.q, after, req.ctx.config.publicUrl),
          contentType: htmlType,
          cacheControl: 'public, max-age=60',
        }),
        { store: false },
      );
    },
  );

  // Feeds: the whole portal, each institution and each category, in RSS 2.0, Atom 1.0 and JSON Feed 1.1.
  for (const format of Object.keys(feedFiles) as FeedFormat[]) {
    const { file, type } = feedFiles[format];
    r.get(`/${file}`, { ...portalRoute, schema: hide }, async (req, reply) =>
      portal.page(req, reply, `/${file}`, async () => ({
        ...(await renderFeed(req.ctx.db, { format, filter: {}, title: 'Rilis Simpul', path: '', baseUrl: req.ctx.config.publicUrl })),
        contentType: type,
        tags: ['lists'],
        maxAgeMs: await listMaxAge({ db: req.ctx.db }, safetyNet),
      })),
    );
    r.get(
      `/lembaga/:slug/${file}`,
      { ...portalRoute, schema: { ...hide, params: z.object({ slug: z.string().max(200) }) } },
      async (req, reply) => {
        const institution = (await portalInstitutions(req.ctx.db)).find((i) => i.slug === req.params.slug);
        if (!institution) return portal.notFound(reply, notFoundPage(req.ctx.config.publicUrl, 'Lembaga ini tidak ditemukan.'));
        const path = `/lembaga/${institution.slug}`;
        return portal.page(req, reply, `${path}/${file}`, async () => ({
          ...(await renderFeed(req.ctx.db, {
            format,
            filter: { institutionId: institution.id },
            title: `Rilis ${institution.name}`,
            path,
            baseUrl: req.ctx.config.publicUrl,
          })),
          contentType: type,
          tags: ['lists', `institution:${institution.id}`],
          maxAgeMs: await listMaxAge({ db: req.ctx.db }, safetyNet),
        }));
      },
    );
    r.get(
      `/kategori/:category/${file}`,
      { ...portalRoute, schema: { ...hide, params: z.object({ category: z.string().max(40) }) } },
      async (req, reply) => {
        const category = req.params.category as ReleaseCategory;
        if (!releaseCategories.includes(category))
          return portal.notFound(reply, notFoundPage(req.ctx.config.publicUrl, 'Kategori ini tidak ada.'));
        const path = `/kategori/${category}`;
        return portal.page(req, reply, `${path}/${file}`, async () => ({
          ...(await renderFeed(req.ctx.db, {
            format,
            filter: { category },
            title: `Rilis kategori ${categoryName(category)}`,
            path,
            baseUrl: req.ctx.config.publicUrl,
          })),
          contentType: type,
          tags: ['lists', `category:${category}`],
          maxAgeMs: await listMaxAge({ db: req.ctx.db }, safetyNet),
        }));
      },
    );
  }

  r.get('/sitemap.xml', { ...portalRoute, schema: hide }, async (req, reply) =>
    portal.page(req, reply, '/sitemap.xml', async () => ({
      body: renderSitemapIndex(req.ctx.config.publicUrl, await sitemapParts(req.ctx.db), new Date()),
      contentType: xmlType,
      tags: ['lists'],
      maxAgeMs: await listMaxAge({ db: req.ctx.db }, safetyNet),
    })),
  );
  r.get('/sitemap-halaman.xml', { ...portalRoute, schema: hide }, async (req, reply) =>
    portal.page(req, reply, '/sitemap-halaman.xml', async () => ({
      body: renderPagesSitemap(req.ctx.config.publicUrl, await portalInstitutions(req.ctx.db)),
      contentType: xmlType,
      tags: ['lists', 'members'],
    })),
  );
  r.get('/sitemap-berita.xml', { ...portalRoute, schema: hide }, async (req, reply) =>
    portal.page(req, reply, '/sitemap-berita.xml', async () => ({
      ...(await renderNewsSitemap(req.ctx.db, req.ctx.config.publicUrl)),
      contentType: xmlType,
      tags: ['lists'],
      // Releases leave the news sitemap 48 hours after publication: render again at least every 10 minutes.
      maxAgeMs: await listMaxAge({ db: req.ctx.db }, safetyNet),
    })),
  );
  // A part of the releases sitemap (one month, up to 50,000 URLs) streams from the database; compressed on the fly.
  r.get(
    '/sitemap-rilis-:part',
    { logLevel: 'warn', schema: { ...hide, params: z.object({ part: z.string().max(20) }) } },
    async (req, reply) => {
      const part = parseSitemapPart(req.params.part);
      if (!part) return portal.notFound(reply, notFoundPage(req.ctx.config.publicUrl));
      reply.header('cache-control', 'public, max-age=3600').type(xmlType);
      return reply.send(streamSitemapPart(req.ctx.db, req.ctx.config.publicUrl, part));
    },
  );

  r.get('/robots.txt', { ...portalRoute, schema: hide }, async (req, reply) =>
    portal.page(req, reply, '/robots.txt', async () => ({
      body: robotsTxt(req.ctx.config.publicUrl),
      contentType: 'text/plain; charset=utf-8',
      tags: [],
    })),
  );
}
