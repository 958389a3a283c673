import { Fragment, useState } from 'react';
import { Autocomplete, Button, Group, SimpleGrid, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime } from '../../format';
import { useLang, useT } from '../../i18n';
import { AuditDiff } from './AuditDiff';

type AuditRow = { id: number; at: string; actorLabel: string; action: string; entityType: string; entityId: string | null; before: unknown; after: unknown };

/** Entity types written by the modules so far; the filter also accepts any other text. */
const knownEntityTypes = ['institution', 'officer', 'user', 'api_token', 'activity', 'import'];
const limit = 50;
const empty = { entityType: '', action: '', from: '', to: '' };

export function AuditPage() {
  const t = useT();
  const lang = useLang();
  const [filters, setFilters] = useState(empty);
  const [debounced] = useDebouncedValue(filters, 300);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const set = (k: keyof typeof empty) => (v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setOffset(0);
  };
  const { data, error, isFetching } = useQuery({
    queryKey: ['audit', debounced, offset],
    queryFn: () => api.get<Page<AuditRow>>('/audit', { ...debounced, limit, offset }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t.audit.title} description={t.audit.description} />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Autocomplete label={t.audit.entityType} data={knownEntityTypes} value={filters.entityType} onChange={set('entityType')} />
        <TextInput label={t.audit.action} placeholder="institution.update" value={filters.action} onChange={(e) => set('action')(e.currentTarget.value)} />
        <TextInput label={t.audit.from} type="date" value={filters.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput label={t.audit.to} type="date" value={filters.to} onChange={(e) => set('to')(e.currentTarget.value)} />
      </SimpleGrid>
      <Group justify="flex-end" mb="xs">
        <Button variant="subtle" size="xs" onClick={() => { setFilters(empty); setOffset(0); }}>{t.common.resetFilters}</Button>
      </Group>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover opacity={isFetching ? 0.7 : 1}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.audit.at}</Table.Th>
              <Table.Th>{t.audit.actor}</Table.Th>
              <Table.Th>{t.audit.action}</Table.Th>
              <Table.Th>{t.audit.entityType}</Table.Th>
              <Table.Th>{t.audit.entityId}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.length === 0 ? (
              <Table.Tr><Table.Td colSpan={5}><Text c="dimmed" ta="center">{t.common.nothingFound}</Text></Table.Td></Table.Tr>
            ) : null}
            {data?.items.map((row) => (
              <Fragment key={row.id}>
                <Table.Tr style={{ cursor: 'pointer' }} onClick={() => setOpen(open === row.id ? null : row.id)}>
                  <Table.Td>
                    <UnstyledButton aria-expanded={open === row.id} fz="sm">{open === row.id ? '▾' : '▸'} {formatDateTime(row.at, lang)}</UnstyledButton>
                  </Table.Td>
                  <Table.Td>{row.actorLabel}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">{row.action}</Table.Td>
                  <Table.Td>{row.entityType}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">{row.entityId ?? ''}</Table.Td>
                </Table.Tr>
                {open === row.id ? (
                  <Table.Tr>
                    <Table.Td colSpan={5} bg="gray.0"><AuditDiff before={row.before} after={row.after} /></Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data ? <Pager total={data.total} limit={limit} offset={offset} onChange={setOffset} /> : null}
    </>
  );
}
