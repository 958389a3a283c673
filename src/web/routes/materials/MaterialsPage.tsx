import { Link, useParams } from 'react-router';
import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { useSession } from '../../session';
import { formatMeetingDate } from '../../../shared/meetingDates';
import { MaterialsCard } from './MaterialsCard';
import { useMaterialsT } from './i18n';

/** /app/meetings/:id/materials: every material of one meeting, by agenda session (upload where the caller may). */
export function MaterialsPage() {
  const { id = '' } = useParams();
  const t = useMaterialsT();
  const { can } = useSession();
  const { data } = useQuery({
    queryKey: ['materials', id],
    queryFn: () => call(client.GET('/api/meetings/{id}/materials', { params: { path: { id } } })),
  });
  return (
    <Stack maw={900}>
      <Anchor component={Link} to={can('meeting.read') ? `/meetings/${id}` : '/materials'} size="sm">
        ← {can('meeting.read') ? t.materials.backToMeeting : t.materials.meetingsTitle}
      </Anchor>
      <Title order={2}>{data ? t.materials.pageTitle(data.meeting.title) : t.materials.title}</Title>
      {data && (
        <Text size="sm" c="dimmed">
          {formatMeetingDate(data.meeting.startDate, data.meeting.endDate)} · {data.meeting.venue}
        </Text>
      )}
      <Text>{t.materials.intro}</Text>
      <MaterialsCard meetingId={id} />
    </Stack>
  );
}

/** /app/materials: the meetings whose materials the caller may read (members: invited; speakers: where they speak). */
export function MaterialMeetingsPage() {
  const t = useMaterialsT();
  const { data, error, isLoading } = useQuery({
    queryKey: ['materials', 'meetings'],
    queryFn: () => call(client.GET('/api/materials/meetings', { params: { query: { limit: 100, offset: 0 } } })),
  });
  return (
    <Stack maw={900}>
      <Title order={2}>{t.materials.meetingsTitle}</Title>
      <Text>{t.materials.meetingsIntro}</Text>
      <ErrorAlert error={error} />
      {isLoading && <Skeleton h={120} />}
      {data && !data.items.length && <Text c="dimmed">{t.materials.noMeetings}</Text>}
      {data?.items.map((m) => (
        <Card withBorder key={m.id} padding="sm">
          <Group justify="space-between" wrap="wrap">
            <Anchor component={Link} to={`/meetings/${m.id}/materials`} fw={600}>
              {m.title}
            </Anchor>
            <Text size="sm">{t.materials.count(m.materialCount)}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {formatMeetingDate(m.startDate, m.endDate)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
