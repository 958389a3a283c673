import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ApiError, call, client } from '../../api';
import { useMeetingsT } from './i18n';
import type { AgendaSession, MeetingDetail } from '../../../shared/schemas/meetings';

type Speaker = { id: string; name: string; institution: string | null };
type Form = {
  day: string | null;
  startTime: string;
  endTime: string;
  title: string;
  speakerIds: string[];
  moderator: string | null;
  topics: string;
};
const blank: Form = { day: null, startTime: '', endTime: '', title: '', speakerIds: [], moderator: null, topics: '' };

/** The meeting's days (for a meeting of several days, each session picks one). */
function daysOf(m: MeetingDetail): string[] {
  const days: string[] = [];
  for (let d = new Date(`${m.startDate}T00:00:00Z`); d.toISOString().slice(0, 10) <= m.endDate; d.setUTCDate(d.getUTCDate() + 1))
    days.push(d.toISOString().slice(0, 10));
  return days;
}

/**
 * Susunan acara: the sessions in order; the managers add and change sessions (speakers and moderator picked from
 * the activity's speakers), reorder them with the arrows or by dragging a row, and see the server's checks
 * (overlap, a speaker twice at once, outside the meeting's hours, ending before it starts) next to the fields.
 */
export function AgendaCard({ m, reload, onError }: { m: MeetingDetail; reload: () => Promise<void>; onError: (e: string | null) => void }) {
  const t = useMeetingsT().meetings;
  const [speakers, setSpeakers] = useState<Speaker[]>([]);
  const [form, setForm] = useState<Form>(blank);
  const [editing, setEditing] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const days = daysOf(m);

  useEffect(() => {
    if (!m.can.manage) return;
    call(client.GET('/api/activities/{id}', { params: { path: { id: m.activityId } } }))
      .then((a) => setSpeakers((a as { speakers: Speaker[] }).speakers))
      .catch(() => setSpeakers([]));
  }, [m.activityId, m.can.manage]);

  const run = async (fn: () => Promise<unknown>) => {
    onError(null);
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      onError(e instanceof ApiError ? e.message : t.error);
    } finally {
      setBusy(false);
      await reload();
    }
  };

  const save = async () => {
    setFields({});
    setFormError(null);
    const body = {
      version: m.version,
      day: days.length > 1 ? form.day : null,
      startTime: form.startTime,
      endTime: form.endTime,
      title: form.title,
      speakerIds: form.speakerIds,
      moderator: form.moderator,
      topics: form.topics || null,
    };
    try {
      if (editing)
        await call(client.PATCH('/api/meetings/{id}/agenda/{childId}', { params: { path: { id: m.id, childId: editing } }, body }));
      else await call(client.POST('/api/meetings/{id}/agenda', { params: { path: { id: m.id } }, body }));
      setForm(blank);
      setEditing(null);
      await reload();
    } catch (e) {
      if (e instanceof ApiError) {
        setFields(e.fields);
        if (!Object.keys(e.fields).length) setFormError(e.message);
      } else setFormError(t.error);
    }
  };

  const edit = (s: AgendaSession) => {
    setEditing(s.id);
    setFields({});
    setFormError(null);
    setForm({
      day: s.day,
      startTime: s.startTime,
      endTime: s.endTime,
      title: s.title,
      speakerIds: s.speakerIds,
      moderator: s.moderator,
      topics: s.topics ?? '',
    });
  };

  /** Moves a session by |to - from| steps, one server move at a time (each answers the meeting's next version). */
  const moveTo = (from: number, to: number) =>
    run(async () => {
      const s = m.agenda[from];
      if (!s || from === to) return;
      let version = m.version;
      for (let i = 0; i < Math.abs(to - from); i++) {
        const r = await call(
          client.POST('/api/meetings/{id}/agenda/{childId}/move', {
            params: { path: { id: m.id, childId: s.id } },
            body: { version, direction: to < from ? 'up' : 'down' },
          }),
        );
        version = r.meetingVersion;
      }
    });

  const speakerOptions = speakers.map((s) => ({ value: s.id, label: s.institution ? `${s.name} — ${s.institution}` : s.name }));
  const moderatorOptions = [...new Set([...speakers.map((s) => s.name), ...(form.moderator ? [form.moderator] : [])])];

  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t.agenda}
      </Title>
      {m.agenda.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noSessions}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.time}</Table.Th>
                <Table.Th>{t.session}</Table.Th>
                {m.can.manage && <Table.Th aria-label={t.dragHint} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.agenda.map((s, i) => (
                <Table.Tr
                  key={s.id}
                  data-testid="agenda-row"
                  draggable={m.can.manage && !busy}
                  onDragStart={() => setDragged(i)}
                  onDragOver={(e) => {
                    if (dragged !== null) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragged !== null) void moveTo(dragged, i);
                    setDragged(null);
                  }}
                  style={m.can.manage ? { cursor: 'grab' } : undefined}
                  bg={editing === s.id ? 'var(--mantine-color-blue-light)' : undefined}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {days.length > 1 && s.day ? `${s.day} ` : ''}
                    {s.startTime}–{s.endTime}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.title}
                    </Text>
                    {(s.speakerNames.length > 0 || s.moderator) && (
                      <Text size="xs" c="dimmed">
                        {s.speakerNames.length ? `${t.speakers}: ${s.speakerNames.join(', ')}` : ''}
                        {s.speakerNames.length && s.moderator ? ' · ' : ''}
                        {s.moderator ? `${t.moderator}: ${s.moderator}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  {m.can.manage && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t.moveUp(s.title)}
                          disabled={i === 0 || busy}
                          onClick={() => void moveTo(i, i - 1)}
                        >
                          ↑
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t.moveDown(s.title)}
                          disabled={i === m.agenda.length - 1 || busy}
                          onClick={() => void moveTo(i, i + 1)}
                        >
                          ↓
                        </ActionIcon>
                        <ActionIcon variant="subtle" aria-label={t.edit(s.title)} onClick={() => edit(s)}>
                          ✎
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          aria-label={t.remove(s.title)}
                          disabled={busy}
                          onClick={() =>
                            void run(() =>
                              call(
                                client.DELETE('/api/meetings/{id}/agenda/{childId}', {
                                  params: { path: { id: m.id, childId: s.id }, query: { version: m.version } },
                                }),
                              ),
                            )
                          }
                        >
                          ×
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {m.can.manage && (
        <Stack gap="xs" mt="sm" data-testid="agenda-form">
          <Text fw={600} size="sm">
            {editing ? t.editSession : t.addSession}
          </Text>
          {m.agenda.length > 1 && (
            <Text size="xs" c="dimmed">
              {t.dragHint}
            </Text>
          )}
          <Group align="flex-start" wrap="wrap" gap="xs">
            {days.length > 1 && (
              <Select
                label={t.day}
                data={days}
                value={form.day}
                onChange={(v) => setForm({ ...form, day: v })}
                error={fields.day}
                w={150}
              />
            )}
            <TextInput
              label={t.start}
              type="time"
              w={120}
              value={form.startTime}
              onChange={(e) => setForm({ ...form, startTime: e.currentTarget.value })}
              error={fields.startTime}
            />
            <TextInput
              label={t.end}
              type="time"
              w={120}
              value={form.endTime}
              onChange={(e) => setForm({ ...form, endTime: e.currentTarget.value })}
              error={fields.endTime}
            />
          </Group>
          <TextInput
            label={t.session}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={fields.title}
          />
          <MultiSelect
            label={t.speakers}
            placeholder={speakers.length ? t.pickSpeakers : undefined}
            description={speakers.length ? undefined : t.noSpeakers}
            data={speakerOptions}
            value={form.speakerIds}
            onChange={(v) => setForm({ ...form, speakerIds: v })}
            error={fields.speakerIds}
            searchable
            clearable
          />
          <Select
            label={t.moderator}
            placeholder={speakers.length ? t.pickModerator : undefined}
            data={moderatorOptions}
            value={form.moderator}
            onChange={(v) => setForm({ ...form, moderator: v })}
            error={fields.moderator}
            searchable
            clearable
          />
          <Textarea
            label={t.topics}
            autosize
            minRows={1}
            value={form.topics}
            onChange={(e) => setForm({ ...form, topics: e.currentTarget.value })}
            error={fields.topics}
          />
          {formError && (
            <Alert color="red" p="xs" data-testid="agenda-error">
              {formError}
            </Alert>
          )}
          <Group gap="xs">
            <Button onClick={() => void save()}>{editing ? t.save : t.addSession}</Button>
            {editing && (
              <Button
                variant="default"
                onClick={() => {
                  setEditing(null);
                  setForm(blank);
                  setFields({});
                }}
              >
                {t.cancel}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
