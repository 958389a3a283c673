import { lt, sql } from 'drizzle-orm';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../../db/client';
import { rateLimits } from '../../db/schema/index';

/**
 * Counts one hit on `key` in a fixed window and answers the count so far (this hit included) and the time left.
 * One upsert: on PostgreSQL the row lock of ON CONFLICT DO UPDATE serialises simultaneous hits, so no two callers
 * see the same count, and every process shares the same counter.
 */
export async function hitCounter(db: Db, key: string, windowMs: number): Promise<{ count: number; ttlMs: number }> {
  const window = sql`(${String(Math.max(1, Math.round(windowMs)))} || ' milliseconds')::interval`;
  const rows = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: sql`now() + ${window}` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= now() then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, ttlMs: sql<string>`greatest(0, extract(epoch from (${rateLimits.resetAt} - now())) * 1000)` });
  // Spent windows are removed now and then, so the table stays as small as the number of active keys.
  if (Math.random() < 0.01)
    await db
      .delete(rateLimits)
      .where(lt(rateLimits.resetAt, sql`now()`))
      .catch(() => undefined);
  return { count: rows[0]!.count, ttlMs: Math.ceil(Number(rows[0]!.ttlMs)) };
}

/** A store for @fastify/rate-limit that keeps its counters in the database instead of process memory. */
export function databaseRateLimitStore(db: Db, prefix = 'http'): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly scope = prefix,
    ) {}
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      hitCounter(db, `${this.scope}:${key}`, timeWindow).then(
        (r) => callback(null, { current: r.count, ttl: r.ttlMs }),
        (e: Error) => callback(e),
      );
    }
    /** One counter per route: the plugin passes the route's settings with `routeInfo` (method and url). */
    child(params: object) {
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseStore(undefined, `${this.scope}:${String(route.method ?? '')}:${route.url ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
