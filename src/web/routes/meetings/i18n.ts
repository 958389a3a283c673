import { useMemo } from 'react';
import { useT, type Messages } from '../../i18n';
import { areaTexts } from '../../i18n/areaTexts';
import { meetings } from '../../i18n/id/meetings';

/** The meeting screens' texts travel with their lazy chunks (src/web/i18n/areaTexts.ts), not in the first load. */
export type MeetingsTexts = typeof meetings;
const useMeetingsTexts = areaTexts(meetings, () => import('../../i18n/en/meetings').then((m) => m.meetings));

/** The app's messages plus `meetings`: `const t = useMeetingsT().meetings`. Only from the meetings area's lazy pages. */
export function useMeetingsT(): Messages & { meetings: MeetingsTexts } {
  const t = useT();
  const texts = useMeetingsTexts();
  return useMemo(() => ({ ...t, meetings: texts }), [t, texts]);
}
