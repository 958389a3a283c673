import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { institutionCategories } from '../../../shared/categories';
import { apiHref, call, client, type QueryOf } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { categoryLabel, formatNumber } from '../../format';
import { useLang, useT, type Messages } from '../../i18n';
import { useSession } from '../../session';
import { formatPhone } from '../../../shared/phoneDisplay';
import { PhoneLink } from './PhoneLink';

const limit = 20;

function StatusBadge({ active, t }: { active: boolean; t: Messages }) {
  return active ? (
    <Badge color="teal" variant="light">
      {t.common.active}
    </Badge>
  ) : (
    <Badge color="gray">{t.common.inactive}</Badge>
  );
}

/** The directory's filters live in the URL, so a filtered list can be bookmarked and "back" restores it. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    active: params.get('active') ?? 'true',
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };
  const update = (patch: Partial<typeof filters>) => {
    const next = { ...filters, offset: 0, ...patch };
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.category) p.set('category', next.category);
    if (next.active !== 'true') p.set('active', next.active);
    if (next.offset) p.set('offset', String(next.offset));
    setParams(p, { replace: true });
  };
  return { filters, update };
}

export function InstitutionListPage() {
  const t = useT();
  const lang = useLang();
  const { can } = useSession();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { filters, update } = useFilters();
  const [search, setSearch] = useState(filters.q);
  const [debounced] = useDebouncedValue(search, 300);
  const pushed = useRef(filters.q);
  useEffect(() => {
    if (debounced.trim() === filters.q) return;
    pushed.current = debounced.trim();
    update({ q: pushed.current });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  // The URL changed from outside (a link, "back"): show its search text.
  useEffect(() => {
    if (filters.q !== pushed.current) {
      pushed.current = filters.q;
      setSearch(filters.q);
    }
  }, [filters.q]);

  const query = {
    q: filters.q,
    category: filters.category,
    active: filters.active === 'all' ? '' : filters.active,
    limit,
    offset: filters.offset,
  };
  const { data, error, isFetching } = useQuery({
    queryKey: ['institutions', 'list', query],
    queryFn: () => call(client.GET('/api/institutions', { params: { query: query as QueryOf<'/api/institutions'> } })),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  // No empty column when no institution on the page has a contact.
  const withContact = items.some((i) => i.email || i.phone);

  return (
    <>
      <PageHeader
        title={t.directory.title}
        description={t.directory.description}
        actions={
          <>
            {can('institution.export') ? (
              <Button
                component="a"
                variant="default"
                href={apiHref('/api/directory/export.xlsx', { query: { q: query.q, category: query.category, active: query.active } })}
                download
              >
                {t.directory.export}
              </Button>
            ) : null}
            {can('institution.import') ? (
              <Button component={Link} to="/directory/import" variant="default">
                {t.directory.import}
              </Button>
            ) : null}
            {can('institution.create') ? (
              <Button component={Link} to="/directory/new" color="teal">
                {t.directory.add}
              </Button>
            ) : null}
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 3 }} mb="md">
        <TextInput
          style={{ gridColumn: phone ? '1 / -1' : undefined }}
          type="search"
          label={t.common.search}
          placeholder={t.directory.searchPlaceholder}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t.directory.category}
          placeholder={t.common.all}
          clearable
          data={institutionCategories.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
          value={filters.category || null}
          onChange={(v) => update({ category: v ?? '' })}
        />
        <Select
          label={t.common.status}
          allowDeselect={false}
          data={[
            { value: 'true', label: t.common.active },
            { value: 'false', label: t.common.inactive },
            { value: 'all', label: t.common.all },
          ]}
          value={filters.active}
          onChange={(v) => update({ active: v ?? 'true' })}
        />
      </SimpleGrid>
      <ErrorAlert error={error} />
      {data && items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t.directory.empty}
        </Text>
      ) : null}
      {phone ? (
        <Stack gap="sm" aria-busy={isFetching}>
          {items.map((i) => (
            <Card key={i.id} withBorder padding="sm" component={Link} to={`/directory/${i.id}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{i.name}</Text>
                <StatusBadge active={i.active} t={t} />
              </Group>
              <Text size="sm" c="dimmed">
                {categoryLabel(i.category, lang)}
                {i.regionCode ? ` · ${i.regionCode}` : ''}
              </Text>
              {i.phone || i.email ? <Text size="sm">{[formatPhone(i.phone), i.email].filter(Boolean).join(' · ')}</Text> : null}
              <Text size="sm">{t.directory.officerCount(formatNumber(i.officerCount, lang))}</Text>
            </Card>
          ))}
        </Stack>
      ) : items.length ? (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-busy={isFetching} aria-label={t.directory.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.directory.name}</Table.Th>
                <Table.Th>{t.directory.category}</Table.Th>
                <Table.Th>{t.directory.regionCode}</Table.Th>
                {withContact ? <Table.Th>{t.directory.contact}</Table.Th> : null}
                <Table.Th ta="right">{t.directory.officers}</Table.Th>
                <Table.Th>{t.common.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/directory/${i.id}`} fw={500}>
                      {i.name}
                    </Anchor>
                    {i.shortName ? (
                      <Text size="xs" c="dimmed">
                        {i.shortName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{categoryLabel(i.category, lang)}</Table.Td>
                  <Table.Td>{i.regionCode ?? ''}</Table.Td>
                  {withContact ? (
                    <Table.Td>
                      {i.email ? <Text size="sm">{i.email}</Text> : null}
                      {i.phone ? (
                        <Text size="sm">
                          <PhoneLink value={i.phone} />
                        </Text>
                      ) : null}
                    </Table.Td>
                  ) : null}
                  <Table.Td ta="right">{formatNumber(i.officerCount, lang)}</Table.Td>
                  <Table.Td>
                    <StatusBadge active={i.active} t={t} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <Pager total={data.total} limit={limit} offset={filters.offset} onChange={(offset) => update({ offset })} /> : null}
    </>
  );
}
