import type { RouteObject } from 'react-router';
import type { Messages } from '../i18n';
import type { Ability } from '../session';

/** An entry of the side navigation; hidden when the user lacks `ability`. Sorted by `order`. */
export type NavEntry = { to: string; label: (t: Messages) => string; ability?: Ability; order: number };

/**
 * One area of the app (directory, users, ...): its routes inside the logged-in shell (paths relative
 * to /app/) and its navigation entries. Add an area to `areas` in routes/index.tsx to mount it.
 */
export type Area = { name: string; routes: RouteObject[]; nav: NavEntry[] };
