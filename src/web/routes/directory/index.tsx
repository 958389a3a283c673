import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

// Each page is its own chunk (the import page brings the spreadsheet code).
const InstitutionListPage = lazyPage(
  () => import('./InstitutionList'),
  (m) => m.InstitutionListPage,
);
const InstitutionDetailPage = lazyPage(
  () => import('./InstitutionDetail'),
  (m) => m.InstitutionDetailPage,
);
const NewInstitutionPage = lazyPage(
  () => import('./NewInstitution'),
  (m) => m.NewInstitutionPage,
);
const ImportPage = lazyPage(
  () => import('./ImportPage'),
  (m) => m.ImportPage,
);

export const directoryArea: Area = {
  name: 'directory',
  routes: [
    {
      path: 'directory',
      element: (
        <RequireAbility ability="directory.read">
          <InstitutionListPage />
        </RequireAbility>
      ),
    },
    {
      path: 'directory/new',
      element: (
        <RequireAbility ability="institution.create">
          <NewInstitutionPage />
        </RequireAbility>
      ),
    },
    {
      path: 'directory/import',
      element: (
        <RequireAbility ability="institution.import">
          <ImportPage />
        </RequireAbility>
      ),
    },
    {
      path: 'directory/:id',
      element: (
        <RequireAbility ability="directory.read">
          <InstitutionDetailPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [
    { to: '/directory', label: (t) => t.common.nav.directory, ability: 'directory.read', order: 10 },
    { to: '/directory/import', label: (t) => t.common.nav.import, ability: 'institution.import', order: 15 },
  ],
};
