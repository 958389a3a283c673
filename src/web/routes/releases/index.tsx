import { RequireAbility } from '../../components/RequireAbility';
import { getLang } from '../../i18n';
import type { Ability } from '../../session';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

// Each screen is its own chunk, loaded when first opened: the writing screen brings the editor (Tiptap), the
// date picker and the cropper, which must stay out of the first load (test/e2e/budget.spec.ts).
const ReleaseListPage = lazyPage(
  () => import('./ReleaseListPage'),
  (m) => m.ReleaseListPage,
);
const ReviewQueuePage = lazyPage(
  () => import('./ReviewQueuePage'),
  (m) => m.ReviewQueuePage,
);
const ReleaseDetailPage = lazyPage(
  () => import('./ReleaseDetailPage'),
  (m) => m.ReleaseDetailPage,
);
const NewReleasePage = lazyPage(
  () => import('./ReleaseEditorPage'),
  (m) => m.NewReleasePage,
);
const EditReleasePage = lazyPage(
  () => import('./ReleaseEditorPage'),
  (m) => m.EditReleasePage,
);

/** The policy's release actions (src/server/core/policy.ts); what a row allows comes from its `can` flags. */
const read: Ability = 'release.read';
const write: Ability = 'release.write';

const guarded = (ability: Ability, page: React.ReactNode) => <RequireAbility ability={ability}>{page}</RequireAbility>;

export const releasesArea: Area = {
  name: 'releases',
  routes: [
    { path: 'rilis', element: guarded(read, <ReleaseListPage />) },
    { path: 'rilis/tinjauan', element: guarded(read, <ReviewQueuePage />) },
    { path: 'rilis/baru', element: guarded(write, <NewReleasePage />) },
    { path: 'rilis/:id', element: guarded(read, <ReleaseDetailPage />) },
    { path: 'rilis/:id/ubah', element: guarded(read, <EditReleasePage />) },
  ],
  // The area's texts load with its screens (routes/releases/texts.ts); the menu entry names itself.
  nav: [{ to: '/rilis', label: () => (getLang() === 'en' ? 'Press releases' : 'Rilis berita'), ability: read, order: 30 }],
};
