import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useLang, useT, type Messages } from '../../i18n';
import type { UserRow } from './roles';
import { EditUserModal, InviteUserModal } from './UserModals';
import { InvitationActions } from './InvitationActions';
import { ReleaseEditorBadge, useReleaseEditors } from './ReleaseEditorSwitch';

function StatusBadge({ user, t }: { user: UserRow; t: Messages }) {
  if (!user.active) return <Badge color="gray">{t.common.inactive}</Badge>;
  if (user.invitationPending) return <Badge color="yellow">{t.users.pending}</Badge>;
  return <Badge color="teal">{t.common.active}</Badge>;
}

export function UsersPage() {
  const t = useT();
  const lang = useLang();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const { data, error, isLoading } = useQuery({
    queryKey: ['users'],
    queryFn: () => call(client.GET('/api/users', { params: { query: { limit: 200 } } })),
  });
  const items = data?.items ?? [];
  const editors = useReleaseEditors();

  return (
    <>
      <PageHeader
        title={t.users.title}
        description={t.users.description}
        actions={
          <Button color="teal" onClick={() => setInviting(true)}>
            {t.users.invite}
          </Button>
        }
      />
      <ErrorAlert error={error} />
      {isLoading ? <Text c="dimmed">{t.common.loading}</Text> : null}
      {phone ? (
        <Stack gap="sm">
          {items.map((u) => (
            <Card key={u.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{u.name}</Text>
                <StatusBadge user={u} t={t} />
              </Group>
              <Text size="sm" c="dimmed">
                {u.email}
              </Text>
              <Text size="sm">
                {t.users.roles[u.role]}
                {u.institutionName ? ` · ${u.institutionName}` : ''}
                <ReleaseEditorBadge user={u} editors={editors} />
              </Text>
              <Group mt="xs" gap="xs">
                <Button size="xs" variant="light" onClick={() => setEditing(u)}>
                  {t.common.edit}
                </Button>
                {u.invitationPending && u.active ? <InvitationActions user={u} /> : null}
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover aria-label={t.users.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.users.name}</Table.Th>
                <Table.Th>{t.users.email}</Table.Th>
                <Table.Th>{t.users.role}</Table.Th>
                <Table.Th>{t.users.institution}</Table.Th>
                <Table.Th>{t.common.status}</Table.Th>
                <Table.Th>{t.users.lastLogin}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>
                    {t.users.roles[u.role]}
                    <ReleaseEditorBadge user={u} editors={editors} />
                  </Table.Td>
                  <Table.Td>{u.institutionName ?? '-'}</Table.Td>
                  <Table.Td>
                    <StatusBadge user={u} t={t} />
                  </Table.Td>
                  <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t.users.never}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      {u.invitationPending && u.active ? <InvitationActions user={u} /> : null}
                      <Button size="xs" variant="light" onClick={() => setEditing(u)} aria-label={`${t.common.edit} ${u.name}`}>
                        {t.common.edit}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
