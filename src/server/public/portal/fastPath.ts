import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { answerFor, type PageCache } from './pageCache';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves cached portal pages before Fastify sees the request: for a GET or HEAD whose exact URL is in the cache,
 * a Map look-up, the choice of coding and of 200/304, and one write of a precomputed Buffer with precomputed headers
 * (security headers included: the cache was given them). Everything else (a miss, another method, any other URL)
 * goes on to Fastify unchanged, where the portal's routes render the page and store it. Requests served here write
 * no log line; PortalStats counts them and logs a summary (see stats.ts).
 *
 * Fastify's own request listener is wrapped, so `app.inject` (tests) always takes the Fastify route, which answers
 * from the same cache with the same headers.
 */
export function installFastPath(server: Server, cache: PageCache, opts: { onHit?: (status: number) => void } = {}): () => void {
  const listeners = server.listeners('request') as Listener[];
  if (listeners.length === 0) return () => {};
  const fastifyListeners = [...listeners];
  const fast: Listener = (req, res) => {
    const method = req.method;
    if ((method === 'GET' || method === 'HEAD') && req.url !== undefined) {
      const page = cache.get(req.url);
      if (page !== undefined) {
        const { status, variant } = answerFor(page, req.headers as Record<string, string | undefined>);
        cache.stats.hits++;
        if (status === 304) {
          cache.stats.notModified++;
          res.writeHead(304, variant.raw304);
          res.end();
        } else {
          res.writeHead(200, variant.raw);
          if (method === 'HEAD') res.end();
          else res.end(variant.body);
        }
        opts.onHit?.(status);
        return;
      }
    }
    for (const l of fastifyListeners) l.call(server, req, res);
  };
  server.removeAllListeners('request');
  server.on('request', fast);
  return () => {
    server.removeListener('request', fast);
    for (const l of fastifyListeners) server.on('request', l);
  };
}
