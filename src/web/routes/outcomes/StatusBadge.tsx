import { Badge, Group } from '@mantine/core';
import { useOutcomesT } from './i18n';
import type { FollowUpStatus } from '../../../shared/outcomes';
import type { FollowUp } from '../../../shared/schemas/outcomes';

export const statusColors: Record<FollowUpStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  not_feasible: 'orange',
};

/** A follow-up's status, and "Terlambat" when its due date has passed while it is open. */
export function FollowUpStatusBadge({ f }: { f: Pick<FollowUp, 'status' | 'overdue'> }) {
  const t = useOutcomesT();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={statusColors[f.status]} variant="light">
        {t.outcomes.statuses[f.status]}
      </Badge>
      {f.overdue ? (
        <Badge color="red" variant="filled">
          {t.outcomes.overdue}
        </Badge>
      ) : null}
    </Group>
  );
}
