import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Progress, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiHref, call, client } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { Pager } from '../../components/Pager';
import { useOutcomesT } from './i18n';

/** The bureau's certificates of a meeting: bulk generation with its progress, the list, downloads, verification links, revoking. */
export function CertificatesSection({ meetingId, canManage }: { meetingId: string; canManage: boolean }) {
  const t = useOutcomesT();
  const c = t.outcomes.certificates;
  const qc = useQueryClient();
  const [offset, setOffset] = useState(0);
  const [sendEmail, setSendEmail] = useState(true);
  const progress = useQuery({
    queryKey: ['certificates', meetingId, 'progress'],
    queryFn: () => call(client.GET('/api/meetings/{id}/certificates/progress', { params: { path: { id: meetingId } } })),
    // Poll while a batch is being made.
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 1500 : false),
  });
  const list = useQuery({
    queryKey: ['certificates', meetingId, 'list', offset, progress.data?.ready],
    queryFn: () =>
      call(client.GET('/api/meetings/{id}/certificates', { params: { path: { id: meetingId }, query: { limit: 50, offset } } })),
  });
  const generate = useMutation({
    mutationFn: () =>
      call(client.POST('/api/meetings/{id}/certificates/generate', { params: { path: { id: meetingId } }, body: { sendEmail } })),
    onSuccess: (r) => {
      notifySuccess(c.created(r.created));
      void qc.invalidateQueries({ queryKey: ['certificates', meetingId] });
    },
    onError: (e) => notifyError(e, t),
  });
  const p = progress.data;
  return (
    <Stack>
      {canManage ? (
        <Stack gap="xs">
          <Text size="sm">{c.generateHint}</Text>
          <Group>
            <Checkbox label={c.sendEmail} checked={sendEmail} onChange={(e) => setSendEmail(e.currentTarget.checked)} />
            <Button onClick={() => generate.mutate()} loading={generate.isPending}>
              {c.generate}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {p && p.state !== 'none' ? (
        <Stack gap={4} data-testid="certificate-progress">
          <Text size="sm" aria-live="polite">
            {c.progress(p.ready, p.total)}
          </Text>
          <Progress value={p.total ? (p.ready / p.total) * 100 : 0} aria-label={c.progress(p.ready, p.total)} />
        </Stack>
      ) : null}
      <ErrorAlert error={list.error ?? progress.error} />
      {list.isLoading ? <Skeleton h={80} /> : null}
      {list.data && !list.data.items.length ? <Text c="dimmed">{c.none}</Text> : null}
      {list.data?.items.length ? (
        <Table.ScrollContainer minWidth={640} tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{c.number}</Table.Th>
                <Table.Th>{c.name}</Table.Th>
                <Table.Th>{c.role}</Table.Th>
                <Table.Th>{c.pdf}</Table.Th>
                <Table.Th>{c.verify}</Table.Th>
                {canManage ? <Table.Th>{c.revoke}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.number}</Table.Td>
                  <Table.Td>
                    {x.name}
                    {x.institutionName ? (
                      <Text size="xs" c="dimmed">
                        {x.institutionName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {x.roleLabel}{' '}
                    {x.revokedAt ? (
                      <Badge color="red" variant="light">
                        {c.revoked}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {x.ready ? <Anchor href={apiHref('/api/certificates/{id}/file.pdf', { path: { id: x.id } })}>{c.pdf}</Anchor> : '…'}
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={x.verifyUrl} target="_blank" rel="noopener">
                      {c.verify}
                    </Anchor>
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      {x.revokedAt ? null : (
                        <Revoke id={x.id} onDone={() => void qc.invalidateQueries({ queryKey: ['certificates', meetingId] })} />
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.data ? <Pager total={list.data.total} limit={50} offset={offset} onChange={setOffset} /> : null}
    </Stack>
  );
}

function Revoke({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useOutcomesT();
  const c = t.outcomes.certificates;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => call(client.POST('/api/certificates/{id}/revoke', { params: { path: { id } }, body: { reason } })),
    onSuccess: onDone,
    onError: (e) => notifyError(e, t),
  });
  if (!open)
    return (
      <Button size="xs" variant="subtle" color="red" onClick={() => setOpen(true)}>
        {c.revoke}
      </Button>
    );
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput size="xs" label={c.revokeReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <Button size="xs" color="red" mt={18} loading={revoke.isPending} onClick={() => revoke.mutate()}>
        {c.revoke}
      </Button>
    </Group>
  );
}
