import type { activityStatus as base } from '../id/activityStatus';

export const activityStatus: typeof base = {
  draft: 'Draft',
  approved: 'Approved',
  running: 'Running',
  done: 'Done',
};
