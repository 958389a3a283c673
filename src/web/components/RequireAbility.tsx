import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { useSession, type Ability } from '../session';
import { useT } from '../i18n';

/** Renders its children only for users with the ability (the server checks again anyway). */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { can } = useSession();
  const t = useT();
  if (!can(ability)) return <Alert color="yellow">{t.common.errors.forbidden}</Alert>;
  return <>{children}</>;
}
