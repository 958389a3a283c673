import type { Actor, Role } from './context';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from './errors';

/**
 * The one place that decides who may do what. Routes call `authorize`; queries that list
 * private rows are scoped with `institutionScope` so rows of another institution are never found.
 */
export const actions = [
  'directory.read',
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
  'activity.write',
  'activity.approve',
  'settings.manage',
  'apiToken.manage',
] as const;
export type Action = (typeof actions)[number];

/** Subject of a check: the institution whose data is touched, when there is one. */
export type Subject = { institutionId?: string | null };

const byRole: Record<Role, readonly Action[]> = {
  admin: actions,
  committee: [
    'directory.read',
    'officer.read',
    'institution.export',
    'activity.read',
    'activity.write',
    'apiToken.manage',
  ],
  member: ['directory.read', 'institution.update', 'officer.read', 'officer.write', 'activity.read', 'apiToken.manage'],
  speaker: ['directory.read', 'activity.read', 'apiToken.manage'],
};

/** Actions a member officer may only take on their own institution. */
const ownInstitutionOnly = new Set<Action>(['institution.update', 'officer.read', 'officer.write']);

export function can(actor: Actor, action: Action, subject?: Subject): boolean {
  if (actor.kind !== 'user') return false;
  if (!byRole[actor.role].includes(action)) return false;
  if (actor.role === 'member' && ownInstitutionOnly.has(action) && subject) {
    return !!actor.institutionId && subject.institutionId === actor.institutionId;
  }
  return true;
}

/**
 * Throws when the actor may not act. For a member looking at another institution's private data
 * it throws NotFound, so the answer does not even confirm the row exists.
 */
export function authorize(actor: Actor, action: Action, subject?: Subject): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  if (can(actor, action, subject)) return;
  if (subject && byRole[actor.role].includes(action)) throw new NotFoundError();
  throw new ForbiddenError();
}

/** The institution a member's queries are limited to; null means every institution. */
export function institutionScope(actor: Actor): string | null {
  if (actor.kind === 'user' && actor.role === 'member') return actor.institutionId ?? '00000000-0000-0000-0000-000000000000';
  return null;
}

/** What the SPA may show: the actions this actor can take in general (scoped actions still checked per row). */
export function abilitiesOf(actor: Actor): Action[] {
  if (actor.kind !== 'user') return [];
  return [...byRole[actor.role]];
}
