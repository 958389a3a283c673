import type { PageCache } from './pageCache';

/**
 * Every portal page cache in this process (one per running app; tests may run several). The releases module calls
 * `invalidatePortal` after a change is committed: publish, update/correction, embargo lift, unpublish, delete.
 */
const caches = new Set<PageCache>();

export function registerPortalCache(cache: PageCache): () => void {
  caches.add(cache);
  return () => caches.delete(cache);
}

/** Tags a page carries, so a change drops exactly the pages that show it. */
export const portalTags = {
  /** Every list of releases: home, /rilis, institution, category and tag pages, feeds, sitemaps. */
  lists: 'lists',
  release: (id: string) => `release:${id}`,
  institution: (id: string) => `institution:${id}`,
  category: (id: string) => `category:${id}`,
  /** The member list (directory changes). */
  members: 'members',
} as const;

/**
 * Drops the pages that show a release (its page and every list) or, without arguments, every cached page.
 * Call it after the transaction commits: a page rendered from a read made before the call is not stored
 * (PageCache keeps a generation counter), but a read made after the call and before the commit would still see
 * the old row. Pages are also re-rendered after PageCache.maxAgeMs (10 minutes) at the latest.
 */
export function invalidatePortal(change?: { releaseId?: string; institutionId?: string; categoryId?: string } | 'all'): number {
  let dropped = 0;
  for (const cache of caches) {
    if (!change || change === 'all') dropped += cache.invalidate();
    else {
      const tags: string[] = [portalTags.lists];
      if (change.releaseId) tags.push(portalTags.release(change.releaseId));
      if (change.institutionId) tags.push(portalTags.institution(change.institutionId));
      if (change.categoryId) tags.push(portalTags.category(change.categoryId));
      dropped += cache.invalidate(tags);
    }
  }
  return dropped;
}

/** The counters of every portal cache in this process (benchmarks, diagnostics). */
export function portalCacheStats() {
  const total = { pages: 0, bytes: 0, hits: 0, misses: 0, notModified: 0, stored: 0, invalidations: 0, dropped: 0 };
  for (const cache of caches) {
    total.pages += cache.size;
    total.bytes += cache.storedBytes;
    for (const k of Object.keys(cache.stats) as (keyof PageCache['stats'])[]) total[k] += cache.stats[k];
  }
  return total;
}
