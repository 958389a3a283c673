import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

const OutcomesPage = lazyPage(
  () => import('./OutcomesPage'),
  (m) => m.OutcomesPage,
);
const FollowUpPage = lazyPage(
  () => import('./FollowUpPage'),
  (m) => m.FollowUpPage,
);
const FollowUpListPage = lazyPage(
  () => import('./FollowUpList'),
  (m) => m.FollowUpListPage,
);

/** Meeting outcomes: the bureau's board of resolutions and follow-ups, and the follow-ups officers report on. */
export const outcomesArea: Area = {
  name: 'outcomes',
  routes: [
    {
      path: 'meetings/:id/outcomes',
      element: (
        <RequireAbility ability="outcome.read">
          <OutcomesPage />
        </RequireAbility>
      ),
    },
    {
      path: 'follow-ups',
      element: (
        <RequireAbility ability="followUp.update">
          <FollowUpListPage />
        </RequireAbility>
      ),
    },
    {
      path: 'follow-ups/:id',
      element: (
        <RequireAbility ability="followUp.update">
          <FollowUpPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [{ to: '/follow-ups', label: (t) => t.common.nav.followUps, ability: 'followUp.update', order: 27 }],
};
