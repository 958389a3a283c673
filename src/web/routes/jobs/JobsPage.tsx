import { Fragment, useState } from 'react';
import { Badge, Button, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type QueryOf } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime, formatNumber } from '../../format';
import { useLang, useT } from '../../i18n';
import { jobStateLabels, jobStates, mailStateLabels, mailStates } from '../../../shared/schemas/jobs';
const limit = 20;
const stateColor: Record<string, string> = { queued: 'blue', sent: 'green', failed: 'red', unsent: 'gray' };

function Queues() {
  const t = useT();
  const lang = useLang();
  const { data, error } = useQuery({
    queryKey: ['jobs', 'queues'],
    queryFn: () => call(client.GET('/api/jobs/queues')),
    refetchInterval: 5000,
  });
  return (
    <Stack gap="xs">
      <Title order={3}>{t.jobs.queues}</Title>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t.jobs.queues}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.jobs.queue}</Table.Th>
              {jobStates.map((s) => (
                <Table.Th key={s} ta="right">
                  {jobStateLabels[s][lang]}
                </Table.Th>
              ))}
              <Table.Th>{t.jobs.schedule}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((q) => (
              <Table.Tr key={q.name} data-queue={q.name}>
                <Table.Td>
                  <Text size="sm">{q.label}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {q.name}
                  </Text>
                </Table.Td>
                {jobStates.map((s) => (
                  <Table.Td key={s} ta="right" c={s === 'failed' && q.counts[s] > 0 ? 'red' : undefined} data-state={s}>
                    {formatNumber(q.counts[s], lang)}
                  </Table.Td>
                ))}
                <Table.Td>{q.cron ? t.jobs.scheduleNote(q.cron, data.timeZone) : t.jobs.noSchedule}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function FailedJobs() {
  const t = useT();
  const lang = useLang();
  const qc = useQueryClient();
  const [offset, setOffset] = useState(0);
  const { data, error } = useQuery({
    queryKey: ['jobs', 'failed', offset],
    queryFn: () => call(client.GET('/api/jobs/failed', { params: { query: { limit, offset } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (j: { queue: string; id: string }) =>
      call(client.POST('/api/jobs/{queue}/{id}/retry', { params: { path: { queue: j.queue, id: j.id } } })),
    onSuccess: () => {
      notifySuccess(t.jobs.retried);
      void qc.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: (e) => notifyError(e, t),
  });
  return (
    <Stack gap="xs">
      <Title order={3}>{t.jobs.failedTitle}</Title>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t.jobs.failedTitle}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.jobs.queue}</Table.Th>
              <Table.Th>{t.jobs.error}</Table.Th>
              <Table.Th>{t.jobs.tries}</Table.Th>
              <Table.Th>{t.jobs.failedOn}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" ta="center">
                    {t.jobs.failedNone}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {data?.items.map((j) => (
              <Table.Tr key={j.id}>
                <Table.Td>
                  <Text size="sm">{j.queueLabel}</Text>
                  <Code fz="xs">{JSON.stringify(j.data)}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="red" style={{ wordBreak: 'break-word' }}>
                    {j.error}
                  </Text>
                </Table.Td>
                <Table.Td>{j.retryCount + 1}</Table.Td>
                <Table.Td>{formatDateTime(j.completedOn, lang)}</Table.Td>
                <Table.Td>
                  <ConfirmButton
                    size="xs"
                    variant="light"
                    color="blue"
                    question={t.jobs.retryQuestion}
                    loading={retry.isPending && retry.variables?.id === j.id}
                    onConfirm={() => retry.mutate({ queue: j.queue, id: j.id })}
                  >
                    {t.jobs.retry}
                  </ConfirmButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && data.total > limit ? <Pager total={data.total} limit={limit} offset={offset} onChange={setOffset} /> : null}
    </Stack>
  );
}

function MailLog() {
  const t = useT();
  const lang = useLang();
  const [filters, setFilters] = useState({ to: '', state: '' });
  const [debounced] = useDebouncedValue(filters, 300);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const { data, error, isFetching } = useQuery({
    queryKey: ['jobs', 'mail', debounced, offset],
    queryFn: () => call(client.GET('/api/jobs/mail', { params: { query: { ...debounced, limit, offset } as QueryOf<'/api/jobs/mail'> } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const set = (k: 'to' | 'state') => (v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setOffset(0);
  };
  return (
    <Stack gap="xs">
      <Title order={3}>{t.jobs.mailTitle}</Title>
      {data && !data.smtpConfigured ? (
        <Text size="sm" c="dimmed">
          {t.jobs.mailNoSmtp}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.jobs.recipient} value={filters.to} onChange={(e) => set('to')(e.currentTarget.value)} />
        <Select
          label={t.jobs.state}
          placeholder={t.jobs.allStates}
          data={mailStates.map((s) => ({ value: s, label: mailStateLabels[s][lang] }))}
          value={filters.state || null}
          onChange={(v) => set('state')(v ?? '')}
          clearable
        />
      </SimpleGrid>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t.jobs.mailTitle} aria-busy={isFetching} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.jobs.queuedAt}</Table.Th>
              <Table.Th>{t.jobs.recipient}</Table.Th>
              <Table.Th>{t.jobs.subject}</Table.Th>
              <Table.Th>{t.jobs.state}</Table.Th>
              <Table.Th>{t.jobs.attempts}</Table.Th>
              <Table.Th>{t.jobs.lastError}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" ta="center">
                    {t.common.nothingFound}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {data?.items.map((m) => (
              <Fragment key={m.id}>
                <Table.Tr style={m.text ? { cursor: 'pointer' } : undefined} onClick={() => m.text && setOpen(open === m.id ? null : m.id)}>
                  <Table.Td>
                    {m.text ? (
                      <UnstyledButton aria-expanded={open === m.id} fz="sm">
                        {open === m.id ? '▾' : '▸'} {formatDateTime(m.createdAt, lang)}
                      </UnstyledButton>
                    ) : (
                      formatDateTime(m.createdAt, lang)
                    )}
                  </Table.Td>
                  <Table.Td>{m.to}</Table.Td>
                  <Table.Td>{m.subject}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[m.state]} variant="light">
                      {mailStateLabels[m.state][lang]}
                    </Badge>
                    {m.sentAt ? (
                      <Text size="xs" c="dimmed">
                        {formatDateTime(m.sentAt, lang)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{m.attempts}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c={m.state === 'failed' ? 'red' : 'dimmed'} style={{ wordBreak: 'break-word' }}>
                      {m.lastError}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {open === m.id && m.text ? (
                  <Table.Tr>
                    <Table.Td colSpan={6} bg="gray.0">
                      <Text size="xs" c="dimmed">
                        {t.jobs.body}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="mail-body">
                        {m.text}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data ? <Pager total={data.total} limit={limit} offset={offset} onChange={setOffset} /> : null}
    </Stack>
  );
}

export function JobsPage() {
  const t = useT();
  const qc = useQueryClient();
  return (
    <>
      <PageHeader
        title={t.jobs.title}
        description={t.jobs.description}
        actions={
          <Group>
            <Button variant="default" size="xs" onClick={() => void qc.invalidateQueries({ queryKey: ['jobs'] })}>
              {t.jobs.refresh}
            </Button>
          </Group>
        }
      />
      <Stack gap="xl">
        <Queues />
        <FailedJobs />
        <MailLog />
      </Stack>
    </>
  );
}
