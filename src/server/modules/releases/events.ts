/**
 * The portal's cache hook: listeners learn, after the commit, that what the public sees of a release changed.
 * Fired in the process that made the change (the request, or the embargo job) for:
 *  - publish: published now (or republished);
 *  - embargo_lift: the embargo job made a scheduled release public;
 *  - update: a release that is or was public changed (correction, image, attachment, featured);
 *  - unpublish: taken down (or a scheduled one whose time had passed was unscheduled).
 * A listener that throws is logged and ignored: the change is committed whatever the cache does.
 */
export type ReleaseVisibilityEvent = {
  reason: 'publish' | 'embargo_lift' | 'update' | 'unpublish';
  releaseId: string;
  slug: string;
  /** releasePath(row): '/rilis/YYYY/MM/slug' (null only if it never had a publication time). */
  path: string | null;
  institutionId: string;
  category: string;
  tagSlugs: string[];
  /** Where the release was listed before an update moved it (category, tags). */
  previous?: { category: string; tagSlugs: string[]; institutionId: string };
  at: Date;
};

type Listener = (e: ReleaseVisibilityEvent) => void;
const listeners = new Set<Listener>();

/** Subscribes to visibility changes; returns the function that unsubscribes. */
export function onReleaseVisibilityChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by the releases module after a commit; never inside a transaction. */
export function emitReleaseVisibilityChanged(event: ReleaseVisibilityEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (e) {
      console.error('releases: a visibility listener failed', (e as Error)?.message);
    }
  }
}
