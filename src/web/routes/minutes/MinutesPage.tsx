import { Alert, Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiHref, call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { RichTextInput } from '../../components/RichTextInput';
import { formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import type { Minutes } from '../../../shared/schemas/minutes';
import { SafeHtml } from '../../components/SafeHtml';
import { AttendanceCard } from './AttendanceCard';
import { useMinutesT } from './i18n';

type Draft = {
  chairName: string;
  chairPosition: string;
  noteTakerName: string;
  noteTakerPosition: string;
  openingHtml: string;
  closingHtml: string;
  sessions: Record<string, string>;
};

const draftOf = (m: Minutes): Draft => ({
  chairName: m.chairName ?? '',
  chairPosition: m.chairPosition ?? '',
  noteTakerName: m.noteTakerName ?? '',
  noteTakerPosition: m.noteTakerPosition ?? '',
  openingHtml: m.openingHtml,
  closingHtml: m.closingHtml,
  sessions: Object.fromEntries(m.sessions.map((s) => [s.sessionId, s.bodyHtml])),
});

const minutesKey = (id: string) => ['minutes', id];

/** The minutes of one meeting: chair and note-taker, opening, discussion per session, closing; attendance; downloads. */
export function MinutesPage() {
  const { id = '' } = useParams();
  const t = useMinutesT().minutes;
  const qc = useQueryClient();
  const { data, error, isLoading, refetch } = useQuery({
    queryKey: minutesKey(id),
    queryFn: () => call(client.GET('/api/meetings/{id}/minutes', { params: { path: { id } } })),
    // A refetch would replace what is being typed: the page reloads only after a save or on request.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);
  const save = useMutation({
    mutationFn: (d: Draft) =>
      call(
        client.PUT('/api/meetings/{id}/minutes', {
          params: { path: { id } },
          body: {
            ...d,
            chairPosition: d.chairPosition || null,
            noteTakerPosition: d.noteTakerPosition || null,
            sessions: Object.entries(d.sessions).map(([sessionId, bodyHtml]) => ({ sessionId, bodyHtml })),
            version: data!.version,
          },
        }),
      ),
    onSuccess: (saved) => {
      qc.setQueryData(minutesKey(id), saved);
      notifications.show({ color: 'teal', message: t.saved });
    },
  });
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data || !draft) return <Skeleton h={300} />;
  const m = data.meeting;
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const stale = save.error instanceof ApiError && save.error.status === 409 && save.error.code !== 'invalid_state';
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const write = data.can.write;
  const body = (label: string, value: string, onChange: (html: string) => void, field: string) =>
    write ? (
      <RichTextInput label={label} value={value} onChange={onChange} error={fields[field]} minHeight={120} />
    ) : (
      <Stack gap={4}>
        <Text fw={500}>{label}</Text>
        {value ? <SafeHtml html={value} /> : <Text c="dimmed">{t.empty}</Text>}
      </Stack>
    );
  const text = (key: 'chairName' | 'chairPosition' | 'noteTakerName' | 'noteTakerPosition', required = false) => (
    <TextInput
      label={t[key]}
      value={draft[key]}
      required={required}
      readOnly={!write}
      maxLength={200}
      error={fields[key]}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
    />
  );

  return (
    <Stack>
      <Anchor component={Link} to={`/meetings/${id}`} size="sm">
        ← {t.backToMeeting}
      </Anchor>
      <PageHeader
        title={t.title}
        description={`${m.title} · ${formatMeetingDate(m.startDate, m.endDate)} · ${formatMeetingTime(m.startTime, m.endTime)} · ${m.venue}`}
        actions={
          <>
            <Button component="a" variant="default" href={apiHref('/api/meetings/{id}/minutes.docx', { path: { id } })}>
              {t.downloadDocx}
            </Button>
            <Button component="a" variant="default" href={apiHref('/api/meetings/{id}/minutes.pdf', { path: { id } })}>
              {t.downloadPdf}
            </Button>
          </>
        }
      />
      {!write && <Alert color="gray">{t.readOnly}</Alert>}
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t.people}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('chairName', true)}
          {text('chairPosition')}
          {text('noteTakerName', true)}
          {text('noteTakerPosition')}
        </SimpleGrid>
      </Card>
      <AttendanceCard attendance={data.attendance} />
      <Card withBorder>{body(t.opening, draft.openingHtml, (openingHtml) => set({ openingHtml }), 'openingHtml')}</Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t.discussion}
        </Title>
        {data.sessions.length === 0 && <Text c="dimmed">{t.noSessions}</Text>}
        <Stack>
          {data.sessions.map((s, i) => (
            <Stack key={s.sessionId} gap={4} data-testid={`session-${i}`}>
              {s.moderator && (
                <Text size="sm" c="dimmed">
                  {t.moderator(s.moderator)}
                </Text>
              )}
              {body(
                t.sessionBody(`${s.startTime.replace(':', '.')}–${s.endTime.replace(':', '.')} ${s.title}`),
                draft.sessions[s.sessionId] ?? '',
                (html) => setDraft((d) => (d ? { ...d, sessions: { ...d.sessions, [s.sessionId]: html } } : d)),
                `sessions.${i}.bodyHtml`,
              )}
            </Stack>
          ))}
        </Stack>
      </Card>
      <Card withBorder>{body(t.closing, draft.closingHtml, (closingHtml) => set({ closingHtml }), 'closingHtml')}</Card>
      {stale ? (
        <Alert color="orange" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text>{t.stale}</Text>
            <Button size="xs" variant="light" onClick={() => void refetch().then(() => save.reset())}>
              {t.reload}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      {write && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {data.updatedAt ? t.lastSaved(new Date(data.updatedAt).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' })) : t.notSaved}
          </Text>
          <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
            {t.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
