import { useState } from 'react';
import { Card, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useOutcomesT } from './i18n';
import { FollowUpRow } from './MyFollowUps';

/** Every follow-up the caller may see (a member officer: its institution's), open and overdue first. */
export function FollowUpListPage() {
  const t = useOutcomesT();
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
            <FollowUpRow f={f} />
          </Card>
        ))}
      </Stack>
      {data ? <Pager total={data.total} limit={limit} offset={offset} onChange={setOffset} /> : null}
    </Stack>
  );
}
