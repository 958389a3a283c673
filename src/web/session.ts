import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call, client, setCsrfToken, type Answer } from './api';

/** Action names from the server's policy module (src/server/core/policy.ts). */
export type Ability =
  | 'directory.read'
  | 'institution.create'
  | 'institution.update'
  | 'institution.deactivate'
  | 'institution.import'
  | 'institution.export'
  | 'officer.read'
  | 'officer.write'
  | 'user.manage'
  | 'audit.read'
  | 'activity.read'
  | 'activity.write'
  | 'activity.approve'
  | 'activity.readPersonal'
  | 'settings.manage'
  | 'apiToken.manage'
  | 'jobs.manage'
  | 'outcome.read'
  | 'followUp.update'
  | 'material.read'
  | 'minutes.read'
  | 'survey.read'
  | 'meeting.read'
  | 'forum.read'
  | 'forum.post'
  | 'forum.edit'
  | 'forum.resolve'
  | 'forum.moderate'
  | 'forum.categories'
  | 'release.read'
  | 'release.write'
  | 'release.delete'
  | 'release.submit'
  | 'release.review'
  | 'release.publish'
  | 'release.correct'
  | 'release.unpublish'
  | 'release.editors';

export type Role = 'admin' | 'committee' | 'member' | 'speaker';
/** GET /api/auth/me, as the OpenAPI document describes it. */
export type Me = Answer<'/api/auth/me', 'get'>;
export type SessionUser = NonNullable<Me['user']>;

export const meKey = ['me'] as const;

export const meQuery = {
  queryKey: meKey,
  queryFn: async () => {
    const me = await call(client.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
};

/** Who is logged in and what the server will let them do (to hide what it would refuse). */
export function useSession() {
  const q = useQuery(meQuery);
  const me = q.data;
  return {
    isLoading: q.isLoading,
    user: me?.user ?? null,
    can: (ability: Ability) => !!me?.abilities.includes(ability),
  };
}

/** Forget everything about the previous user (cached pages of data included). */
export function resetSession(queryClient: QueryClient) {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData<Me>(meKey, { user: null, abilities: [], csrfToken: null });
}
