import { use } from 'react';
import { useLang } from './index';

/**
 * The texts of one area (src/web/i18n/{id,en}/<area>.ts) outside the app-wide dictionary, so they travel with
 * the area's lazy chunks and not with the first load of the log-in page and the home (test/e2e/budget.spec.ts).
 * Indonesian comes with the area's code; English is its own small chunk, fetched the first time an English
 * reader renders the area (the hook suspends meanwhile: render it under a <Suspense>, as lazyPage does).
 * If that chunk cannot be fetched (offline), the area shows Indonesian rather than an error.
 *
 *   export const useMeetingsTexts = areaTexts(meetings, () => import('../../i18n/en/meetings').then((m) => m.meetings));
 */
export function areaTexts<T>(indonesian: T, loadEnglish: () => Promise<T>): () => T {
  let english: T | null = null;
  let pending: Promise<T> | null = null;
  const load = () => {
    pending ??= loadEnglish().then(
      (texts) => {
        english = texts;
        return texts;
      },
      () => indonesian,
    );
    return pending;
  };
  return function useAreaTexts(): T {
    const lang = useLang();
    if (lang === 'id') return indonesian;
    return english ?? use(load());
  };
}
