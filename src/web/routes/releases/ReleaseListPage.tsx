import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { releaseCategories, releaseStatuses, type ReleaseStatus } from '../../../shared/releaseStates';
import { call, client, type QueryOf } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useT } from './texts';
import { useSession } from '../../session';
import { ReleaseTabs } from './ReleaseTabs';
import { categoryLabel, releasesKey, StatusBadge, useReleaseMeta, type ReleaseListItem } from './shared';

const limit = 20;

/** The releases the caller may read (a member: its institution's), with filters kept in the URL. */
export function ReleaseListPage() {
  const t = useT();
  const r = t.releases;
  const lang = useLang();
  const { can } = useSession();
  const meta = useReleaseMeta();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const category = params.get('category') ?? '';
  const institutionId = params.get('institutionId') ?? '';
  const offset = Number(params.get('offset')) || 0;
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  const [qTyped] = useDebouncedValue(qInput, 300);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in patch)) next.delete('offset');
    setParams(next, { replace: true });
  };
  // The search box writes to the URL once typing pauses.
  useEffect(() => {
    if (qTyped !== q) set({ q: qTyped });
  }, [qTyped]);

  const query = { status, category, institutionId, q, limit, offset } as QueryOf<'/api/releases'>;
  const list = useQuery({
    queryKey: [...releasesKey, 'list', query],
    queryFn: () => call(client.GET('/api/releases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const institutions = meta.data?.institutions ?? [];
  const filtered = !!(status || category || institutionId || q);

  return (
    <>
      <PageHeader
        title={r.title}
        description={r.description}
        actions={
          can('release.write') ? (
            <Button component={Link} to="/rilis/baru">
              {r.newRelease}
            </Button>
          ) : null
        }
      />
      <ReleaseTabs current="list" />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          label={r.filters.q}
          type="search"
          value={qInput}
          onChange={(e) => setQInput(e.currentTarget.value)}
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={r.filters.status}
          placeholder={r.filters.allStatuses}
          clearable
          data={releaseStatuses.map((s) => ({ value: s, label: r.status[s] }))}
          value={status || null}
          onChange={(v) => set({ status: v ?? '' })}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={r.filters.category}
          placeholder={r.filters.allCategories}
          clearable
          data={releaseCategories.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
          value={category || null}
          onChange={(v) => set({ category: v ?? '' })}
          w={{ base: '100%', xs: 220 }}
        />
        {institutions.length > 1 ? (
          <Select
            label={r.filters.institution}
            placeholder={t.common.all}
            clearable
            searchable
            data={institutions.map((i) => ({ value: i.id, label: i.name }))}
            value={institutionId || null}
            onChange={(v) => set({ institutionId: v ?? '' })}
            w={{ base: '100%', xs: 260 }}
          />
        ) : null}
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setQInput('');
              setParams({}, { replace: true });
            }}
          >
            {t.common.resetFilters}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && !items.length ? (
        <Text c="dimmed" py="md">
          {filtered ? r.emptyFiltered : r.empty}
        </Text>
      ) : null}
      <ReleaseRows label={r.title} items={items} phone={phone} fetching={list.isFetching} />
      {list.data && list.data.total > 0 ? (
        <>
          <Text size="sm" c="dimmed" mt="xs" aria-live="polite">
            {r.count(formatNumber(list.data.total, lang))}
          </Text>
          <Pager total={list.data.total} limit={limit} offset={offset} onChange={(o) => set({ offset: String(o) })} />
        </>
      ) : null}
    </>
  );
}

/** Rows of releases: cards on a phone, a table from tablet width up. */
export function ReleaseRows({
  items,
  phone,
  fetching,
  actions,
  label,
}: {
  label: string;
  items: ReleaseListItem[];
  phone: boolean;
  fetching?: boolean;
  actions?: (item: ReleaseListItem) => ReactNode;
}) {
  const t = useT();
  const r = t.releases;
  const lang = useLang();
  const when = (i: ReleaseListItem) =>
    i.publishAt && ['scheduled', 'published', 'unpublished'].includes(i.status)
      ? formatDateTime(i.publishAt, lang)
      : formatDateTime(i.updatedAt, lang);
  if (!items.length) return null;
  if (phone)
    return (
      <Stack gap="sm" aria-busy={fetching}>
        {items.map((i) => (
          <Card key={i.id} withBorder padding="sm">
            <Group gap="xs" mb={4}>
              <StatusBadge status={i.status as ReleaseStatus} />
            </Group>
            <Anchor component={Link} to={`/rilis/${i.id}`} fw={600}>
              {i.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {i.institution.name} · {categoryLabel(i.category, lang)}
            </Text>
            <Text size="sm">{when(i)}</Text>
            {actions ? (
              <Group gap="xs" mt="xs">
                {actions(i)}
              </Group>
            ) : null}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-busy={fetching} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{r.columns.title}</Table.Th>
            <Table.Th>{r.columns.institution}</Table.Th>
            <Table.Th>{r.columns.status}</Table.Th>
            <Table.Th>{r.columns.updatedAt}</Table.Th>
            {actions ? <Table.Th>{r.columns.actions}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Anchor component={Link} to={`/rilis/${i.id}`} fw={500}>
                  {i.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {categoryLabel(i.category, lang)}
                  {i.author ? ` · ${i.author.name}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.institution.name}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={i.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{when(i)}</Text>
              </Table.Td>
              {actions ? (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {actions(i)}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
