import { Anchor, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { call, client, setCsrfToken } from '../../api';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from '../../i18n';
import { meKey, useSession } from '../../session';

/** Only paths inside the app, so ?next= cannot send the user to another site. */
function safeNext(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const form = useForm({ initialValues: { email: params.get('email') ?? '', password: '' } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (values) => call(client.POST('/api/auth/login', { body: values })),
    async (result) => {
      setCsrfToken(result.csrfToken);
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate(safeNext(params.get('next')), { replace: true });
    },
  );
  if (user && !mutation.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3}>{t.auth.login.title}</Title>
        <TextInput label={t.auth.email} type="email" autoComplete="username" required {...form.getInputProps('email')} />
        <PasswordInput label={t.auth.password} autoComplete="current-password" required {...form.getInputProps('password')} />
        {alert}
        <Button type="submit" loading={mutation.isPending} color="teal">
          {t.auth.login.submit}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t.auth.login.forgot}
        </Anchor>
      </Stack>
    </form>
  );
}
