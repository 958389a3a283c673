import type { Messages } from '../../i18n';
import type { Role } from '../../session';

export const roles: Role[] = ['admin', 'committee', 'member', 'speaker'];

export const roleOptions = (t: Messages) => roles.map((r) => ({ value: r, label: t.users.roles[r] }));

export type UserRow = {
  id: string; email: string; name: string; role: Role; institutionId: string | null; institutionName: string | null;
  active: boolean; invitationPending: boolean; lastLoginAt: string | null; createdAt: string;
};
