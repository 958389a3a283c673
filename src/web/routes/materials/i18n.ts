import { useMemo } from 'react';
import { useT, type Messages } from '../../i18n';
import { areaTexts } from '../../i18n/areaTexts';
import { materials } from '../../i18n/id/materials';

/** The materials screens' texts travel with their lazy chunks (src/web/i18n/areaTexts.ts), not in the first load. */
export type MaterialsTexts = typeof materials;
const useMaterialsTexts = areaTexts(materials, () => import('../../i18n/en/materials').then((m) => m.materials));

/** The app's messages plus `materials`: `const t = useMaterialsT(); t.materials.title`. Only from lazy pages. */
export function useMaterialsT(): Messages & { materials: MaterialsTexts } {
  const t = useT();
  const texts = useMaterialsTexts();
  return useMemo(() => ({ ...t, materials: texts }), [t, texts]);
}
