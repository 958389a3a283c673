import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useT } from '../../i18n';
import { formatDateId } from '../../../shared/dates';
import type { FollowUp } from '../../../shared/schemas/outcomes';
import { FollowUpStatusBadge } from './StatusBadge';

function Row({ f }: { f: FollowUp }) {
  const t = useT();
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

/** The member home's card: the institution's open follow-ups, overdue first. */
export function MyFollowUps() {
  const t = useT();
  const { data, error, isLoading } = useQuery({
    queryKey: ['follow-ups', 'mine'],
    queryFn: () => call(client.GET('/api/follow-ups', { params: { query: { open: 'true', limit: 10 } } })),
  });
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
          <Row key={f.id} f={f} />
        ))}
      </Stack>
    </Card>
  );
}

/** Every follow-up the caller may see (a member officer: its institution's), open and overdue first. */
export function FollowUpListPage() {
  const t = useT();
  const [offset, setOffset] = useState(0);
  const limit = 20;
  const { data, error, isLoading } = useQuery({
    queryKey: ['follow-ups', 'list', offset],
    queryFn: () => call(client.GET('/api/follow-ups', { params: { query: { limit, offset } } })),
  });
  return (
    <Stack>
      <PageHeader title={t.outcomes.listTitle} description={t.outcomes.listDescription} />
      <ErrorAlert error={error} />
      {isLoading ? <Skeleton h={120} /> : null}
      {data && !data.items.length ? <Text c="dimmed">{t.outcomes.myFollowUpsNone}</Text> : null}
      <Stack gap="md">
        {data?.items.map((f) => (
          <Card withBorder key={f.id} padding="sm">
            <Row f={f} />
          </Card>
        ))}
      </Stack>
      {data ? <Pager total={data.total} limit={limit} offset={offset} onChange={setOffset} /> : null}
    </Stack>
  );
}
