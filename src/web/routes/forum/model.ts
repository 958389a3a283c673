import type { Messages } from '../../i18n';

/** Topic statuses as the server names them, with their badge colours (the badge always carries its text too). */
export const topicStatuses = ['open', 'answered', 'closed', 'in_meeting'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

export const statusColors: Record<string, string> = {
  open: 'blue',
  answered: 'green',
  closed: 'gray',
  in_meeting: 'orange',
};

export const statusLabel = (t: Messages, status: string) => t.forum.statuses[status] ?? status;

export const forumKeys = {
  all: ['forum'] as const,
  topics: (query: object) => ['forum', 'topics', query] as const,
  topic: (id: string) => ['forum', 'topic', id] as const,
  categories: ['forum', 'categories'] as const,
  overview: ['forum', 'overview'] as const,
};

/** "2,5 MB" */
export function formatBytes(n: number, lang: 'id' | 'en'): string {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  if (n >= 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.ceil(n / 1024))} KB`;
}
