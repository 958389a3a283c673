import { loadAuthorized } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import type { ActivityStatus, ActivityView } from '../../../shared/schemas/activities';
import { activityCan, activityRoot } from './activityRoot';
import { loadActivityDetail } from './present';

/**
 * One activity in full as the caller may see it: the KAK, budget lines, committee, speakers, the check results,
 * and what the caller `can` do with it now. Documents (DOCX/PDF) and the SPA read activities through this.
 */
export async function getActivity(ctx: Ctx, id: string): Promise<ActivityView> {
  const row = await loadAuthorized(ctx, activityRoot, id, 'activity.read');
  const detail = await loadActivityDetail(ctx.db, id);
  return { ...detail, can: activityCan(ctx.actor, row.status as ActivityStatus) };
}
