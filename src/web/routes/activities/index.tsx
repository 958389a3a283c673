import { lazy, Suspense, type ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';

// The KAK screens (and the shared zod schemas they validate with) load only when first opened.
const ActivityListPage = lazy(() => import('./ActivityList').then((m) => ({ default: m.ActivityListPage })));
const ActivityPage = lazy(() => import('./ActivityPage').then((m) => ({ default: m.ActivityPage })));

function Page({ children }: { children: ReactNode }) {
  return (
    <RequireAbility ability="activity.read">
      <Suspense fallback={<Loader m="xl" />}>{children}</Suspense>
    </RequireAbility>
  );
}

export const activitiesArea: Area = {
  name: 'activities',
  routes: [
    {
      path: 'activities',
      element: (
        <Page>
          <ActivityListPage />
        </Page>
      ),
    },
    {
      path: 'activities/:id',
      element: (
        <Page>
          <ActivityPage />
        </Page>
      ),
    },
  ],
  nav: [{ to: '/activities', label: (t) => t.common.nav.activities, ability: 'activity.read', order: 20 }],
};
