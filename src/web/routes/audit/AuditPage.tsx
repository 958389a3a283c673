import { Fragment, useState } from 'react';
import { Button, Group, Select, SimpleGrid, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime } from '../../format';
import { useLang, useT } from '../../i18n';
import { AuditDiff } from './AuditDiff';
import { auditActionLabel, auditActionLabels, auditEntityLabel, auditEntityLabels } from '../../../shared/auditLabels';

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
  const entityChoices = Object.keys(auditEntityLabels).map((k) => ({ value: k, label: auditEntityLabel(k, lang) }));
  const actionChoices = Object.keys(auditActionLabels).map((k) => ({ value: k, label: auditActionLabel(k, lang) }));
  const { data, error, isFetching } = useQuery({
    queryKey: ['audit', debounced, offset],
    queryFn: () => call(client.GET('/api/audit', { params: { query: { ...debounced, limit, offset } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t.audit.title} description={t.audit.description} />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Select
          label={t.audit.entityType}
          data={entityChoices}
          value={filters.entityType || null}
          onChange={(v) => set('entityType')(v ?? '')}
          clearable
          searchable
        />
        <Select
          label={t.audit.action}
          data={actionChoices}
          value={filters.action || null}
          onChange={(v) => set('action')(v ?? '')}
          clearable
          searchable
        />
        <TextInput label={t.audit.from} type="date" value={filters.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput label={t.audit.to} type="date" value={filters.to} onChange={(e) => set('to')(e.currentTarget.value)} />
      </SimpleGrid>
      <Group justify="flex-end" mb="xs">
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            setFilters(empty);
            setOffset(0);
          }}
        >
          {t.common.resetFilters}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover aria-busy={isFetching} aria-label={t.audit.title}>
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
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" ta="center">
                    {t.common.nothingFound}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {data?.items.map((row) => (
              <Fragment key={row.id}>
                <Table.Tr style={{ cursor: 'pointer' }} onClick={() => setOpen(open === row.id ? null : row.id)}>
                  <Table.Td>
                    <UnstyledButton aria-expanded={open === row.id} fz="sm">
                      {open === row.id ? '▾' : '▸'} {formatDateTime(row.at, lang)}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.actorName ?? row.actorLabel}</Text>
                    {row.actorName ? (
                      <Text size="xs" c="dimmed">
                        {row.actorLabel}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td title={row.action}>{lang === 'id' ? row.actionLabel : auditActionLabel(row.action, lang)}</Table.Td>
                  <Table.Td>{lang === 'id' ? row.entityLabel : auditEntityLabel(row.entityType, lang)}</Table.Td>
                  <Table.Td title={row.entityId ?? undefined}>
                    {row.entityName ??
                      (row.entityId ? (
                        <Text span ff="monospace" fz="xs">
                          {row.entityId}
                        </Text>
                      ) : (
                        ''
                      ))}
                  </Table.Td>
                </Table.Tr>
                {open === row.id ? (
                  <Table.Tr>
                    <Table.Td colSpan={5} bg="gray.0">
                      <AuditDiff before={row.before} after={row.after} />
                    </Table.Td>
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
