import { Card, Skeleton, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import type { MaterialsByMeeting } from '../../../shared/schemas/materials';
import { MaterialSessions } from './MaterialsCard';
import { useMaterialsT } from './i18n';

/** The participant's ticket page: the meeting's materials by session, downloaded through the ticket (no account). */
export function TicketMaterials({ token }: { token: string }) {
  const t = useMaterialsT();
  const { data, error, isLoading } = useQuery({
    queryKey: ['ticket-materials', token],
    queryFn: () => call(client.GET('/api/tickets/{token}/materials', { params: { path: { token } } })),
  });
  const withMaterials = data ? { ...(data as MaterialsByMeeting), sessions: data.sessions.filter((s) => s.materials.length > 0) } : null;
  return (
    <Card withBorder padding="sm" data-testid="ticket-materials">
      <Title order={2} size="h4" mb="xs">
        {t.materials.ticketTitle}
      </Title>
      <ErrorAlert error={error} />
      {isLoading && <Skeleton h={60} />}
      {withMaterials &&
        (withMaterials.sessions.length ? (
          <MaterialSessions data={withMaterials} ticketToken={token} />
        ) : (
          <Text size="sm" c="dimmed">
            {t.materials.ticketEmpty}
          </Text>
        ))}
    </Card>
  );
}
