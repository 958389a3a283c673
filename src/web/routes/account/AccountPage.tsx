import { useState } from 'react';
import { Alert, Badge, Button, Card, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { useFormMutation } from '../../components/useFormMutation';
import { formatDateTime } from '../../format';
import { useLang, useT } from '../../i18n';
import { useSession } from '../../session';
import { ChangePasswordCard } from './ChangePasswordCard';
import { FormButtons } from '../../components/FormButtons';

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: '' } });
  const [secret, setSecret] = useState<string | null>(null);
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) => call(client.POST('/api/auth/tokens', { body: v })),
    (row) => {
      setSecret(row.token);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  );
  const close = () => {
    setSecret(null);
    form.reset();
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t.account.createToken}>
      {secret ? (
        <Stack>
          <Alert color="yellow">{t.account.secretOnce}</Alert>
          <Code block data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? t.common.copied : t.common.copy}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t.common.close}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t.account.tokenName} description={t.account.tokenNameHint} required {...form.getInputProps('name')} />
            {alert}
            <FormButtons onCancel={close} saving={mutation.isPending} submitLabel={t.account.create} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function AccountPage() {
  const t = useT();
  const lang = useLang();
  const { user, can } = useSession();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: () => call(client.GET('/api/auth/tokens', { params: { query: { limit: 200 } } })),
    enabled: can('apiToken.manage'),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(client.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      notifySuccess(t.account.revoked);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (e) => notifyError(e, t),
  });
  if (!user) return null;
  return (
    <>
      <PageHeader title={t.account.title} />
      <Card withBorder mb="lg" maw={560}>
        <Text fw={600}>{user.name}</Text>
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        <Text size="sm">{t.users.roles[user.role]}</Text>
      </Card>
      <ChangePasswordCard />
      {can('apiToken.manage') ? (
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3}>{t.account.tokens}</Title>
            <Button color="teal" onClick={() => setCreating(true)}>
              {t.account.createToken}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t.account.tokensHelp}
          </Text>
          <ErrorAlert error={tokens.error} />
          {tokens.data?.items.length === 0 ? <Text c="dimmed">{t.account.noTokens}</Text> : null}
          {tokens.data?.items.length ? (
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label={t.account.tokens}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.account.tokenName}</Table.Th>
                    <Table.Th>{t.account.prefix}</Table.Th>
                    <Table.Th>{t.account.created}</Table.Th>
                    <Table.Th>{t.account.lastUsed}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data?.items.map((tok) => (
                    <Table.Tr key={tok.id}>
                      <Table.Td>{tok.name}</Table.Td>
                      <Table.Td ff="monospace">{tok.prefix}…</Table.Td>
                      <Table.Td>{formatDateTime(tok.createdAt, lang)}</Table.Td>
                      <Table.Td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, lang) : t.account.neverUsed}</Table.Td>
                      <Table.Td>
                        {tok.revokedAt ? (
                          <Badge color="gray">{t.account.revokedBadge}</Badge>
                        ) : (
                          <ConfirmButton
                            size="xs"
                            variant="light"
                            color="red"
                            question={t.account.revokeQuestion(tok.name)}
                            loading={revoke.isPending && revoke.variables === tok.id}
                            onConfirm={() => revoke.mutate(tok.id)}
                          >
                            {t.account.revoke}
                          </ConfirmButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
