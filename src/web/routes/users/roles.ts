import type { Messages } from '../../i18n';
import type { Item } from '../../api';
import type { Role } from '../../session';

export const roles: Role[] = ['admin', 'committee', 'member', 'speaker'];

export const roleOptions = (t: Messages) => roles.map((r) => ({ value: r, label: t.users.roles[r] }));

/** One row of GET /api/users, as the OpenAPI document describes it. */
export type UserRow = Item<'/api/users'>;
