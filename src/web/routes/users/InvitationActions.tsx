import { useState } from 'react';
import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { call, client, type Answer } from '../../api';
import { ErrorAlert, notifySuccess } from '../../components/errors';
import { formatDateTime } from '../../format';
import { useLang, useT } from '../../i18n';
import type { UserRow } from './roles';

type Resent = Answer<'/api/users/{id}/invitation', 'post'>;

/**
 * For an invitation not yet accepted: send it again, or get a fresh link to pass on by other means when the e-mail
 * went astray. Either way the server issues a new link and the earlier ones stop working.
 */
export function InvitationActions({ user, size = 'xs' }: { user: UserRow; size?: 'xs' | 'sm' }) {
  const t = useT();
  const lang = useLang();
  const [link, setLink] = useState<Resent | null>(null);
  const resend = useMutation({
    mutationFn: (send: boolean) => call(client.POST('/api/users/{id}/invitation', { params: { path: { id: user.id } }, body: { send } })),
    onSuccess: (result, send) => {
      if (send) notifySuccess(t.users.invitationResent(user.email));
      else setLink(result);
    },
  });
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button
          size={size}
          variant="light"
          color="yellow"
          loading={resend.isPending && resend.variables === true}
          onClick={() => resend.mutate(true)}
          aria-label={`${t.users.resendInvitation} ${user.name}`}
        >
          {t.users.resendInvitation}
        </Button>
        <Button
          size={size}
          variant="subtle"
          loading={resend.isPending && resend.variables === false}
          onClick={() => resend.mutate(false)}
          aria-label={`${t.users.copyInvitationLink} ${user.name}`}
        >
          {t.users.copyInvitationLink}
        </Button>
      </Group>
      {resend.error ? <ErrorAlert error={resend.error} /> : null}
      <Modal opened={!!link} onClose={() => setLink(null)} title={t.users.invitationLinkTitle}>
        {link ? (
          <Stack>
            <Text size="sm">{t.users.invitationLinkHelp(user.name, formatDateTime(link.expiresAt, lang))}</Text>
            <TextInput readOnly value={link.link} aria-label={t.users.invitationLinkTitle} onFocus={(e) => e.currentTarget.select()} />
            <Group justify="flex-end">
              <CopyButton value={link.link}>
                {({ copied, copy }) => (
                  <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
                    {copied ? t.users.copied : t.users.copy}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
