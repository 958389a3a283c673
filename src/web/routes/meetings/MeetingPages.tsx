import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Collapse, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ApiError, call, client } from '../../api';
import { useMeetingsT } from './i18n';
import { formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import type { Delegate, Invitation, MeetingDetail, MeetingSummary } from '../../../shared/schemas/meetings';
import { AgendaCard } from './AgendaCard';
import { InvitationsCard } from './InvitationsCard';
import { WalkInForm } from './WalkInForm';
import { MaterialsCard } from '../materials/MaterialsCard';
import { MinutesLink } from '../minutes/MinutesLink';
import { SurveyLink } from '../survey/SurveyLink';

const message = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback);

/** Meetings of an activity (?activityId=), with a form to add one. */
export function MeetingListPage() {
  const t = useMeetingsT().meetings;
  const [params, setParams] = useSearchParams();
  const activityId = params.get('activityId') ?? undefined;
  const [activities, setActivities] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    call(client.GET('/api/activities', { params: { query: { limit: 200, offset: 0 } as never } }))
      .then((r) =>
        setActivities(
          (r as { items: { id: string; title: string; fiscalYear: number }[] }).items.map((a) => ({
            value: a.id,
            label: `${a.title} (${a.fiscalYear})`,
          })),
        ),
      )
      .catch(() => setActivities([]));
  }, []);
  const [items, setItems] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({
    title: 'Rapat Koordinasi Kehumasan',
    startDate: '',
    startTime: '08:00',
    endTime: '12:00',
    venue: 'Aula Kantor Gubernur',
  });
  const load = useCallback(() => {
    call(client.GET('/api/meetings', { params: { query: { activityId, limit: 200, offset: 0 } } }))
      .then((r) => setItems(r.items as MeetingSummary[]))
      .catch((e) => setError(message(e, t.error)));
  }, [activityId, t]);
  useEffect(load, [load]);
  const create = async () => {
    setError(null);
    try {
      await call(client.POST('/api/meetings', { body: { activityId: activityId!, ...form } }));
      load();
    } catch (e) {
      setError(message(e, t.error));
    }
  };
  return (
    <Stack>
      <Title order={2}>{t.listTitle}</Title>
      <Select
        label={t.activity}
        placeholder={t.allActivities}
        clearable
        searchable
        data={activities}
        value={activityId ?? null}
        onChange={(v) => setParams(v ? { activityId: v } : {})}
        maw={480}
      />
      {error && <Alert color="red">{error}</Alert>}
      {!items ? (
        <Loader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t.none}</Text>
      ) : (
        <Stack gap="xs">
          {items.map((m) => (
            <Card withBorder key={m.id} padding="sm">
              <Group justify="space-between">
                <Anchor component={Link} to={`/meetings/${m.id}`} fw={600}>
                  {m.title}
                </Anchor>
                <Badge>{t.status[m.status]}</Badge>
              </Group>
              <Text size="sm">
                {formatMeetingDate(m.startDate, m.endDate)} · {formatMeetingTime(m.startTime, m.endTime)} · {m.venue}
              </Text>
              <Text size="sm" c="dimmed">
                {t.summary(m.invitationCount, m.acceptedCount, m.delegateCount)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {activityId && (
        <Card withBorder padding="sm">
          <Text fw={600}>{t.newMeeting}</Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t.meetingTitle} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
            <TextInput label={t.date} value={form.startDate} onChange={(e) => setForm({ ...form, startDate: e.currentTarget.value })} />
            <TextInput
              label={t.start}
              w={90}
              value={form.startTime}
              onChange={(e) => setForm({ ...form, startTime: e.currentTarget.value })}
            />
            <TextInput label={t.end} w={90} value={form.endTime} onChange={(e) => setForm({ ...form, endTime: e.currentTarget.value })} />
            <TextInput label={t.venue} value={form.venue} onChange={(e) => setForm({ ...form, venue: e.currentTarget.value })} />
            <Button onClick={create}>{t.create}</Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}

/** One meeting: agenda editor, invitees, letters, sending with the send log, delegates and walk-ins. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const t = useMeetingsT().meetings;
  const [m, setM] = useState<MeetingDetail | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [delegates, setDelegates] = useState<Delegate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const load = useCallback(async () => {
    try {
      const [detail, inv, del] = await Promise.all([
        call(client.GET('/api/meetings/{id}', { params: { path: { id } } })),
        call(client.GET('/api/meetings/{id}/invitations', { params: { path: { id }, query: { limit: 200, offset: 0 } } })),
        call(client.GET('/api/meetings/{id}/delegates', { params: { path: { id }, query: { limit: 200, offset: 0 } } })),
      ]);
      setM(detail as MeetingDetail);
      setInvitations(inv.items as Invitation[]);
      setDelegates(del.items as Delegate[]);
    } catch (e) {
      setError(message(e, t.error));
    }
  }, [id, t]);
  useEffect(() => void load(), [load]);
  if (!m) return error ? <Alert color="red">{error}</Alert> : <Loader />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.title}</Title>
        <Badge size="lg">{t.status[m.status]}</Badge>
      </Group>
      <Text>
        {formatMeetingDate(m.startDate, m.endDate)} · {formatMeetingTime(m.startTime, m.endTime)} · {m.venue}
      </Text>
      <Text size="sm" c="dimmed">
        {t.activityLine(m.activityTitle, m.fiscalYear, m.managers.map((x) => x.name).join(', '))}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Button component={Link} to={`/meetings/${m.id}/checkin`} size="xs" variant="light">
          {t.checkIn}
        </Button>
        <Button component={Link} to={`/meetings/${m.id}/board`} size="xs" variant="light">
          {t.board}
        </Button>
        <Button component={Link} to={`/meetings/${m.id}/outcomes`} size="xs" variant="light">
          {t.outcomes}
        </Button>
        <MinutesLink meetingId={m.id} />
        <SurveyLink meetingId={m.id} />
      </Group>
      {error && (
        <Alert color="red" data-testid="meeting-error">
          {error}
        </Alert>
      )}

      <AgendaCard m={m} reload={load} onError={setError} />
      <InvitationsCard m={m} invitations={invitations} reload={load} onError={setError} />
      <MaterialsCard meetingId={m.id} linkToPage />

      <Card withBorder>
        <Title order={3} size="h4">
          {t.delegates(delegates.length)}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Tbody>
              {delegates.map((d) => (
                <Table.Tr key={d.id} data-testid="delegate-row">
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{d.position}</Table.Td>
                  <Table.Td>{d.institutionName}</Table.Td>
                  <Table.Td>
                    {d.walkIn ? t.walkInLabel : ''}
                    {d.quotaOverride ? t.overrideLabel : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {m.can.manage && (
          <Stack gap="xs" mt="xs">
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              onClick={() => setWalkInOpen((o) => !o)}
              aria-expanded={walkInOpen}
              aria-controls="meeting-walk-in"
            >
              {t.walkInOpen}
            </Button>
            <Collapse in={walkInOpen} id="meeting-walk-in">
              {walkInOpen && <WalkInForm meetingId={m.id} onRegistered={load} />}
            </Collapse>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
