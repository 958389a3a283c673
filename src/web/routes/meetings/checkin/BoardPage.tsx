import { useParams } from 'react-router';
import { Alert, Anchor, Badge, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiHref, call, client } from '../../../api';
import { useCheckInT } from './i18n';
import { formatDateId } from '../../../../shared/dates';
import type { Attendance } from '../../../../shared/schemas/checkIn';
import { clock } from './CheckInPage';

/**
 * The live attendance board for the projector: polls the server every 5 seconds (a board that loses the
 * network keeps the last figures and says when they were taken).
 */
export function BoardPage() {
  const { meetingId = '' } = useParams();
  const t = useCheckInT().checkIn;
  const q = useQuery({
    queryKey: ['attendance', meetingId],
    queryFn: async () =>
      (await call(client.GET('/api/meetings/{meetingId}/attendance', { params: { path: { meetingId } } }))) as Attendance,
    refetchInterval: 5000,
    refetchIntervalInBackground: true,
  });
  if (q.isPending) return <Loader m="xl" />;
  if (!q.data)
    return (
      <Alert color="red" m="md">
        {q.error?.message}
      </Alert>
    );
  const a = q.data;
  const maxSlot = Math.max(1, ...a.arrivals.map((s) => s.count));
  return (
    <Stack p="md" gap="md" style={{ minHeight: '100vh' }}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t.boardTitle}</Title>
          <Text size="xl">{a.meeting.title}</Text>
          <Text c="dimmed">
            {formatDateId(a.day)} · {a.meeting.venue}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Badge size="lg" color={q.isError ? 'red' : 'teal'}>
            {t.updatedAt(clock(a.generatedAt))}
          </Badge>
          <Group gap="xs">
            <Anchor
              size="sm"
              href={apiHref('/api/meetings/{meetingId}/attendance-list.pdf', { path: { meetingId }, query: { day: a.day } })}
            >
              {t.attendancePdf}
            </Anchor>
            <Anchor
              size="sm"
              href={apiHref('/api/meetings/{meetingId}/attendance-list.xlsx', { path: { meetingId }, query: { day: a.day } })}
            >
              {t.attendanceXlsx}
            </Anchor>
            <Anchor size="sm" href={apiHref('/api/meetings/{meetingId}/name-tags.pdf', { path: { meetingId } })}>
              {t.nameTags}
            </Anchor>
          </Group>
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t.present}
          </Text>
          <Text fz={56} fw={800} lh={1} data-testid="board-checked-in">
            {a.totals.checkedIn}
          </Text>
          <Text>
            {t.of} {a.totals.registered} {t.registered}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t.institutionsPresent}
          </Text>
          <Text fz={56} fw={800} lh={1}>
            {a.totals.presentInstitutions}
          </Text>
          <Text>
            {t.of} {a.totals.invitedInstitutions} {t.invitedInstitutions}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t.walkIns}
          </Text>
          <Text fz={56} fw={800} lh={1}>
            {a.totals.walkIns}
          </Text>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} mb="xs">
            {t.byCategory}
          </Title>
          <Stack gap="xs">
            {a.byCategory
              .filter((c) => c.invited > 0)
              .map((c) => (
                <div key={c.category}>
                  <Text fw={600} data-testid="category-line">
                    {t.categoryLine(c.label, c.present, c.invited)}
                  </Text>
                  <Progress value={(100 * c.present) / Math.max(1, c.invited)} size="lg" />
                </div>
              ))}
          </Stack>
          <Title order={4} mt="md" mb="xs">
            {t.arrivals}
          </Title>
          <Group gap={4} align="flex-end" h={120} wrap="nowrap" style={{ overflowX: 'auto' }}>
            {a.arrivals.map((s) => (
              <Stack key={s.slot} gap={2} align="center" justify="flex-end" h="100%">
                <Text size="xs">{s.count}</Text>
                <div
                  style={{ width: 28, height: `${(80 * s.count) / maxSlot}px`, background: 'var(--mantine-color-teal-6)', borderRadius: 3 }}
                />
                <Text size="xs" c="dimmed">
                  {s.slot.replace(':', '.')}
                </Text>
              </Stack>
            ))}
          </Group>
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            {t.missing} ({a.missing.length})
          </Title>
          {a.missing.length === 0 ? (
            <Text>{t.noneMissing}</Text>
          ) : (
            <Stack gap={2} data-testid="missing">
              {a.missing.map((m) => (
                <Text key={m.institutionId}>{m.name}</Text>
              ))}
            </Stack>
          )}
          <Title order={4} mt="md" mb="xs">
            {t.recentArrivals}
          </Title>
          <Stack gap={2}>
            {a.recent.map((r, i) => (
              <Group key={i} justify="space-between" wrap="nowrap">
                <Text truncate>
                  {r.name}
                  {r.institution ? ` · ${r.institution}` : ''}
                </Text>
                <Text c="dimmed">{clock(r.at)}</Text>
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
