import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { jakartaDateParts } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useActivitiesT } from './i18n';
import { useSession } from '../../session';
import { ImportModal } from './ImportModal';
import { NewActivityModal } from './NewActivityModal';
import { statusColors } from './types';

/** Activities of one fiscal year (in the URL, default the current year in WIB), with the years that have any. */
export function ActivityListPage() {
  const t = useActivitiesT();
  const a = t.activities;
  const lang = useLang();
  const { can } = useSession();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const currentYear = jakartaDateParts(new Date()).year;
  const year = Number(params.get('year')) || currentYear;
  const setYear = (y: number) => setParams(y === currentYear ? {} : { year: String(y) }, { replace: true });
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);

  const all = useQuery({
    queryKey: ['activities', 'all'],
    queryFn: () => call(client.GET('/api/activities', { params: { query: { limit: 200 } } })),
  });
  const list = useQuery({
    queryKey: ['activities', 'year', year],
    queryFn: () => call(client.GET('/api/activities', { params: { query: { year, limit: 200 } } })),
    placeholderData: keepPreviousData,
  });
  const yearsWithActivities = [...new Set((all.data?.items ?? []).map((i) => i.fiscalYear))].sort((x, y) => y - x);
  const years = [...new Set([...yearsWithActivities, currentYear, year])].sort((x, y) => y - x);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={a.title}
        description={a.description}
        actions={
          can('activity.write') ? (
            <>
              <Button variant="default" onClick={() => setDialog('import')}>
                {a.importWord}
              </Button>
              <Button onClick={() => setDialog('new')}>{a.newActivity}</Button>
            </>
          ) : null
        }
      />
      <Group align="flex-end" mb="md" gap="md">
        <Select
          label={a.fiscalYear}
          w={160}
          allowDeselect={false}
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
        />
        {list.data ? (
          <Text size="sm" c="dimmed" pb={8}>
            {a.count(formatNumber(list.data.total, lang))}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={list.error ?? all.error} />
      {list.data && !items.length ? (
        <Stack align="flex-start" gap="xs" py="md">
          <Text c="dimmed">{a.empty(year)}</Text>
          {yearsWithActivities.length ? (
            <Group gap="xs">
              <Text size="sm">{a.yearsWithActivities}</Text>
              {yearsWithActivities.map((y) => (
                <Button key={y} size="compact-sm" variant="light" onClick={() => setYear(y)}>
                  {y}
                </Button>
              ))}
            </Group>
          ) : null}
        </Stack>
      ) : null}
      {phone ? (
        <Stack gap="sm" aria-busy={list.isFetching}>
          {items.map((i) => (
            <Card key={i.id} withBorder padding="sm" component={Link} to={`/activities/${i.id}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{i.title}</Text>
                <Badge color={statusColors[i.status]}>{a.status[i.status]}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {i.orgUnit}
              </Text>
              <Text size="sm">
                {a.fundingTotal}: <strong>{formatRupiah(i.fundingTotal)}</strong>
              </Text>
            </Card>
          ))}
        </Stack>
      ) : items.length ? (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-busy={list.isFetching} aria-label={t.activities.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{a.activity}</Table.Th>
                <Table.Th>{a.fiscalYear}</Table.Th>
                <Table.Th>{t.common.status}</Table.Th>
                <Table.Th ta="right">{a.fundingTotal}</Table.Th>
                <Table.Th>{a.updatedAt}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/activities/${i.id}`} fw={500}>
                      {i.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {i.orgUnit}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.fiscalYear}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[i.status]}>{a.status[i.status]}</Badge>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(i.fundingTotal)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(i.updatedAt, lang)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <NewActivityModal opened={dialog === 'new'} year={year} onClose={() => setDialog(null)} />
      <ImportModal opened={dialog === 'import'} onClose={() => setDialog(null)} />
    </>
  );
}
