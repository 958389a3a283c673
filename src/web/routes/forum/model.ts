import type { ForumMessages } from './i18n';

export { topicStatuses, type TopicStatus } from '../../../shared/forum';

/** Badge colours of the topic statuses (the badge always carries its text too). */
export const statusColors: Record<string, string> = {
  open: 'blue',
  answered: 'green',
  closed: 'gray',
  in_meeting: 'orange',
};

export const statusLabel = (t: ForumMessages, status: string) => t.forum.statuses[status] ?? status;

/** "2,5 MB" */
export function formatBytes(n: number, lang: 'id' | 'en'): string {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  if (n >= 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.ceil(n / 1024))} KB`;
}
