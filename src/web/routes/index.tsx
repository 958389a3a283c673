import { createBrowserRouter, Link, type RouteObject } from 'react-router';
import { Button, Stack, Text, Title } from '@mantine/core';
import { AppLayout } from '../components/AppLayout';
import { PublicLayout } from '../components/PublicLayout';
import { RequireAbility } from '../components/RequireAbility';
import { useT } from '../i18n';
import type { Area } from './area';
import { directoryArea } from './directory';
import { activitiesArea } from './activities';
import { settingsArea } from './settings';
import { jobsArea } from './jobs';
import { releasesArea } from './releases';
import { LoginPage } from './auth/Login';
import { ForgotPasswordPage } from './auth/ForgotPassword';
import { AcceptInvitationPage, ResetPasswordPage } from './auth/SetPasswordForm';
import { lazyPage } from './lazyPage';
import { checkInRoutes } from './meetings/checkin';
import { meetingsArea, rsvpRoutes } from './meetings';
import { outcomesArea } from './outcomes';
import { materialsArea } from './materials';
import { minutesArea } from './minutes';
import { forumArea, forumPublicRoutes } from './forum';
import { surveyArea, ticketRoutes } from './survey';

// Pages past the home load when first opened (own chunks): the first load stays small on mobile data.
const HomePage = lazyPage(
  () => import('./Home'),
  (m) => m.HomePage,
);
const UsersPage = lazyPage(
  () => import('./users/UsersPage'),
  (m) => m.UsersPage,
);
const AuditPage = lazyPage(
  () => import('./audit/AuditPage'),
  (m) => m.AuditPage,
);
const AccountPage = lazyPage(
  () => import('./account/AccountPage'),
  (m) => m.AccountPage,
);

const homeArea: Area = {
  name: 'home',
  routes: [{ index: true, element: <HomePage /> }],
  nav: [{ to: '/', label: (t) => t.common.nav.home, order: 0 }],
};

const adminArea: Area = {
  name: 'admin',
  routes: [
    {
      path: 'users',
      element: (
        <RequireAbility ability="user.manage">
          <UsersPage />
        </RequireAbility>
      ),
    },
    {
      path: 'audit',
      element: (
        <RequireAbility ability="audit.read">
          <AuditPage />
        </RequireAbility>
      ),
    },
    { path: 'account', element: <AccountPage /> },
  ],
  nav: [
    { to: '/users', label: (t) => t.common.nav.users, ability: 'user.manage', order: 80 },
    { to: '/audit', label: (t) => t.common.nav.audit, ability: 'audit.read', order: 85 },
    { to: '/account', label: (t) => t.common.nav.account, order: 90 },
  ],
};

/** Every area of the logged-in app. Another area (e.g. activities) is mounted by adding it here. */
export const areas: Area[] = [
  homeArea,
  directoryArea,
  activitiesArea,
  meetingsArea,
  releasesArea,
  forumArea,
  adminArea,
  settingsArea,
  jobsArea,
];
// Meeting outcomes: resolutions, follow-ups and certificates (issue 10).
areas.push(outcomesArea);
// Session materials (issue 10): by agenda session, for the bureau, invited officers and speakers.
areas.push(materialsArea);
// Minutes (notulen) of a meeting (issue 10).
areas.push(minutesArea);
// Feedback survey results (issue 10); the participant's ticket page is public (ticketRoutes).
areas.push(surveyArea);

function NotFound() {
  const t = useT();
  return (
    <Stack align="flex-start">
      <Title order={2}>{t.common.notFoundTitle}</Title>
      <Text>{t.common.notFoundText}</Text>
      <Button component={Link} to="/">
        {t.common.toHome}
      </Button>
    </Stack>
  );
}

const routes: RouteObject[] = [
  ...checkInRoutes,
  ...rsvpRoutes,
  ...forumPublicRoutes,
  ...ticketRoutes,
  {
    element: <PublicLayout />,
    children: [
      { path: 'login', element: <LoginPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'accept-invitation', element: <AcceptInvitationPage /> },
    ],
  },
  {
    path: '/',
    element: <AppLayout nav={areas.flatMap((a) => a.nav)} />,
    children: [...areas.flatMap((a) => a.routes), { path: '*', element: <NotFound /> }],
  },
];

export const router = createBrowserRouter(routes, { basename: '/app' });
