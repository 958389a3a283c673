import type { Actor } from '../../core/context';
import { can } from '../../core/policy';
import type { ActivityStatus, ActivityView } from '../../../shared/schemas/activities';

/**
 * What a caller may see of an activity. The bureau (administrators, committee) sees everything; member officers
 * and speakers see only activities whose KAK is approved (approved, running, done; the policy's row rule for
 * 'activity.read' answers 404 for a draft), and without the personal and internal data the bureau keeps:
 * the NIPs of the PPTK and the committee, the speakers' fees, and the budget lines (their honoraria say the fees).
 * The printed KAK (sections A-G, total funding and its quarters) stays whole. The bureau may share an activity's
 * personal data with members (`sharedWithMembers`, shareActivity.ts); drafts stay hidden all the same.
 */

/** Whether the actor may see this activity at all (the same rule the policy applies to one row). */
export function canSeeActivity(actor: Actor, row: { status: string }): boolean {
  return can(actor, 'activity.read', { type: 'activity', status: row.status as ActivityStatus });
}

/** Whether the actor sees draft activities in lists (the bureau does; members and speakers do not). */
export function seesDraftActivities(actor: Actor): boolean {
  return canSeeActivity(actor, { status: 'draft' });
}

/** Whether the actor sees NIPs, fees and budget lines. */
export function seesPersonalData(actor: Actor): boolean {
  return can(actor, 'activity.readPersonal');
}

/**
 * The activity without personal data: NIPs emptied, fees null, budget lines left out, and the check results
 * (which quote budget lines and amounts) left out. `personalDataHidden` tells the SPA to say so.
 */
export function redactActivityForMember(view: ActivityView): ActivityView {
  return {
    ...view,
    officerInCharge: { ...view.officerInCharge, nip: '' },
    committee: view.committee.map((m) => ({ ...m, nip: null })),
    speakers: view.speakers.map((s) => ({ ...s, fee: null, budgetLineId: null, userId: null })),
    budgetLines: [],
    checks: { errors: [], warnings: [] },
    personalDataHidden: true,
  };
}

/** The activity as this actor may see it: whole for the bureau, and for members when the bureau shares it. */
export function activityFor(actor: Actor, view: ActivityView): ActivityView {
  return seesPersonalData(actor) || view.sharedWithMembers ? view : redactActivityForMember(view);
}
