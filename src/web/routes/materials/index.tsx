import { RequireAbility } from '../../components/RequireAbility';
import { getLang } from '../../i18n';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

const MaterialsPage = lazyPage(
  () => import('./MaterialsPage'),
  (m) => m.MaterialsPage,
);
const MaterialMeetingsPage = lazyPage(
  () => import('./MaterialsPage'),
  (m) => m.MaterialMeetingsPage,
);

/** Session materials (issue 10): one meeting's materials by session, and the meetings whose materials one may read. */
export const materialsArea: Area = {
  name: 'materials',
  routes: [
    {
      path: 'materials',
      element: (
        <RequireAbility ability="material.read">
          <MaterialMeetingsPage />
        </RequireAbility>
      ),
    },
    {
      path: 'meetings/:id/materials',
      element: (
        <RequireAbility ability="material.read">
          <MaterialsPage />
        </RequireAbility>
      ),
    },
    // The Indonesian address the issue names, beside the meetings area's English one.
    {
      path: 'rapat/:id/materi',
      element: (
        <RequireAbility ability="material.read">
          <MaterialsPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [
    { to: '/materials', label: () => (getLang() === 'en' ? 'Meeting materials' : 'Materi rapat'), ability: 'material.read', order: 26 },
  ],
};
