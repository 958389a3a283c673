import { useMemo } from 'react';
import { useLang, useT, type Messages } from '../../i18n';
import { forum as en } from '../../i18n/en/forum';
import { forum as id } from '../../i18n/id/forum';

/**
 * The forum's texts (i18n/{id,en}/forum.ts) travel with the forum's own lazy chunks instead of the app-wide
 * dictionary, so they do not count against the first-load budget of the log-in page and the home.
 */
export type ForumMessages = Messages & { forum: typeof id };

export function useForumT(): ForumMessages {
  const t = useT();
  const lang = useLang();
  return useMemo(() => ({ ...t, forum: lang === 'en' ? en : id }), [t, lang]);
}
