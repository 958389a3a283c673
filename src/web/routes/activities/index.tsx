import { RequireAbility } from '../../components/RequireAbility';
import type { Area } from '../area';
import { ActivityListPage } from './ActivityList';
import { ActivityPage } from './ActivityPage';

export const activitiesArea: Area = {
  name: 'activities',
  routes: [
    { path: 'activities', element: <RequireAbility ability="activity.read"><ActivityListPage /></RequireAbility> },
    { path: 'activities/:id', element: <RequireAbility ability="activity.read"><ActivityPage /></RequireAbility> },
  ],
  nav: [{ to: '/activities', label: (t) => t.activities.title, ability: 'activity.read', order: 20 }],
};
