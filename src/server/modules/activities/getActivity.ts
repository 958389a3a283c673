import { loadAuthorized } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import type { ActivityStatus, ActivityView } from '../../../shared/schemas/activities';
import { activityCan, activityRoot } from './activityRoot';
import { loadActivityDetail } from './present';
import { activityFor } from './visibility';

/**
 * One activity in full as the caller may see it: the KAK, budget lines, committee, speakers, the check results,
 * and what the caller `can` do with it now; without personal data for those who may not see it. Documents (DOCX/PDF) and the SPA read activities through this.
 */
export async function getActivity(ctx: Ctx, id: string): Promise<ActivityView> {
  const row = await loadAuthorized(ctx, activityRoot, id, 'activity.read');
  const detail = await loadActivityDetail(ctx.db, id);
  // Member officers and speakers get it without NIPs, fees and budget lines (visibility.ts).
  return activityFor(ctx.actor, { ...detail, can: activityCan(ctx.actor, row.status as ActivityStatus) });
}
