import type { ReactNode } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from '../../i18n';

type Values = { name: string; password: string; confirm: string };

/** Shared by "reset password" and "accept invitation": both choose a password with a link token. */
function SetPasswordForm({ title, endpoint, withName, submitLabel, done }: {
  title: string; endpoint: string; withName: boolean; submitLabel: string; done: (email?: string) => ReactNode;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm<Values>({
    initialValues: { name: '', password: '', confirm: '' },
    validate: { confirm: (v, values) => (v === values.password ? null : t.auth.passwordsDiffer) },
  });
  const { submit, alert, mutation } = useFormMutation(form, ({ name, password }) =>
    api.post<{ email?: string }>(endpoint, withName && name.trim() ? { token, name: name.trim(), password } : { token, password }),
  );
  if (!token) {
    return (
      <Stack>
        <Title order={3}>{title}</Title>
        <Alert color="red">{t.auth.missingToken}</Alert>
        <Anchor component={Link} to="/login" size="sm">{t.auth.backToLogin}</Anchor>
      </Stack>
    );
  }
  if (mutation.isSuccess) return <Stack><Title order={3}>{title}</Title>{done(mutation.data?.email)}</Stack>;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3}>{title}</Title>
        {withName ? <TextInput label={t.auth.nameOptional} autoComplete="name" {...form.getInputProps('name')} /> : null}
        <PasswordInput label={t.auth.newPassword} description={t.auth.passwordRule} autoComplete="new-password" required {...form.getInputProps('password')} />
        <PasswordInput label={t.auth.confirmPassword} autoComplete="new-password" required {...form.getInputProps('confirm')} />
        {alert}
        <Button type="submit" loading={mutation.isPending} color="teal">{submitLabel}</Button>
        <Anchor component={Link} to="/login" size="sm">{t.auth.backToLogin}</Anchor>
      </Stack>
    </form>
  );
}

export function ResetPasswordPage() {
  const t = useT();
  return (
    <SetPasswordForm
      title={t.auth.reset.title}
      endpoint="/auth/password-reset"
      withName={false}
      submitLabel={t.auth.reset.submit}
      done={() => (
        <>
          <Alert color="green">{t.auth.reset.done}</Alert>
          <Button component={Link} to="/login" color="teal">{t.auth.login.submit}</Button>
        </>
      )}
    />
  );
}

export function AcceptInvitationPage() {
  const t = useT();
  return (
    <SetPasswordForm
      title={t.auth.invitation.title}
      endpoint="/auth/invitation/accept"
      withName
      submitLabel={t.auth.invitation.submit}
      done={(email) => (
        <>
          <Alert color="green">{t.auth.invitation.done}</Alert>
          <Button component={Link} to={email ? `/login?email=${encodeURIComponent(email)}` : '/login'} color="teal">{t.auth.login.submit}</Button>
        </>
      )}
    />
  );
}
