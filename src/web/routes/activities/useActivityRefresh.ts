import { useQueryClient } from '@tanstack/react-query';
import { activityKey } from './types';

/** After a sub-resource write: read the activity again (new check results) and the lists. */
export function useActivityRefresh(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: activityKey(id) }),
      queryClient.invalidateQueries({ queryKey: ['activities'] }),
    ]);
}
