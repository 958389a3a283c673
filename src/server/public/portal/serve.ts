import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerFor, type CachedPage, noStore, type PageCache, type PageInput } from './pageCache';

/** Answers a page (cached or just built) through Fastify: 200 with the chosen coding, or 304. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, page: CachedPage) {
  const { status, variant } = answerFor(page, req.headers as Record<string, string | undefined>);
  reply.status(status);
  for (const [name, value] of status === 304 ? chunk(variant.raw304) : variant.headers) reply.header(name, value);
  return status === 304 ? reply.send() : reply.send(variant.body);
}

function chunk(flat: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

const inflight = new WeakMap<PageCache, Map<string, Promise<CachedPage | null>>>();

/**
 * The cached page for `key`, or renders it (once, however many requests ask at the same moment) and stores it when
 * `store` is true. `render` answers null for a page that does not exist (404). Only canonical URLs are stored, so a
 * query string cannot fill the cache with copies.
 */
export async function cachedPage(
  cache: PageCache,
  key: string,
  render: () => Promise<PageInput | null>,
  opts: { store?: boolean } = {},
): Promise<CachedPage | null> {
  const hit = cache.get(key);
  if (hit) {
    cache.stats.hits++;
    return hit;
  }
  let pending = inflight.get(cache);
  if (!pending) {
    pending = new Map();
    inflight.set(cache, pending);
  }
  const running = pending.get(key);
  if (running) return running;
  const work = (async () => {
    cache.stats.misses++;
    const generation = cache.generation();
    const input = await render();
    if (!input) return null;
    return opts.store === false ? cache.build(key, input) : cache.set(key, input, generation);
  })();
  pending.set(key, work);
  try {
    return await work;
  } finally {
    pending.delete(key);
  }
}

/** A 404 page that no cache may keep: an embargoed release becomes public the minute its embargo ends. */
export function sendNotFound(reply: FastifyReply, body: string) {
  return reply.status(404).header('cache-control', noStore).type('text/html; charset=utf-8').send(body);
}
