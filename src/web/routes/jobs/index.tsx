import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

const JobsPage = lazyPage(
  () => import('./JobsPage'),
  (m) => m.JobsPage,
);

/** Background jobs (queues, failed jobs, mail log): administrators only. */
export const jobsArea: Area = {
  name: 'jobs',
  routes: [
    {
      path: 'jobs',
      element: (
        <RequireAbility ability="jobs.manage">
          <JobsPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [{ to: '/jobs', label: (t) => t.jobs.nav, ability: 'jobs.manage', order: 87 }],
};
