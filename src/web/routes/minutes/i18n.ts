import { useMemo } from 'react';
import { useT, type Messages } from '../../i18n';
import { areaTexts } from '../../i18n/areaTexts';
import { minutes } from '../../i18n/id/minutes';

/** The minutes screen's texts travel with its lazy chunk (src/web/i18n/areaTexts.ts), not in the first load. */
export type MinutesTexts = typeof minutes;
const useMinutesTexts = areaTexts(minutes, () => import('../../i18n/en/minutes').then((m) => m.minutes));

/** The app's messages plus `minutes`: `const t = useMinutesT(); t.minutes.title`. Only from lazy pages. */
export function useMinutesT(): Messages & { minutes: MinutesTexts } {
  const t = useT();
  const texts = useMinutesTexts();
  return useMemo(() => ({ ...t, minutes: texts }), [t, texts]);
}
