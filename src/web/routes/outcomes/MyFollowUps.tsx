import { Link } from 'react-router';
import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { formatDateId } from '../../../shared/dates';
import type { FollowUp } from '../../../shared/schemas/outcomes';
import { useOutcomesT } from './i18n';
import { FollowUpStatusBadge } from './StatusBadge';

// The member home's card, in a file of its own: the home's first load does not carry the list page (pager, header).

/** One follow-up: its action (a link), status, resolution, meeting and due date. */
export function FollowUpRow({ f }: { f: FollowUp }) {
  const t = useOutcomesT();
  return (
    <Stack gap={2} data-testid="follow-up-row">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/follow-ups/${f.id}`} fw={500}>
          {f.action}
        </Anchor>
        <FollowUpStatusBadge f={f} />
      </Group>
      <Text size="sm" c="dimmed">
        {t.outcomes.resolution(f.resolutionNumber)} · {f.meetingTitle} · {t.outcomes.dueDate} {formatDateId(f.dueDate)}
      </Text>
    </Stack>
  );
}

/** The card's query; the home starts it together with its own, so the page shows complete at once. */
export const myFollowUpsQuery = {
  queryKey: ['follow-ups', 'mine'],
  queryFn: () => call(client.GET('/api/follow-ups', { params: { query: { open: 'true', limit: 10 } } })),
};

/** The member home's card: the institution's open follow-ups, overdue first. */
export function MyFollowUps() {
  const t = useOutcomesT();
  const { data, error, isLoading } = useQuery(myFollowUpsQuery);
  return (
    <Card withBorder data-testid="my-follow-ups">
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t.outcomes.myFollowUps}</Title>
        <Anchor component={Link} to="/follow-ups" size="sm">
          {t.outcomes.listTitle}
        </Anchor>
      </Group>
      <ErrorAlert error={error} />
      {isLoading ? <Skeleton h={40} /> : null}
      {data && !data.items.length ? <Text c="dimmed">{t.outcomes.myFollowUpsNone}</Text> : null}
      <Stack gap="sm">
        {data?.items.map((f) => (
          <FollowUpRow key={f.id} f={f} />
        ))}
      </Stack>
    </Card>
  );
}
