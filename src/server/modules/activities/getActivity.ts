import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import type { ActivityDetail } from '../../../shared/schemas/activities';
import { loadActivityDetail } from './present';

/**
 * One activity in full: the KAK, budget lines, committee, speakers and the check results.
 * Documents (DOCX/PDF) and the SPA read activities through this.
 */
export async function getActivity(ctx: Ctx, id: string): Promise<ActivityDetail> {
  authorize(ctx.actor, 'activity.read');
  return loadActivityDetail(ctx.db, id);
}
