import { useMemo } from 'react';
import { useT, type Messages } from '../../../i18n';
import { areaTexts } from '../../../i18n/areaTexts';
import { checkIn } from '../../../i18n/id/checkIn';

/**
 * The check-in screen's texts travel with its lazy chunk (src/web/i18n/areaTexts.ts), not in the first load. The
 * English chunk is fetched before the screen first renders, so the service worker keeps it for offline use (pwa.ts).
 */
export type CheckInTexts = typeof checkIn;
const useCheckInTexts = areaTexts(checkIn, () => import('../../../i18n/en/checkIn').then((m) => m.checkIn));

/** The app's messages plus `checkIn`: `const t = useCheckInT().checkIn`. Only from the check-in screens. */
export function useCheckInT(): Messages & { checkIn: CheckInTexts } {
  const t = useT();
  const texts = useCheckInTexts();
  return useMemo(() => ({ ...t, checkIn: texts }), [t, texts]);
}
