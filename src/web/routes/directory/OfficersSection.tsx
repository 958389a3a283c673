import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { useT, type Messages } from '../../i18n';
import { OfficerModal } from './OfficerModal';
import { institutionKey, officersKey, type InstitutionDetail, type Officer } from './types';
import { PhoneLink } from './PhoneLink';

function Badges({ o, t }: { o: Officer; t: Messages }) {
  return (
    <Group gap={4}>
      {o.isMainContact ? (
        <Badge color="blue" variant="light">
          {t.directory.officer.mainContactBadge}
        </Badge>
      ) : null}
      {!o.active ? <Badge color="gray">{t.common.inactive}</Badge> : null}
    </Group>
  );
}

export function OfficersSection({ institution, canWrite }: { institution: InstitutionDetail; canWrite: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [modal, setModal] = useState<{ officer: Officer | null } | null>(null);
  const { data, error } = useQuery({
    queryKey: officersKey(institution.id),
    queryFn: () => call(client.GET('/api/institutions/{id}/officers', { params: { path: { id: institution.id } } })),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: officersKey(institution.id) });
    void queryClient.invalidateQueries({ queryKey: institutionKey(institution.id), exact: true });
    void queryClient.invalidateQueries({ queryKey: ['institutions'] });
  };
  const setActive = useMutation({
    mutationFn: (o: Officer) =>
      call(
        client.POST(o.active ? '/api/officers/{id}/deactivate' : '/api/officers/{id}/activate', {
          params: { path: { id: o.id } },
          body: { version: o.version },
        }),
      ),
    onSuccess: (o) => {
      notifySuccess(o.active ? t.directory.officer.activated(o.name) : t.directory.officer.deactivated(o.name));
      refresh();
    },
    onError: (e) => {
      notifyError(e, t);
      refresh();
    },
  });
  const items = data?.items ?? [];
  const level = (o: Officer) => (o.prFunctionalLevel ? t.directory.levels[o.prFunctionalLevel] : '');
  const actions = (o: Officer) =>
    canWrite ? (
      <Group gap={4} wrap="nowrap">
        <Button size="xs" variant="light" onClick={() => setModal({ officer: o })} aria-label={`${t.common.edit} ${o.name}`}>
          {t.common.edit}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color={o.active ? 'red' : 'teal'}
          loading={setActive.isPending && setActive.variables?.id === o.id}
          onClick={() => setActive.mutate(o)}
          aria-label={`${o.active ? t.directory.officer.deactivate : t.directory.officer.activate} ${o.name}`}
        >
          {o.active ? t.directory.officer.deactivate : t.directory.officer.activate}
        </Button>
      </Group>
    ) : null;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t.directory.officers}</Title>
        {canWrite ? (
          <Button color="teal" onClick={() => setModal({ officer: null })}>
            {t.directory.officer.add}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      {data && !items.length ? <Text c="dimmed">{t.directory.officer.none}</Text> : null}
      {phone ? (
        items.map((o) => (
          <Card key={o.id} withBorder padding="sm" opacity={o.active ? 1 : 0.6}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{o.name}</Text>
              <Badges o={o} t={t} />
            </Group>
            <Text size="sm">{[o.position, level(o)].filter(Boolean).join(' · ')}</Text>
            {o.nip ? (
              <Text size="sm" c="dimmed">
                NIP {o.nip}
              </Text>
            ) : null}
            {o.phone ? (
              <Text size="sm">
                <PhoneLink value={o.phone} />
              </Text>
            ) : null}
            {o.email ? <Text size="sm">{o.email}</Text> : null}
            {canWrite ? <Group mt="xs">{actions(o)}</Group> : null}
          </Card>
        ))
      ) : items.length ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t.directory.officers}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.directory.officer.name}</Table.Th>
                <Table.Th>{t.directory.officer.nip}</Table.Th>
                <Table.Th>{t.directory.officer.position}</Table.Th>
                <Table.Th>{t.directory.officer.level}</Table.Th>
                <Table.Th>{t.directory.contact}</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id} opacity={o.active ? 1 : 0.6}>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {o.nip ?? ''}
                  </Table.Td>
                  <Table.Td>{o.position ?? ''}</Table.Td>
                  <Table.Td>{level(o)}</Table.Td>
                  <Table.Td>
                    {o.email ? <Text size="sm">{o.email}</Text> : null}
                    {o.phone ? (
                      <Text size="sm">
                        <PhoneLink value={o.phone} />
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badges o={o} t={t} />
                  </Table.Td>
                  <Table.Td>{actions(o)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <OfficerModal
        opened={!!modal}
        institutionId={institution.id}
        officer={modal?.officer ?? null}
        onClose={() => setModal(null)}
        onSaved={() => {
          notifySuccess(t.common.saved);
          refresh();
        }}
        onReload={refresh}
      />
    </Stack>
  );
}
