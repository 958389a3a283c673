import type { FastifyBaseLogger } from 'fastify';
import type { PageCache } from './pageCache';

/**
 * The portal's request log. Public pages write no line per request: a hit served from the cache writes nothing,
 * and the portal's Fastify routes log at `warn` (Fastify's per-route logLevel), so only errors appear per request.
 * Instead, once a minute, if anything was served, one `info` line sums it up: requests answered from the cache
 * (200/304), pages rendered, invalidations, pages and bytes held. With LOG_LEVEL=warn even that line is silent.
 */
export function startPortalStats(cache: PageCache, log: FastifyBaseLogger, intervalMs = 60_000): () => void {
  let last = { ...cache.stats };
  const timer = setInterval(() => {
    const now = { ...cache.stats };
    const hits = now.hits - last.hits;
    const misses = now.misses - last.misses;
    if (hits + misses > 0 || now.invalidations !== last.invalidations) {
      log.info(
        {
          portal: {
            hits,
            notModified: now.notModified - last.notModified,
            rendered: misses,
            invalidations: now.invalidations - last.invalidations,
            pages: cache.size,
            bytes: cache.storedBytes,
          },
        },
        `portal: ${hits} answers from the cache, ${misses} pages rendered in the last ${Math.round(intervalMs / 1000)} s`,
      );
    }
    last = now;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
