import type { RouteObject } from 'react-router';
import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

// Loaded when first opened, so the log-in page and the home stay within the first-load budget.
const MeetingListPage = lazyPage(
  () => import('./MeetingPages'),
  (m) => m.MeetingListPage,
);
const MeetingPage = lazyPage(
  () => import('./MeetingPages'),
  (m) => m.MeetingPage,
);
const RsvpPage = lazyPage(
  () => import('./RsvpPage'),
  (m) => m.RsvpPage,
);

export const meetingsArea: Area = {
  name: 'meetings',
  routes: [
    {
      path: 'meetings',
      element: (
        <RequireAbility ability="meeting.read">
          <MeetingListPage />
        </RequireAbility>
      ),
    },
    {
      path: 'meetings/:id',
      element: (
        <RequireAbility ability="meeting.read">
          <MeetingPage />
        </RequireAbility>
      ),
    },
  ],
  nav: [{ to: '/meetings', label: (t) => t.common.nav.meetings, ability: 'meeting.read', order: 25 }],
};

/** The public RSVP page (no account, no app shell): /app/rsvp/<token>. */
export const rsvpRoutes: RouteObject[] = [{ path: 'rsvp/:token', element: <RsvpPage /> }];
