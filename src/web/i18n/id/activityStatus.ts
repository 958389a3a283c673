import type { ActivityStatus } from '../../../shared/schemas/activities';

/** An activity's status, in the app-wide dictionary: the member home shows it; the rest of activities.ts loads lazily. */
export const activityStatus: Record<ActivityStatus, string> = {
  draft: 'Draf',
  approved: 'Disetujui',
  running: 'Berjalan',
  done: 'Selesai',
};
