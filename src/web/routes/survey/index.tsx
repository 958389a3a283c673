import type { RouteObject } from 'react-router';
import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

// Both pages load when first opened (own chunks); the results page loads the chart library only inside it.
const TicketPage = lazyPage(
  () => import('./TicketPage'),
  (m) => m.TicketPage,
);
const SurveyResultsPage = lazyPage(
  () => import('./ResultsPage'),
  (m) => m.SurveyResultsPage,
);

/** The committee's survey results of a meeting: /app/rapat/<id>/survei. */
export const surveyArea: Area = {
  name: 'survey',
  routes: [
    {
      path: 'rapat/:id/survei',
      element: (
        <RequireAbility ability="survey.read">
          <SurveyResultsPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [],
};

/** The participant's public ticket page (no account, no app shell): /app/tiket/<token>. */
export const ticketRoutes: RouteObject[] = [{ path: 'tiket/:token', element: <TicketPage /> }];
