import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { onReleaseVisibilityChanged } from '../../modules/releases/events';
import type { Config } from '../../config';
import { installFastPath } from './fastPath';
import { portalTags, registerPortalCache } from './invalidation';
import { PageCache, type PageInput } from './pageCache';
import { portalCommonHeaders } from './security';
import { cachedPage, sendNotFound, sendPage } from './serve';
import { startPortalStats } from './stats';

/** Route options every portal page shares: hidden from OpenAPI, no per-request log line, precompressed bodies. */
export const portalRoute = { logLevel: 'warn', compress: false } as const;

/**
 * The portal's machinery: one page cache per app, the fast path in front of Fastify, the summary log line, and the
 * subscription to the releases module's visibility hook (publish, embargo lift, update, unpublish drop the pages
 * that show the release: its own page and every list, feed and sitemap).
 */
export function createPortal(app: FastifyInstance) {
  let cache: PageCache | null = null;
  const cleanups: (() => void)[] = [];
  const cacheFor = (config: Config) => {
    if (cache) return cache;
    const created = new PageCache({ commonHeaders: portalCommonHeaders(config.publicUrl) });
    cache = created;
    cleanups.push(
      registerPortalCache(created),
      startPortalStats(created, app.log),
      onReleaseVisibilityChanged((e) => {
        const tags = [portalTags.lists, portalTags.release(e.releaseId)];
        created.invalidate(tags);
      }),
    );
    // The fast path serves what the cache holds; `app.server` exists from Fastify's construction on.
    if (app.server) cleanups.push(installFastPath(app.server, created));
    return created;
  };
  app.addHook('onClose', async () => {
    for (const c of cleanups.splice(0)) c();
  });

  const notFound = (reply: FastifyReply, body: string) => sendNotFound(reply, body);
  return {
    cacheFor,
    notFound,
    /**
     * Answers `key` from the cache or renders it. `render` answers null for a page that does not exist: then a
     * redirect if `redirect()` names one, else the 404 page (never cached). `store: false` for pages never kept.
     */
    async page(
      req: FastifyRequest,
      reply: FastifyReply,
      key: string,
      render: () => Promise<PageInput | null>,
      opts: { store?: boolean; notFound?: () => string; redirect?: () => string | null } = {},
    ) {
      const page = await cachedPage(cacheFor(req.ctx.config), key, render, opts);
      if (!page) {
        const to = opts.redirect?.();
        if (to) return reply.header('cache-control', 'public, max-age=3600').redirect(to, 301);
        return notFound(reply, opts.notFound?.() ?? 'Tidak ditemukan');
      }
      return sendPage(req, reply, page);
    },
  };
}

export type Portal = ReturnType<typeof createPortal>;
