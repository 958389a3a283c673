import { useMemo } from 'react';
import { useLang, useT, type Messages } from '../../i18n';
import { survey as en } from '../../i18n/en/survey';
import { survey as id } from '../../i18n/id/survey';

/**
 * The ticket page's and survey's texts (i18n/{id,en}/survey.ts) travel with these lazy pages instead of the app-wide
 * dictionary, so they do not count against the first-load budget.
 */
export type SurveyMessages = Messages & { survey: typeof id };

export function useSurveyT(): SurveyMessages {
  const t = useT();
  const lang = useLang();
  return useMemo(() => ({ ...t, survey: lang === 'en' ? en : id }), [t, lang]);
}
