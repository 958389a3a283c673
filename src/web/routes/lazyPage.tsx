import { lazy, Suspense, type ComponentType } from 'react';
import { Loader } from '@mantine/core';

/**
 * A route's page loaded only when first opened (its own chunk), so the first load of the log-in page and
 * the home stays small on mobile data. `pick` names the page's export.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Page = lazy(() => load().then((m) => ({ default: pick(m) })));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loader m="xl" role="status" aria-label="Memuat…" />}>
        <Page />
      </Suspense>
    );
  };
}
