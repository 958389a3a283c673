import { useMemo } from 'react';
import { useT, type Messages } from '../../i18n';
import { areaTexts } from '../../i18n/areaTexts';
import { activities } from '../../i18n/id/activities';

/** The activity screens' texts travel with their lazy chunks (src/web/i18n/areaTexts.ts), not in the first load. */
export type ActivitiesMessages = Messages & { activities: typeof activities };
const useActivitiesTexts = areaTexts(activities, () => import('../../i18n/en/activities').then((m) => m.activities));

/** The app's messages plus `activities`: `const t = useActivitiesT(); t.activities.title`. Only from lazy pages. */
export function useActivitiesT(): ActivitiesMessages {
  const t = useT();
  const texts = useActivitiesTexts();
  return useMemo(() => ({ ...t, activities: texts }), [t, texts]);
}
