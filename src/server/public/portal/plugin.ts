import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import { installFastPath } from './fastPath';
import { registerPortalCache } from './invalidation';
import { PageCache, type PageInput } from './pageCache';
import { portalCommonHeaders } from './security';
import { cachedPage, sendNotFound, sendPage } from './serve';
import { startPortalStats } from './stats';

/** Route options every portal page shares: hidden from OpenAPI, no per-request log line, precompressed bodies. */
export const portalRoute = { logLevel: 'warn', compress: false } as const;

/**
 * The portal's machinery: one page cache per app, the fast path in front of Fastify, the summary log line and the
 * invalidation registry. `page(req, reply, key, render)` answers a page through the cache.
 */
export function createPortal(app: Parameters<FastifyPluginAsyncZod>[0]) {
  let cache: PageCache | null = null;
  const cleanups: (() => void)[] = [];
  const cacheFor = (config: Config) => {
    if (cache) return cache;
    cache = new PageCache({ commonHeaders: portalCommonHeaders(config.publicUrl) });
    cleanups.push(registerPortalCache(cache), startPortalStats(cache, app.log));
    const created = cache;
    // The fast path serves what the cache holds; `app.server` exists from Fastify's construction on.
    if (app.server) cleanups.push(installFastPath(app.server, created));
    return cache;
  };
  app.addHook('onClose', async () => {
    for (const c of cleanups.splice(0)) c();
  });

  return {
    cacheFor,
    /** Answers `key` from the cache or renders it; `store: false` for pages never kept (search, non-canonical URLs). */
    async page(
      req: FastifyRequest,
      reply: FastifyReply,
      key: string,
      render: () => Promise<PageInput | null>,
      opts: { store?: boolean; notFound?: () => string } = {},
    ) {
      const page = await cachedPage(cacheFor(req.ctx.config), key, render, opts);
      if (!page) return sendNotFound(reply, opts.notFound?.() ?? 'Tidak ditemukan');
      return sendPage(req, reply, page);
    },
  };
}
