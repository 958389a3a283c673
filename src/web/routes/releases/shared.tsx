import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { releaseCategoryLabels, type ReleaseCategory, type ReleaseStatus } from '../../../shared/releaseStates';
import { ApiError, call, client, type Answer, type Item } from '../../api';
import { type Lang } from '../../i18n';
import { useT } from './texts';

/** Types read from the OpenAPI document (never written by hand). */
export type ReleaseDetail = Answer<'/api/releases/{id}', 'get'>;
export type ReleaseListItem = Item<'/api/releases'>;
export type ReleaseMeta = Answer<'/api/releases/meta', 'get'>;

export const releasesKey = ['releases'] as const;
export const releaseKey = (id: string) => ['releases', 'one', id] as const;

export const releaseQuery = (id: string) => ({
  queryKey: releaseKey(id),
  queryFn: () => call(client.GET('/api/releases/{id}', { params: { path: { id } } })),
});

/** Categories, whether the caller is an editor, limits and the institutions the caller may write for. */
export function useReleaseMeta() {
  return useQuery({
    queryKey: ['releases', 'meta'],
    queryFn: () => call(client.GET('/api/releases/meta')),
    staleTime: 5 * 60_000,
  });
}

/** Colours of the status badges (the text says the status; the colour only helps scanning). */
export const statusColors: Record<ReleaseStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  rejected: 'red',
  approved: 'teal',
  scheduled: 'orange',
  published: 'green',
  unpublished: 'dark',
};

export function StatusBadge({ status, size }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  const s = status as ReleaseStatus;
  return (
    <Badge variant="light" color={statusColors[s] ?? 'gray'} size={size} data-status={status}>
      {t.releases.status[s] ?? status}
    </Badge>
  );
}

export function categoryLabel(category: string, lang: Lang): string {
  return releaseCategoryLabels[category as ReleaseCategory]?.[lang] ?? category;
}

/** A write refused because someone changed the release first (409 naming the current version). */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && ('version' in err.fields || 'currentVersion' in err.body);
}
