import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { Loader } from '@mantine/core';

// The check-in screen (with the QR scanner) and the board load only when opened.
const CheckInPage = lazy(() => import('./CheckInPage').then((m) => ({ default: m.CheckInPage })));
const BoardPage = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));

const page = (child: ReactNode) => <Suspense fallback={<Loader m="xl" />}>{child}</Suspense>;

/** Opening the installed app: the meeting this phone checked in at last. */
function LastCheckIn() {
  const last = localStorage.getItem('simpul.checkin.lastMeeting');
  return <Navigate to={last ? `/meetings/${last}/checkin` : '/'} replace />;
}

/**
 * Full-screen routes outside the app shell (no side navigation, no session request before the page shows,
 * so the check-in screen opens from the service worker's cache without the network).
 */
export const checkInRoutes: RouteObject[] = [
  { path: 'meetings/:meetingId/checkin', element: page(<CheckInPage />) },
  { path: 'meetings/:meetingId/board', element: page(<BoardPage />) },
  { path: 'checkin', element: <LastCheckIn /> },
];
