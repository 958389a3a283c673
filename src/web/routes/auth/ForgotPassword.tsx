import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { call, client } from '../../api';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from '../../i18n';

export function ForgotPasswordPage() {
  const t = useT();
  const form = useForm({ initialValues: { email: '' } });
  const { submit, alert, mutation } = useFormMutation(form, (values) =>
    call(client.POST('/api/auth/password-reset/request', { body: values })),
  );
  return (
    <Stack>
      <Title order={3}>{t.auth.forgot.title}</Title>
      {mutation.isSuccess ? (
        <Alert color="green">{t.auth.forgot.sent}</Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t.auth.forgot.intro}
            </Text>
            <TextInput label={t.auth.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            {alert}
            <Button type="submit" loading={mutation.isPending} color="teal">
              {t.auth.forgot.submit}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        {t.auth.backToLogin}
      </Anchor>
    </Stack>
  );
}
