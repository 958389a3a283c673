import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderMembersPage } from './homePage';
import { favicon, stylesheet } from './layout';
import { loadMemberGroups } from './members';
import { createPortal, portalRoute } from './portal/plugin';
import { portalTags } from './portal/invalidation';
import { registerPortalRoutes } from './portal/routes';
import { publicLangs } from './texts';

const html = 'text/html; charset=utf-8';
const langQuery = z.object({ lang: z.enum(publicLangs).catch('id').default('id') });

/**
 * Server-rendered public pages: they work without JavaScript. Pages are served from the portal's page cache
 * (portal/pageCache.ts) with ETag, Last-Modified and Cache-Control for proxies; see portal/plugin.ts.
 */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const portal = createPortal(app);
  registerPortalRoutes(app, portal);

  app.get('/anggota', { ...portalRoute, schema: { hide: true, querystring: langQuery } }, async (req, reply) => {
    const lang = req.query.lang;
    return portal.page(req, reply, lang === 'en' ? '/anggota?lang=en' : '/anggota', async () => ({
      body: renderMembersPage({ lang, groups: await loadMemberGroups(req.ctx.db), baseUrl: req.ctx.config.publicUrl }),
      contentType: html,
      tags: [portalTags.members],
      // The directory has no change hook: the member list is read again after a minute at most.
      maxAgeMs: 60_000,
    }));
  });

  // The icon changes with a release at most: a week for the plain URL (the SPA's index.html links it), a year and
  // immutable for the hashed one the public pages link. Browsers asking /favicon.ico on their own are sent there.
  app.get('/favicon.svg', { schema: { hide: true, querystring: z.object({ v: z.string().max(64).optional() }) } }, async (req, reply) => {
    const current = req.query.v === favicon.hash;
    reply.header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=604800');
    reply.header('etag', `"${favicon.hash}"`);
    if (req.headers['if-none-match'] === `"${favicon.hash}"`) return reply.status(304).send();
    return reply.type('image/svg+xml').send(favicon.body);
  });
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=604800').redirect(favicon.href, 301),
  );

  app.get(
    '/public/site.css',
    { schema: { hide: true, querystring: z.object({ v: z.string().max(64).optional() }) } },
    async (req, reply) => {
      // The hashed URL never changes content, so it may be kept for a year; any other URL only briefly.
      const current = req.query.v === stylesheet.hash;
      reply.header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      reply.header('etag', `"${stylesheet.hash}"`);
      if (req.headers['if-none-match'] === `"${stylesheet.hash}"`) return reply.status(304).send();
      return reply.type('text/css; charset=utf-8').send(stylesheet.body);
    },
  );
};
