import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

const MinutesPage = lazyPage(
  () => import('./MinutesPage'),
  (m) => m.MinutesPage,
);

/** The minutes (notulen) of a meeting: written by its managers, read by the bureau and, once done, by invited officers. */
export const minutesArea: Area = {
  name: 'minutes',
  routes: [
    {
      path: 'meetings/:id/minutes',
      element: (
        <RequireAbility ability="minutes.read">
          <MinutesPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [],
};
