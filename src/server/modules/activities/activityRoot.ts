import type { AggregateRoot } from '../../core/aggregate';
import { allowedActions, can } from '../../core/policy';
import type { Actor } from '../../core/context';
import { activities } from '../../db/schema/index';
import { statusTransitions, type ActivityCan, type ActivityStatus } from '../../../shared/schemas/activities';

export type ActivityRow = typeof activities.$inferSelect;

/** The activity is the root of its KAK, budget lines, committee and speakers: every write of them goes through it. */
export const activityRoot: AggregateRoot<ActivityRow> = {
  type: 'activity',
  table: activities,
  notFound: 'Kegiatan tidak ditemukan',
  subject: (row) => ({ status: row.status }),
};

/** What the actor may do with an activity in this status: shipped as `can` so the SPA shows only that. */
export function activityCan(actor: Actor, status: ActivityStatus): ActivityCan {
  const subject = { type: 'activity' as const, status };
  const allowed = allowedActions(actor, ['activity.write', 'activity.delete', 'activity.copy', 'activity.status'], subject);
  const moveTo = (Object.entries(statusTransitions[status]) as [ActivityStatus, 'activity.approve' | 'activity.status'][])
    .filter(([, needs]) => allowed['activity.status'] && can(actor, needs, subject))
    .map(([to]) => to);
  return { update: allowed['activity.write'], delete: allowed['activity.delete'], copy: allowed['activity.copy'], moveTo };
}
