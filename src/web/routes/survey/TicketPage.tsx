import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Anchor, Badge, Card, Container, Group, Image, List, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiError, call, client } from '../../api';
import type { TicketView } from '../../../shared/schemas/survey';
import { useSurveyT } from './i18n';
import { SurveySection } from './SurveyForm';
import { TicketMaterials } from '../materials/TicketMaterials';

/**
 * The participant's ticket page, opened from the confirmation e-mail (no account: the ticket link is the credential):
 * the meeting and its agenda, the QR to show at the desk, the ticket files, the certificate once there is one,
 * and the feedback survey after check-in. Laid out for a 360-px phone.
 */
export function TicketPage() {
  const { token = '' } = useParams();
  const t = useSurveyT().survey.ticket;
  const [view, setView] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      call(client.GET('/api/tickets/{token}', { params: { path: { token } } }))
        .then((v) => setView(v as TicketView))
        .catch((e) => setError(e instanceof ApiError ? e.message : t.loadFailed)),
    [token, t.loadFailed],
  );
  useEffect(() => {
    void load();
  }, [load]);

  if (error && !view)
    return (
      <Container size={480} px="sm" py="lg">
        <Title order={1} size="h3" mb="sm">
          {t.linkFailed}
        </Title>
        <Alert color="red">{error}</Alert>
      </Container>
    );
  if (!view) return <Loader m="xl" role="status" aria-label="Memuat…" />;

  const m = view.meeting;
  return (
    <Container size={560} px="sm" py="md" component="main">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t.eyebrow}
        </Text>
        <Title order={1} size="h3">
          {m.title}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{view.name}</Text>
          <Badge color={view.checkedIn ? 'teal.9' : 'gray.7'} variant="filled">
            {view.checkedIn ? t.checkedIn : t.notCheckedIn}
          </Badge>
        </Group>
        {(view.position || view.institution) && <Text size="sm">{[view.position, view.institution].filter(Boolean).join(', ')}</Text>}
        <Card withBorder padding="sm">
          <Text size="sm">
            <b>{t.date}:</b> {m.dateText}
          </Text>
          <Text size="sm">
            <b>{t.time}:</b> {m.timeText}
          </Text>
          <Text size="sm">
            <b>{t.venue}:</b> {[m.venue, m.venueAddress].filter(Boolean).join(', ')}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Title order={2} size="h4" mb="xs">
            {t.qrTitle}
          </Title>
          <Image src={view.qrUrl} alt={t.qrAlt(view.name)} w={220} h={220} mx="auto" />
          <Text size="sm" ta="center" c="dimmed" mt="xs">
            {t.qrHint}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Title order={2} size="h4" mb="xs">
            {t.downloads}
          </Title>
          <Stack gap={6}>
            <Anchor href={view.ticketPdfUrl}>{t.ticketPdf}</Anchor>
            <Anchor href={view.calendarUrl}>{t.calendar}</Anchor>
            {view.certificateUrl ? (
              <Anchor href={view.certificateUrl}>{t.certificate}</Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                {t.noCertificate}
              </Text>
            )}
          </Stack>
        </Card>
        <Card withBorder padding="sm">
          <Title order={2} size="h4" mb="xs">
            {t.agenda}
          </Title>
          {m.sessions.length ? (
            <List spacing={4} size="sm">
              {m.sessions.map((s) => (
                <List.Item key={s.id}>
                  <b>{s.time}</b> {s.title}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t.noAgenda}
            </Text>
          )}
        </Card>
        <TicketMaterials token={token} />
        <SurveySection token={token} view={view} onAnswered={load} />
      </Stack>
    </Container>
  );
}
