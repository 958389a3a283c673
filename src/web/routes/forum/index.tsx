import type { RouteObject } from 'react-router';
import { PublicLayout } from '../../components/PublicLayout';
import { forumAbility } from './api';
import type { Area } from '../area';
import { lazyPage } from '../lazyPage';

// Every forum screen loads when first opened (own chunks): the write form and the topic page carry the
// Tiptap editor and the overview the charts, all far beyond the first-load budget of the log-in page and home.
const TopicListPage = lazyPage(
  () => import('./TopicListPage'),
  (m) => m.TopicListPage,
);
const TopicPage = lazyPage(
  () => import('./TopicPage'),
  (m) => m.TopicPage,
);
const NewTopicPage = lazyPage(
  () => import('./TopicFormPage'),
  (m) => m.NewTopicPage,
);
const EditTopicPage = lazyPage(
  () => import('./TopicFormPage'),
  (m) => m.EditTopicPage,
);
const OverviewPage = lazyPage(
  () => import('./OverviewPage'),
  (m) => m.OverviewPage,
);
const CategoriesPage = lazyPage(
  () => import('./CategoriesPage'),
  (m) => m.CategoriesPage,
);
const UnsubscribePage = lazyPage(
  () => import('./UnsubscribePage'),
  (m) => m.UnsubscribePage,
);

/** The coordination forum (issue 11): every logged-in user reads it; the server checks each action again. */
export const forumArea: Area = {
  name: 'forum',
  routes: [
    { path: 'forum', element: <TopicListPage /> },
    { path: 'forum/new', element: <NewTopicPage /> },
    { path: 'forum/topics/:id', element: <TopicPage /> },
    { path: 'forum/topics/:id/edit', element: <EditTopicPage /> },
    { path: 'forum/overview', element: <OverviewPage /> },
    { path: 'forum/categories', element: <CategoriesPage /> },
  ],
  nav: [
    { to: '/forum', label: (t) => t.forum.nav, ability: forumAbility.read, order: 30 },
    { to: '/forum/overview', label: (t) => t.forum.navOverview, ability: forumAbility.moderate, order: 31 },
    { to: '/forum/categories', label: (t) => t.forum.navCategories, ability: forumAbility.categories, order: 32 },
  ],
};

/** The e-mail's unsubscribe link works without logging in (no app shell): /app/forum/unsubscribe?token=... */
export const forumPublicRoutes: RouteObject[] = [
  { element: <PublicLayout />, children: [{ path: 'forum/unsubscribe', element: <UnsubscribePage /> }] },
];
