import { useMemo } from 'react';
import { useT, type Messages } from '../../i18n';
import { areaTexts } from '../../i18n/areaTexts';
import { outcomes } from '../../i18n/id/outcomes';

/** The outcomes screens' texts travel with their lazy chunks (src/web/i18n/areaTexts.ts), not in the first load. */
export type OutcomesTexts = typeof outcomes;
const useOutcomesTexts = areaTexts(outcomes, () => import('../../i18n/en/outcomes').then((m) => m.outcomes));

/** The app's messages plus `outcomes`: `const t = useOutcomesT(); t.outcomes.listTitle`. Only from lazy pages. */
export function useOutcomesT(): Messages & { outcomes: OutcomesTexts } {
  const t = useT();
  const texts = useOutcomesTexts();
  return useMemo(() => ({ ...t, outcomes: texts }), [t, texts]);
}
