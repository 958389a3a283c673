import type { ReactNode } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';
import { call, client } from '../../api';
import { useFormMutation } from '../../components/useFormMutation';
import { useLang, useT } from '../../i18n';
import { formatDateTime } from '../../format';
import type { Role } from '../../session';

type Values = { name: string; password: string; confirm: string };

/** Shared by "reset password" and "accept invitation": both choose a password with a link token. */
function SetPasswordForm({
  title,
  endpoint,
  withName,
  submitLabel,
  done,
  header,
}: {
  title: string;
  endpoint: '/api/auth/password-reset' | '/api/auth/invitation/accept';
  withName: boolean;
  submitLabel: string;
  done: (email?: string) => ReactNode;
  /** Shown above the fields (the invitation says whom it is for); may replace the form when the link is dead. */
  header?: () => ReactNode;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm<Values>({
    initialValues: { name: '', password: '', confirm: '' },
    validate: { confirm: (v, values) => (v === values.password ? null : t.auth.passwordsDiffer) },
  });
  const { submit, alert, mutation } = useFormMutation(form, ({ name, password }) =>
    endpoint === '/api/auth/invitation/accept'
      ? call(client.POST(endpoint, { body: withName && name.trim() ? { token, name: name.trim(), password } : { token, password } }))
      : call(client.POST(endpoint, { body: { token, password } })).then((): { email?: string } => ({})),
  );
  if (!token) {
    return (
      <Stack>
        <Title order={3}>{title}</Title>
        <Alert color="red">{t.auth.missingToken}</Alert>
        <Anchor component={Link} to="/login" size="sm">
          {t.auth.backToLogin}
        </Anchor>
      </Stack>
    );
  }
  if (mutation.isSuccess)
    return (
      <Stack>
        <Title order={3}>{title}</Title>
        {done(mutation.data?.email)}
      </Stack>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3}>{title}</Title>
        {header?.()}
        {withName ? <TextInput label={t.auth.nameOptional} autoComplete="name" {...form.getInputProps('name')} /> : null}
        <PasswordInput
          label={t.auth.newPassword}
          description={t.auth.passwordRule}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput label={t.auth.confirmPassword} autoComplete="new-password" required {...form.getInputProps('confirm')} />
        {alert}
        <Button type="submit" loading={mutation.isPending} color="teal">
          {submitLabel}
        </Button>
        <Anchor component={Link} to="/login" size="sm">
          {t.auth.backToLogin}
        </Anchor>
      </Stack>
    </form>
  );
}

export function ResetPasswordPage() {
  const t = useT();
  return (
    <SetPasswordForm
      title={t.auth.reset.title}
      endpoint="/api/auth/password-reset"
      withName={false}
      submitLabel={t.auth.reset.submit}
      done={() => (
        <>
          <Alert color="green">{t.auth.reset.done}</Alert>
          <Button component={Link} to="/login" color="teal">
            {t.auth.login.submit}
          </Button>
        </>
      )}
    />
  );
}

type Invitation = { email: string; name: string; role: Role; institutionName: string | null; expiresAt: string };

/** Who the invitation is for and where, so the invitee knows the link is theirs before choosing a password. */
function InvitationSummary({ invitation: i }: { invitation: Invitation }) {
  const t = useT();
  const lang = useLang();
  return (
    <Alert color="blue" data-testid="invitation-summary">
      <Text fw={600}>{t.auth.invitation.forWhom(i.name, i.email)}</Text>
      <Text size="sm">{t.auth.invitation.asRole(t.users.roles[i.role], i.institutionName)}</Text>
      <Text size="sm" c="dimmed">
        {t.auth.invitation.validUntil(formatDateTime(i.expiresAt, lang))}
      </Text>
    </Alert>
  );
}

export function AcceptInvitationPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // Asked once: after acceptance the link is spent, and the page must keep showing "done".
  const info = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => call(client.GET('/api/auth/invitation', { params: { query: { token } } })),
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (token && info.error) {
    return (
      <Stack>
        <Title order={3}>{t.auth.invitation.title}</Title>
        <Alert color="red">{t.auth.invitation.invalid}</Alert>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t.auth.invitation.askAgain}
        </Anchor>
        <Anchor component={Link} to="/login" size="sm">
          {t.auth.backToLogin}
        </Anchor>
      </Stack>
    );
  }
  return (
    <SetPasswordForm
      title={t.auth.invitation.title}
      endpoint="/api/auth/invitation/accept"
      // A speaker's name links the account to its sessions: only the administrator changes it.
      withName={info.data?.role !== 'speaker'}
      header={() =>
        info.data ? (
          <InvitationSummary invitation={info.data} />
        ) : (
          <Text c="dimmed" size="sm">
            {t.common.loading}
          </Text>
        )
      }
      submitLabel={t.auth.invitation.submit}
      done={(email) => (
        <>
          <Alert color="green">{t.auth.invitation.done}</Alert>
          <Button component={Link} to={email ? `/login?email=${encodeURIComponent(email)}` : '/login'} color="teal">
            {t.auth.login.submit}
          </Button>
        </>
      )}
    />
  );
}
