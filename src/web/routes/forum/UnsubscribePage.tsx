import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ApiError, call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { useForumT } from './i18n';

/**
 * The landing page of the unsubscribe link in forum e-mail (no login: the token is the credential). Opening the
 * link changes nothing (mail scanners open links); the button POSTs the token.
 */
export function UnsubscribePage() {
  const t = useForumT();
  const f = t.forum;
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const stop = useMutation({ mutationFn: () => call(client.POST('/api/forum/unsubscribe', { body: { token } })) });
  const invalid = !token || (stop.error instanceof ApiError && (stop.error.status === 404 || stop.error.status === 400));
  return (
    <Stack>
      <Title order={2}>{f.unsubscribeTitle}</Title>
      {stop.data ? (
        <Alert color="green" role="status">
          <Text size="sm">{stop.data.description}</Text>
          <Text size="sm" mt="xs">
            {f.unsubscribed}
          </Text>
        </Alert>
      ) : invalid ? (
        <Alert color="yellow" role="alert">
          {f.unsubscribeInvalid}
        </Alert>
      ) : (
        <>
          <Text>{f.unsubscribeText}</Text>
          <ErrorAlert error={stop.error} />
          <Button onClick={() => stop.mutate()} loading={stop.isPending}>
            {f.unsubscribeConfirm}
          </Button>
        </>
      )}
    </Stack>
  );
}
