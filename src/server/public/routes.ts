import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderHomePage } from './homePage';
import { favicon, stylesheet } from './layout';
import { loadMemberGroups } from './members';
import { publicLangs } from './texts';

/** Server-rendered public pages: they work without JavaScript and may be cached by proxies for a minute. */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        hide: true,
        // An unknown language falls back to Indonesian rather than refusing the visitor.
        querystring: z.object({ lang: z.enum(publicLangs).catch('id').default('id') }),
      },
    },
    async (req, reply) => {
      const groups = await loadMemberGroups(req.ctx.db);
      reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return renderHomePage({ lang: req.query.lang, groups });
    },
  );

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
