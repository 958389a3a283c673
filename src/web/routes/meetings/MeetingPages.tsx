import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { ApiError, call, client } from '../../api';
import { categoryLabels, institutionCategories } from '../../../shared/categories';
import { meetingStatusLabels, rsvpStateLabels, sendStateLabels } from '../../../shared/meetingStates';
import { formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import type { Delegate, Invitation, MeetingDetail, MeetingSummary } from '../../../shared/schemas/meetings';

const message = (e: unknown) => (e instanceof ApiError ? e.message : 'Terjadi kesalahan');

/** Meetings of an activity (?activityId=), with a form to add one. */
export function MeetingListPage() {
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
      .catch((e) => setError(message(e)));
  }, [activityId]);
  useEffect(load, [load]);
  const create = async () => {
    setError(null);
    try {
      await call(client.POST('/api/meetings', { body: { activityId: activityId!, ...form } }));
      load();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <Stack>
      <Title order={2}>Rapat</Title>
      <Select
        label="Kegiatan"
        placeholder="Semua kegiatan"
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
        <Text c="dimmed">Belum ada rapat.</Text>
      ) : (
        <Stack gap="xs">
          {items.map((m) => (
            <Card withBorder key={m.id} padding="sm">
              <Group justify="space-between">
                <Anchor component={Link} to={`/meetings/${m.id}`} fw={600}>
                  {m.title}
                </Anchor>
                <Badge>{meetingStatusLabels[m.status]}</Badge>
              </Group>
              <Text size="sm">
                {formatMeetingDate(m.startDate, m.endDate)} · {formatMeetingTime(m.startTime, m.endTime)} · {m.venue}
              </Text>
              <Text size="sm" c="dimmed">
                {m.invitationCount} instansi diundang · {m.acceptedCount} hadir · {m.delegateCount} peserta
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {activityId && (
        <Card withBorder padding="sm">
          <Text fw={600}>Rapat baru</Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Nama rapat" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
            <TextInput
              label="Tanggal (YYYY-MM-DD)"
              value={form.startDate}
              onChange={(e) => setForm({ ...form, startDate: e.currentTarget.value })}
            />
            <TextInput
              label="Mulai"
              w={90}
              value={form.startTime}
              onChange={(e) => setForm({ ...form, startTime: e.currentTarget.value })}
            />
            <TextInput label="Selesai" w={90} value={form.endTime} onChange={(e) => setForm({ ...form, endTime: e.currentTarget.value })} />
            <TextInput label="Tempat" value={form.venue} onChange={(e) => setForm({ ...form, venue: e.currentTarget.value })} />
            <Button onClick={create}>Buat rapat</Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}

/** One meeting: agenda editor (arrows to reorder), invitees, letters, sending with the send log, delegates. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const [m, setM] = useState<MeetingDetail | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [delegates, setDelegates] = useState<Delegate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState({ startTime: '', endTime: '', title: '' });
  const [category, setCategory] = useState<string | null>('regency_city');
  const [waLinks, setWaLinks] = useState<{ institutionName: string; whatsappUrl: string | null; problem: string | null }[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
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
      setError(message(e));
    }
  }, [id]);
  useEffect(() => void load(), [load]);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(message(e));
    }
    await load();
  };
  if (!m) return error ? <Alert color="red">{error}</Alert> : <Loader />;
  const version = m.version;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.title}</Title>
        <Badge size="lg">{meetingStatusLabels[m.status]}</Badge>
      </Group>
      <Text>
        {formatMeetingDate(m.startDate, m.endDate)} · {formatMeetingTime(m.startTime, m.endTime)} · {m.venue}
      </Text>
      <Text size="sm" c="dimmed">
        Kegiatan: {m.activityTitle} ({m.fiscalYear}) · Pengelola: {m.managers.map((x) => x.name).join(', ')}
      </Text>
      <Group gap="xs">
        <Button component={Link} to={`/meetings/${m.id}/checkin`} size="xs" variant="light">
          Check-in peserta
        </Button>
        <Button component={Link} to={`/meetings/${m.id}/board`} size="xs" variant="light">
          Papan kehadiran
        </Button>
        <Button component={Link} to={`/meetings/${m.id}/outcomes`} size="xs" variant="light">
          Rumusan, tindak lanjut &amp; sertifikat
        </Button>
      </Group>
      {error && (
        <Alert color="red" data-testid="meeting-error">
          {error}
        </Alert>
      )}

      <Card withBorder>
        <Title order={3} size="h4">
          Susunan acara
        </Title>
        <Table>
          <Table.Tbody>
            {m.agenda.map((s, i) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.startTime}–{s.endTime}
                </Table.Td>
                <Table.Td>
                  {s.title}
                  {s.speakerNames.length ? ` — ${s.speakerNames.join(', ')}` : ''}
                </Table.Td>
                {m.can.manage && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label="Naikkan"
                        disabled={i === 0}
                        onClick={() =>
                          run(() =>
                            call(
                              client.POST('/api/meetings/{id}/agenda/{childId}/move', {
                                params: { path: { id, childId: s.id } },
                                body: { version, direction: 'up' },
                              }),
                            ),
                          )
                        }
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label="Turunkan"
                        disabled={i === m.agenda.length - 1}
                        onClick={() =>
                          run(() =>
                            call(
                              client.POST('/api/meetings/{id}/agenda/{childId}/move', {
                                params: { path: { id, childId: s.id } },
                                body: { version, direction: 'down' },
                              }),
                            ),
                          )
                        }
                      >
                        ↓
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label="Hapus"
                        onClick={() =>
                          run(() =>
                            call(
                              client.DELETE('/api/meetings/{id}/agenda/{childId}', {
                                params: { path: { id, childId: s.id }, query: { version } },
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
        {m.can.manage && (
          <Group align="flex-end" mt="xs" wrap="wrap">
            <TextInput
              label="Mulai"
              w={90}
              placeholder="08:30"
              value={session.startTime}
              onChange={(e) => setSession({ ...session, startTime: e.currentTarget.value })}
            />
            <TextInput
              label="Selesai"
              w={90}
              placeholder="09:00"
              value={session.endTime}
              onChange={(e) => setSession({ ...session, endTime: e.currentTarget.value })}
            />
            <TextInput label="Acara" value={session.title} onChange={(e) => setSession({ ...session, title: e.currentTarget.value })} />
            <Button
              onClick={() =>
                run(async () => {
                  await call(client.POST('/api/meetings/{id}/agenda', { params: { path: { id } }, body: { version, ...session } }));
                  setSession({ startTime: '', endTime: '', title: '' });
                })
              }
            >
              Tambah sesi
            </Button>
          </Group>
        )}
      </Card>

      <Card withBorder>
        <Group justify="space-between">
          <Title order={3} size="h4">
            Undangan ({invitations.length} instansi)
          </Title>
          <Group gap="xs">
            <Button component="a" variant="light" size="xs" href={`/api/meetings/${id}/letters.pdf`}>
              Semua surat (PDF)
            </Button>
            <Button component="a" variant="light" size="xs" href={`/api/meetings/${id}/letters.zip`}>
              Semua surat (ZIP DOCX)
            </Button>
          </Group>
        </Group>
        {m.can.manage && (
          <Group align="flex-end" mt="xs">
            <Select
              label="Undang satu kategori"
              data={institutionCategories.map((c) => ({ value: c, label: `Semua ${categoryLabels[c].id}` }))}
              value={category}
              onChange={setCategory}
            />
            <Button
              onClick={() =>
                run(() =>
                  call(
                    client.POST('/api/meetings/{id}/invitations', {
                      params: { path: { id } },
                      body: { version, category: category as (typeof institutionCategories)[number] },
                    }),
                  ),
                )
              }
            >
              Undang
            </Button>
          </Group>
        )}
        <Table mt="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Instansi</Table.Th>
              <Table.Th>Kuota</Table.Th>
              <Table.Th>Jawaban</Table.Th>
              <Table.Th>Pengiriman</Table.Th>
              <Table.Th>Surat</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((inv) => (
              <Table.Tr key={inv.id} data-testid="invitation-row">
                <Table.Td>
                  <Checkbox
                    aria-label={`Pilih ${inv.institutionName}`}
                    checked={selected.includes(inv.id)}
                    onChange={(e) => setSelected(e.currentTarget.checked ? [...selected, inv.id] : selected.filter((x) => x !== inv.id))}
                  />
                </Table.Td>
                <Table.Td>
                  {inv.institutionName}
                  <Text size="xs" c="dimmed">
                    Yth. {inv.addressee} · {inv.letterNumber}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {inv.delegateCount}/{inv.quota}
                </Table.Td>
                <Table.Td>
                  {rsvpStateLabels[inv.state]}
                  {inv.declineReason ? `: ${inv.declineReason}` : ''}
                </Table.Td>
                <Table.Td>
                  {sendStateLabels[inv.sendState]}
                  {inv.sendError ? (
                    <Text size="xs" c="red">
                      {inv.sendError}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Anchor href={`/api/meetings/${id}/invitations/${inv.id}/letter.pdf`}>PDF</Anchor>
                    <Anchor href={`/api/meetings/${id}/invitations/${inv.id}/letter.docx`}>DOCX</Anchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {m.can.send && (
          <Group mt="xs">
            <Button
              onClick={() =>
                run(async () => {
                  const r = await call(client.POST('/api/meetings/{id}/send', { params: { path: { id } }, body: { version } }));
                  setWaLinks(r.queued);
                })
              }
            >
              Kirim undangan yang belum terkirim
            </Button>
            <Button
              variant="light"
              disabled={!selected.length}
              onClick={() =>
                run(async () => {
                  const r = await call(
                    client.POST('/api/meetings/{id}/send', { params: { path: { id } }, body: { version, invitationIds: selected } }),
                  );
                  setWaLinks(r.queued);
                  setSelected([]);
                })
              }
            >
              Kirim ulang yang dipilih
            </Button>
          </Group>
        )}
        {waLinks.length > 0 && (
          <Stack gap={2} mt="xs">
            <Text fw={600} size="sm">
              Tautan WhatsApp (tautan RSVP baru)
            </Text>
            {waLinks.map((w) => (
              <Text size="sm" key={w.institutionName}>
                {w.institutionName}:{' '}
                {w.whatsappUrl ? (
                  <Anchor href={w.whatsappUrl} target="_blank">
                    Bagikan via WhatsApp
                  </Anchor>
                ) : (
                  'tanpa nomor WhatsApp'
                )}
                {w.problem ? ` — ${w.problem}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={3} size="h4">
          Peserta terdaftar ({delegates.length})
        </Title>
        <Table striped>
          <Table.Tbody>
            {delegates.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>{d.position}</Table.Td>
                <Table.Td>{d.institutionName}</Table.Td>
                <Table.Td>
                  {d.walkIn ? 'Datang langsung' : ''}
                  {d.quotaOverride ? ' (lewati kuota)' : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
