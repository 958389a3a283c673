import type { Actor, Role } from './context';
import { ForbiddenError, NotFoundError, StateError, UnauthenticatedError } from './errors';
import { lifecycles, type SubjectType } from './lifecycles';

/**
 * Press releases (issue 14). Writers (every member officer for its own institution; the bureau, i.e. committee and
 * administrators, for every institution) write, submit and delete drafts; review, publish, correct and unpublish
 * also need the EDITOR flag (table release_editors, set by administrators; checked by modules/releases/editors.ts
 * with a 403): a member editor for its own institution's releases, a committee editor for any, administrators always.
 */
const releaseActions = [
  'release.read',
  'release.write',
  'release.delete',
  'release.submit',
  'release.review',
  'release.publish',
  'release.correct',
  'release.unpublish',
  'release.editors',
] as const;
const releaseWork: readonly (typeof releaseActions)[number][] = releaseActions.filter((a) => a !== 'release.editors');
const releaseOwnInstitution = {
  member: (actor: { institutionId: string | null }, subject: { institutionId?: string | null }) =>
    !!actor.institutionId && subject.institutionId === actor.institutionId,
};
const releaseRowRules = Object.fromEntries(releaseWork.map((a) => [a, releaseOwnInstitution]));

/**
 * The one place that decides who may do what, looking at the caller and at the row acted on.
 * Routes and use cases call `authorize`; queries that list private rows are scoped with
 * `institutionScope` so rows of another institution are never found.
 *
 * A decision has three layers, in order:
 *  1. the role grants the action at all (`byRole`); otherwise 403;
 *  2. row rules: ownership and institution (`rowRules`); a failed row rule answers 404, so the
 *     answer does not even confirm the row exists;
 *  3. the row's lifecycle (`lifecycles.ts`): its status lists the actions it allows; otherwise 409
 *     with a message that says which status the row must be in.
 */
/**
 * The coordination forum (issue 11). Every signed-in role reads and takes part; authors edit their own posts (within
 * 30 minutes, checked by the use case) and resolve their own topics; the bureau (committee and administrators)
 * edits any post, moderates, puts topics on a meeting's agenda and sees the overview; administrators edit categories.
 */
const forumActions = ['forum.read', 'forum.post', 'forum.edit', 'forum.resolve', 'forum.moderate', 'forum.categories'] as const;
const forumMember: readonly (typeof forumActions)[number][] = ['forum.read', 'forum.post', 'forum.edit', 'forum.resolve'];
const forumBureau: readonly (typeof forumActions)[number][] = [...forumMember, 'forum.moderate'];
const ownsRow = (actor: { id: string }, subject: { ownerId?: string | null }) => !!subject.ownerId && subject.ownerId === actor.id;
const forumRowRules = {
  'forum.edit': { member: ownsRow, speaker: ownsRow },
  'forum.resolve': { member: ownsRow, speaker: ownsRow },
} as const;

export const actions = [
  ...forumActions,
  'directory.read',
  ...releaseActions,
  'institution.create',
  'institution.update',
  'institution.deactivate',
  'institution.import',
  'institution.export',
  'officer.read',
  'officer.write',
  'user.manage',
  'audit.read',
  'activity.read',
  /** Create activities; change a draft's KAK, budget lines, committee and speakers. */
  'activity.write',
  /** Delete a draft activity. */
  'activity.delete',
  /** Move an activity along its statuses (each move also needs the permission `statusTransitions` names). */
  'activity.status',
  /** Approve a KAK, or withdraw its approval (back to draft). */
  'activity.approve',
  /** Copy an activity into a new draft. */
  'activity.copy',
  /** Read the personal data of an activity (NIPs, fees) that members do not see. */
  'activity.readPersonal',
  'settings.manage',
  'apiToken.manage',
  /** Watch background jobs and the mail log, retry failed jobs (administrators). */
  'jobs.manage',
  /** Check delegates in (and out) at a meeting, read its participant list for the device cache, attendance board and daftar hadir: the meeting's managers and administrators. */
  'meeting.checkIn',
  /** See meetings (committee: every meeting, read-only unless it manages it). */
  'meeting.read',
  /** Create a meeting for an activity (the creator becomes one of its managers). */
  'meeting.create',
  /** Change a meeting, its agenda, invitees, letters and registrations: its managers and administrators only. */
  'meeting.manage',
  /** Send (and resend) the invitation letters. */
  'meeting.send',
  /** Move a meeting along its statuses. */
  'meeting.status',
  /** Register a walk-in over the institution's quota. */
  'meeting.overrideQuota',
  /** Read one institution's invitation and delegates (a member officer: its own institution only). */
  'meeting.invitation.read',
  /** Read and download the materials of a meeting's agenda sessions: the bureau, invited institutions' officers, its speakers. */
  'material.read',
  /** Upload a material to an agenda session: the session's speakers, the meeting's managers and administrators. */
  'material.upload',
  /** Remove a material: its uploader, the meeting's managers and administrators. */
  'material.delete',
  /** See a meeting's resolutions, follow-up board and certificates (the bureau: committee and administrators). */
  'outcome.read',
  /** Write a meeting's resolutions and follow-ups, generate and revoke its certificates: its managers and administrators. */
  'outcome.manage',
  /** Report a follow-up's status and evidence: a member officer only for its institution's follow-ups. */
  'followUp.update',
  /** See a meeting's feedback survey results and download them (the bureau: committee and administrators). */
  'survey.read',
  /** Turn a survey suggestion into a forum topic: the meeting's managers and administrators. */
  'survey.forward',
  /** Read a meeting's minutes (notulen): the bureau; a member officer of an invited institution once the meeting is done. */
  'minutes.read',
  /** Write a meeting's minutes: its managers and administrators. */
  'minutes.write',
] as const;
export type Action = (typeof actions)[number];

/** The row (or its aggregate root) an action is taken on. Every field is optional: rules read what they need. */
export type Subject = {
  type?: SubjectType;
  status?: string;
  institutionId?: string | null;
  ownerId?: string | null;
  /** The users who run the row (a meeting's managers: committee members named on it). */
  managerIds?: readonly string[];
  /** The institutions responsible for the row (a follow-up action's), or invited to it (a meeting's). */
  institutionIds?: readonly string[];
  /** The speaker accounts of the row (an agenda session's, or every session's of a meeting). */
  speakerUserIds?: readonly string[];
};

type User = Extract<Actor, { kind: 'user' }>;

const committeeActivity: Action[] = [
  'activity.read',
  'activity.write',
  'activity.delete',
  'activity.status',
  'activity.copy',
  'activity.readPersonal',
];

const materialActions: Action[] = ['material.read', 'material.upload', 'material.delete'];

const committeeMeeting: Action[] = [
  'meeting.read',
  'meeting.create',
  'meeting.manage',
  'meeting.send',
  'meeting.status',
  'meeting.overrideQuota',
  'meeting.invitation.read',
];

const byRole: Record<Role, readonly Action[]> = {
  admin: actions,
  committee: [
    'directory.read',
    ...releaseWork,
    'officer.read',
    'institution.export',
    ...forumBureau,
    ...committeeActivity,
    'apiToken.manage',
    'meeting.checkIn',
    ...committeeMeeting,
    ...materialActions,
    'outcome.read',
    'outcome.manage',
    'followUp.update',
    'survey.read',
    'survey.forward',
    'minutes.read',
    'minutes.write',
  ],
  member: [
    'directory.read',
    ...releaseWork,
    'institution.update',
    ...forumMember,
    'officer.read',
    'officer.write',
    'activity.read',
    'apiToken.manage',
    'meeting.invitation.read',
    'material.read',
    'followUp.update',
    'minutes.read',
  ],
  speaker: ['directory.read', 'activity.read', 'apiToken.manage', ...forumMember, ...materialActions],
};

const managesRow = (actor: User, subject: Subject) => !!subject.managerIds?.includes(actor.id);
const isSpeaker = (actor: User, subject: Subject) => !!subject.speakerUserIds?.includes(actor.id);
const ownInstitution = (actor: User, subject: Subject) => !!actor.institutionId && subject.institutionId === actor.institutionId;

/** Rules that look at the row, by action and role. A rule that answers false makes the row "not found". */
const rowRules: Partial<Record<Action, Partial<Record<Role, (actor: User, subject: Subject) => boolean>>>> = {
  ...forumRowRules,
  'institution.update': { member: ownInstitution },
  'officer.read': { member: ownInstitution },
  'officer.write': { member: ownInstitution },
  ...releaseRowRules,
  // Members and speakers see an activity once its KAK is approved, never a draft.
  'activity.read': { member: (_a, s) => s.status !== 'draft', speaker: (_a, s) => s.status !== 'draft' },
  // Only the committee members named as a meeting's managers run its check-in (administrators always may).
  'meeting.checkIn': { committee: managesRow },
  // Only a meeting's managers (and administrators) change it; a member reads only its own institution's invitation.
  'meeting.manage': { committee: managesRow },
  'meeting.send': { committee: managesRow },
  'meeting.status': { committee: managesRow },
  'meeting.overrideQuota': { committee: managesRow },
  'meeting.invitation.read': { committee: managesRow, member: ownInstitution },
  'outcome.manage': { committee: managesRow },
  // Session materials: the bureau reads every meeting's; a member officer when its institution was invited (once
  // the meeting is no longer a draft); a speaker
  // reads the meetings it speaks at and uploads to its own sessions; the uploader or the managers remove one.
  'material.read': {
    member: (a, s) => s.status !== 'draft' && !!a.institutionId && !!s.institutionIds?.includes(a.institutionId),
    speaker: isSpeaker,
  },
  'material.upload': { committee: managesRow, speaker: isSpeaker },
  'material.delete': { committee: (a, s) => managesRow(a, s) || ownsRow(a, s), speaker: ownsRow },
  'survey.forward': { committee: managesRow },
  'followUp.update': { member: (a, s) => !!a.institutionId && !!s.institutionIds?.includes(a.institutionId) },
  // The minutes are written by the meeting's managers; a member officer reads them once the meeting is done, and only
  // when its institution was invited (the subject's institutionIds).
  'minutes.write': { committee: managesRow },
  'minutes.read': {
    member: (a, s) => s.status === 'done' && !!a.institutionId && !!s.institutionIds?.includes(a.institutionId),
  },
};

function roleGrants(actor: User, action: Action): boolean {
  return byRole[actor.role].includes(action);
}

function rowAllows(actor: User, action: Action, subject: Subject): boolean {
  const rule = rowRules[action]?.[actor.role];
  return !rule || rule(actor, subject);
}

/** The lifecycle's refusal for this row and action, or null when its status allows the action. */
function lifecycleRefusal(action: Action, subject: Subject): string | null {
  if (!subject.type || subject.status === undefined) return null;
  const lifecycle = lifecycles[subject.type];
  if (!lifecycle || !lifecycle.governs(action)) return null;
  const allowed = lifecycle.allows[subject.status] ?? [];
  return allowed.includes(action) ? null : lifecycle.refusal(subject.status, action);
}

export function can(actor: Actor, action: Action, subject?: Subject): boolean {
  if (actor.kind !== 'user') return false;
  if (!roleGrants(actor, action)) return false;
  if (!subject) return true;
  return rowAllows(actor, action, subject) && lifecycleRefusal(action, subject) === null;
}

/**
 * Throws when the actor may not act: 401 for anonymous callers, 403 when the role never may, 404 when the
 * row is not theirs to see, 409 when the row's status does not allow the action.
 */
export function authorize(actor: Actor, action: Action, subject?: Subject): asserts actor is User {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  if (!roleGrants(actor, action)) throw new ForbiddenError();
  if (!subject) return;
  if (!rowAllows(actor, action, subject)) throw new NotFoundError();
  const refusal = lifecycleRefusal(action, subject);
  if (refusal) throw new StateError(refusal, { status: subject.status });
}

/** The subset of `candidates` the actor may take on this row: what `GET` answers ship as `can`. */
export function allowedActions<A extends Action>(actor: Actor, candidates: readonly A[], subject: Subject): Record<A, boolean> {
  return Object.fromEntries(candidates.map((a) => [a, can(actor, a, subject)])) as Record<A, boolean>;
}

/** The institution a member's queries are limited to; null means every institution. */
export function institutionScope(actor: Actor): string | null {
  if (actor.kind === 'user' && actor.role === 'member') return actor.institutionId ?? '00000000-0000-0000-0000-000000000000';
  return null;
}

/** What the SPA may show in general: the actions this actor's role grants (rows answer their own `can`). */
export function abilitiesOf(actor: Actor): Action[] {
  if (actor.kind !== 'user') return [];
  return [...byRole[actor.role]];
}
