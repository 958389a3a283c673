import { Button, Card, Checkbox, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { notifySuccess } from '../../components/errors';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from '../../i18n';

/** "Ubah kata sandi": the current password and the new one twice; the server checks the rest. */
export function ChangePasswordCard() {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '', revokeTokens: true },
    validate: { confirmPassword: (v, values) => (v !== values.newPassword ? t.account.passwordMismatch : null) },
  });
  const { submit, alert, mutation } = useFormMutation(
    form,
    ({ currentPassword, newPassword, revokeTokens }) =>
      call(client.POST('/api/auth/password', { body: { currentPassword, newPassword, revokeTokens } })),
    (result) => {
      form.reset();
      notifySuccess(t.account.passwordChanged(result.endedSessions, result.revokedTokens));
      // The token list on this page shows which ones were revoked.
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  );
  return (
    <Card withBorder mb="lg" maw={560} component="section" aria-label={t.account.changePassword}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3}>{t.account.changePassword}</Title>
          <Text size="sm" c="dimmed">
            {t.account.changePasswordHelp}
          </Text>
          <PasswordInput
            label={t.account.currentPassword}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t.account.newPassword}
            description={t.account.newPasswordHint}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t.account.confirmPassword}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Checkbox
            label={t.account.revokeTokens}
            description={t.account.revokeTokensHelp}
            {...form.getInputProps('revokeTokens', { type: 'checkbox' })}
          />
          {alert}
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t.account.changePassword}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
