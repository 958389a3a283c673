import { useMemo } from 'react';
import { releases as enReleases } from '../../i18n/en/releases';
import { releases as idReleases } from '../../i18n/id/releases';
import { type Lang, type Messages, useLang, useT as useAppT } from '../../i18n';

/**
 * The releases texts load with the releases screens (their own chunks), not with the app's first load: the
 * dictionaries of src/web/i18n/index.ts are in every page's first bytes (test/e2e/budget.spec.ts).
 */
export type ReleaseTexts = typeof idReleases;
export const releaseTexts = (lang: Lang): ReleaseTexts => (lang === 'en' ? enReleases : idReleases);

/** The app's messages plus `releases`, for the screens of this area: `const t = useT(); t.releases.title`. */
export function useT(): Messages & { releases: ReleaseTexts } {
  const t = useAppT();
  const lang = useLang();
  return useMemo(() => ({ ...t, releases: releaseTexts(lang) }), [t, lang]);
}
