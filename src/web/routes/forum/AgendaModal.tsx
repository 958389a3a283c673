import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatMeetingDate } from '../../../shared/meetingDates';
import { call, client } from '../../api';
import { ErrorAlert, notifySuccess } from '../../components/errors';
import { useForumT } from './i18n';
import { forumKeys } from './api';

/**
 * "Tambahkan ke susunan acara": the bureau picks a meeting that is not finished and one of its agenda sessions;
 * the server links the topics to the session (status "dibahas di rapat") and lists them in the session's topics.
 */
export function AgendaModal({
  topics,
  opened,
  onClose,
}: {
  topics: { id: string; title: string }[];
  opened: boolean;
  onClose: () => void;
}) {
  const t = useForumT();
  const f = t.forum;
  const queryClient = useQueryClient();
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const meetings = useQuery({
    queryKey: ['meetings', 'forum-agenda'],
    queryFn: () => call(client.GET('/api/meetings', { params: { query: { limit: 200, offset: 0 } } })),
    enabled: opened,
  });
  const meeting = useQuery({
    queryKey: ['meeting', meetingId],
    queryFn: () => call(client.GET('/api/meetings/{id}', { params: { path: { id: meetingId! } } })),
    enabled: opened && !!meetingId,
  });
  const add = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/forum/agenda', {
          body: { meetingId: meetingId!, sessionId: sessionId!, meetingVersion: meeting.data!.version, topicIds: topics.map((x) => x.id) },
        }),
      ),
    onSuccess: () => {
      notifySuccess(f.added);
      void queryClient.invalidateQueries({ queryKey: forumKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['meeting', meetingId] });
      setSessionId(null);
      onClose();
    },
  });
  const open = (meetings.data?.items ?? []).filter((m) => m.status !== 'done' && m.status !== 'cancelled');
  const sessions = meeting.data?.agenda ?? [];
  const title = topics.length === 1 ? f.agendaTitle(topics[0]!.title) : f.addToAgenda;

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        {meetings.data && !open.length ? <Text c="dimmed">{f.noMeetings}</Text> : null}
        <Select
          label={f.meeting}
          placeholder={f.chooseMeeting}
          searchable
          data={open.map((m) => ({ value: m.id, label: `${m.title} · ${formatMeetingDate(m.startDate, m.endDate)}` }))}
          value={meetingId}
          onChange={(v) => {
            setMeetingId(v);
            setSessionId(null);
          }}
          comboboxProps={{ withinPortal: false }}
        />
        {meeting.data && !meeting.data.can.manage ? <Alert color="yellow">{t.common.errors.forbidden}</Alert> : null}
        {meeting.data && meeting.data.can.manage && !sessions.length ? (
          <Text size="sm" c="dimmed">
            {f.noMeetings}
          </Text>
        ) : null}
        <Select
          label={f.session}
          disabled={!sessions.length}
          data={sessions.map((s) => ({
            value: s.id,
            label: `${s.day ? `${formatMeetingDate(s.day, s.day)} ` : ''}${s.startTime}–${s.endTime} · ${s.title}`,
          }))}
          value={sessionId}
          onChange={setSessionId}
          comboboxProps={{ withinPortal: false }}
        />
        <ErrorAlert error={add.error ?? meetings.error ?? meeting.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!sessionId || !meeting.data?.can.manage}>
            {f.addToAgenda}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
