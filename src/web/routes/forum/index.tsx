import type { RouteObject } from 'react-router';
import { PublicLayout } from '../../components/PublicLayout';
import { getLang } from '../../i18n';
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
// The navigation's three labels live here: the forum's dictionary (i18n/{id,en}/forum.ts) loads with its pages.
const navLabels = {
  id: { nav: 'Forum koordinasi', navOverview: 'Ikhtisar forum', navCategories: 'Kategori forum' },
  en: { nav: 'Coordination forum', navOverview: 'Forum overview', navCategories: 'Forum categories' },
};
const navLabel = (key: keyof (typeof navLabels)['id']) => () => navLabels[getLang()][key];

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
    { to: '/forum', label: navLabel('nav'), ability: forumAbility.read, order: 30 },
    { to: '/forum/overview', label: navLabel('navOverview'), ability: forumAbility.moderate, order: 31 },
    { to: '/forum/categories', label: navLabel('navCategories'), ability: forumAbility.categories, order: 32 },
  ],
};

/** The e-mail's unsubscribe link works without logging in (no app shell): /app/forum/unsubscribe?token=... */
export const forumPublicRoutes: RouteObject[] = [
  { element: <PublicLayout />, children: [{ path: 'forum/unsubscribe', element: <UnsubscribePage /> }] },
];
