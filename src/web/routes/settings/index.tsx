import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

const SettingsPage = lazyPage(
  () => import('./SettingsPage'),
  (m) => m.SettingsPage,
);

export const settingsArea: Area = {
  name: 'settings',
  routes: [
    {
      path: 'settings',
      element: (
        <RequireAbility ability="settings.manage">
          <SettingsPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [{ to: '/settings', label: (t) => t.settings.nav, ability: 'settings.manage', order: 87 }],
};
