import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Badge, Button, Card, Collapse, Container, FileButton, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { ApiError, call, client } from '../../../api';
import { useCheckInT } from './i18n';
import { useMeetingsT } from '../i18n';
import { normalizeSearch, searchTerms } from '../../../../shared/text';
import {
  badgePrefix,
  ticketToken,
  type CheckInResult,
  type DeviceParticipant,
  type ParticipantList,
} from '../../../../shared/schemas/checkIn';
import {
  arrivalKey,
  arrivals as loadArrivals,
  deviceLabel,
  loadList,
  newClientId,
  putArrival,
  queued,
  recordLocally,
  saveList,
  setDeviceLabel,
  sha256Hex,
  type Arrival,
} from './store';
import { syncQueue } from './sync';
import { setUpCheckInPwa } from './pwa';
import { WalkInForm } from '../WalkInForm';
import type { Delegate } from '../../../../shared/schemas/meetings';

type StoredList = ParticipantList & { savedAt: string };
type Shown = { kind: 'ok' | 'already' | 'error'; text: string };

/** "09.12" in WIB. */
export function clock(iso: string): string {
  return new Date(iso)
    .toLocaleTimeString('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .replace(':', '.');
}

/** Today in WIB, clamped into the meeting's days (the server counts a check-in for the same day). */
function meetingDay(list: ParticipantList): string {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  if (today < list.meeting.startDate) return list.meeting.startDate;
  if (today > list.meeting.endDate) return list.meeting.endDate;
  return today;
}

/**
 * The check-in screen on a committee phone. Works without the network: the participant list lives in
 * IndexedDB, each check-in is recorded on the phone and queued with a client id, the waiting count is
 * shown, and the queue is sent when the network returns (the server applies each client id once).
 */
export function CheckInPage() {
  const { meetingId = '' } = useParams();
  const all = useCheckInT();
  const walkInTexts = useMeetingsT().meetings;
  const t = all.checkIn;
  const [list, setList] = useState<StoredList | null | undefined>(undefined);
  const [arrived, setArrived] = useState<Arrival[]>([]);
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [query, setQuery] = useState('');
  const [device, setDevice] = useState(deviceLabel);
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState(false);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const lastScan = useRef<{ text: string; at: number }>({ text: '', at: 0 });

  const refresh = useCallback(async () => {
    setList((await loadList(meetingId)) ?? null);
    setArrived(await loadArrivals(meetingId));
    setWaiting((await queued(meetingId)).length);
  }, [meetingId]);

  const download = useCallback(async () => {
    try {
      const fresh = await call(client.GET('/api/meetings/{meetingId}/check-in/participants', { params: { path: { meetingId } } }));
      await saveList(fresh as ParticipantList);
    } catch {
      // Offline or refused: keep what the phone has.
    }
    await refresh();
  }, [meetingId, refresh]);

  const sync = useCallback(async () => {
    setSyncing(true);
    try {
      const outcome = await syncQueue(meetingId);
      if (outcome.notes.length) setNotes((n) => [...outcome.notes.map((x) => x.message), ...n].slice(0, 20));
      setSyncError(outcome.stopped === 'login' ? t.loginNeeded : outcome.stopped === 'network' ? t.syncFailed : null);
    } finally {
      setSyncing(false);
      await refresh();
    }
  }, [meetingId, refresh, t]);

  useEffect(() => {
    localStorage.setItem('simpul.checkin.lastMeeting', meetingId);
    setUpCheckInPwa();
    void refresh().then(async () => {
      if (navigator.onLine) {
        await download();
        await sync();
      }
    });
    const up = () => {
      setOnline(true);
      void sync().then(download);
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    // Keep trying while something waits (a network that comes back without an 'online' event).
    const timer = setInterval(() => {
      if (navigator.onLine) void queued(meetingId).then((q) => (q.length ? sync() : undefined));
    }, 15_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearInterval(timer);
    };
  }, [meetingId]); // eslint-disable-line react-hooks/exhaustive-deps

  const day = list ? meetingDay(list) : '';
  const arrivedToday = useMemo(
    () => new Map(arrived.filter((a) => a.meetingDay === day).map((a) => [a.registrationId, a])),
    [arrived, day],
  );

  const checkInPerson = async (p: DeviceParticipant, ticket?: string) => {
    if (!list) return;
    const known = arrivedToday.get(p.id);
    if (known) {
      const by =
        known.byName || known.deviceLabel
          ? ` oleh ${[known.byName, known.deviceLabel && (known.byName ? `(${known.deviceLabel})` : known.deviceLabel)].filter(Boolean).join(' ')}`
          : '';
      setShown({ kind: 'already', text: t.already(p.name, clock(known.checkedInAt), by) });
      return;
    }
    const clientId = newClientId();
    const now = new Date().toISOString();
    const key = arrivalKey(meetingId, p.id, day);
    await recordLocally(
      {
        clientId,
        meetingId,
        queuedAt: now,
        scannedAt: now,
        deviceLabel: device,
        localKey: key,
        ...(ticket ? { ticket } : { registrationId: p.id }),
      },
      {
        id: clientId,
        registrationId: p.id,
        meetingDay: day,
        checkedInAt: now,
        checkedOutAt: null,
        byName: null,
        deviceLabel: device,
        meetingId,
        key,
        pending: true,
      },
    );
    setShown({ kind: 'ok', text: (navigator.onLine ? t.recorded : t.recordedOffline)(p.name, clock(now)) });
    await refresh();
    if (navigator.onLine) void sync();
  };

  /** Check-out (optional; needs the network): a repeated one answers the first time. */
  const checkOut = async (a: Arrival) => {
    const name = nameOf(a.registrationId)?.name ?? '';
    if (!navigator.onLine) return setShown({ kind: 'error', text: t.checkOutNeedsNetwork });
    try {
      const r = await call(
        client.POST('/api/meetings/{meetingId}/check-ins/{checkInId}/check-out', { params: { path: { meetingId, checkInId: a.id } } }),
      );
      await putArrival(meetingId, r as Arrival);
      setShown({ kind: 'ok', text: t.checkedOutMessage(name, clock(r.checkedOutAt ?? new Date().toISOString())) });
      await refresh();
    } catch (err) {
      setShown({ kind: 'error', text: err instanceof ApiError ? err.message : t.syncFailed });
    }
  };

  /** A walk-in just registered at the desk: refresh the list and check them in at once. */
  const walkedIn = async (d: Delegate) => {
    await download();
    await checkInPerson({
      id: d.id,
      name: d.name,
      position: d.position,
      institution: d.institutionName,
      category: null,
      walkIn: true,
      ticketHash: '',
    });
    setWalkInOpen(false);
  };

  /** A scanned or decoded QR: a ticket (recognised by its hash), a name tag, or something else. */
  const onQr = async (text: string) => {
    if (!list) return;
    if (text === lastScan.current.text && Date.now() - lastScan.current.at < 3000) return;
    lastScan.current = { text, at: Date.now() };
    let person: DeviceParticipant | undefined;
    if (text.startsWith(badgePrefix)) person = list.participants.find((p) => p.id === text.slice(badgePrefix.length));
    else {
      const hash = await sha256Hex(ticketToken(text));
      person = list.participants.find((p) => p.ticketHash === hash);
    }
    if (person) return checkInPerson(person, text.startsWith(badgePrefix) ? undefined : text);
    if (!navigator.onLine) return setShown({ kind: 'error', text: t.unknownTicket });
    // Not on this phone's list (a walk-in registered since): the server decides.
    try {
      const r = (await call(
        client.POST('/api/meetings/{meetingId}/check-ins', {
          params: { path: { meetingId } },
          body: { clientId: newClientId(), ticket: text, deviceLabel: device },
        }),
      )) as CheckInResult;
      setShown({ kind: r.status === 'checked_in' ? 'ok' : 'already', text: r.message });
      await download();
    } catch (err) {
      setShown({ kind: 'error', text: err instanceof ApiError && err.status ? err.message : t.unknownTicket });
    }
  };

  // The camera (rear camera preferred): ZXing decodes on the main thread, so no worker is needed.
  useEffect(() => {
    if (!scanning || !videoRef.current) return;
    let controls: IScannerControls | null = null;
    let stopped = false;
    new BrowserQRCodeReader()
      .decodeFromConstraints({ video: { facingMode: 'environment' } }, videoRef.current, (result) => {
        if (result) void onQr(result.getText());
      })
      .then((c) => {
        controls = c;
        if (stopped) c.stop();
      })
      .catch(() => {
        setCameraError(true);
        setScanning(false);
      });
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, [scanning, list]); // eslint-disable-line react-hooks/exhaustive-deps

  /** A photo or screenshot of a ticket (or a phone without a usable camera). */
  const scanFile = async (file: File | null) => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    try {
      const r = await new BrowserQRCodeReader().decodeFromImageUrl(url);
      await onQr(r.getText());
    } catch {
      setShown({ kind: 'error', text: t.unreadable });
    } finally {
      URL.revokeObjectURL(url);
    }
  };

  const matches = useMemo(() => {
    const terms = searchTerms(query, 5);
    if (!list || !terms.length) return [];
    return list.participants
      .filter((p) => terms.every((term) => normalizeSearch(`${p.name} ${p.institution ?? ''}`).includes(term)))
      .slice(0, 20);
  }, [list, query]);

  const recent = useMemo(
    () => [...arrivedToday.values()].sort((a, b) => b.checkedInAt.localeCompare(a.checkedInAt)).slice(0, 10),
    [arrivedToday],
  );
  const nameOf = (id: string) => list?.participants.find((p) => p.id === id);

  if (list === undefined) return <Loader m="xl" />;
  return (
    <Container size={520} px="xs" py="sm">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Title order={3}>{t.title}</Title>
            {list && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {list.meeting.title}
              </Text>
            )}
          </div>
          <Badge color={online ? 'teal' : 'red'} data-testid="network-state">
            {online ? t.online : t.offline}
          </Badge>
        </Group>
        <Alert color={waiting ? 'yellow' : 'teal'} p="xs" data-testid="waiting">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600} data-testid="waiting-count" data-count={waiting}>
              {waiting ? t.waiting(waiting) : t.allSynced}
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => void sync()} disabled={!online || syncing || !waiting}>
              {syncing ? t.syncing : t.syncNow}
            </Button>
          </Group>
          {syncError && (
            <Text size="xs" c="red">
              {syncError}
            </Text>
          )}
        </Alert>
        {!list ? (
          <Alert color="red">{t.noList}</Alert>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t.listSaved(list.participants.length, clock(list.savedAt))} · {t.meetingDay(day)}
            </Text>
            {shown && (
              <Alert
                color={shown.kind === 'ok' ? 'teal' : shown.kind === 'already' ? 'yellow' : 'red'}
                data-testid="result"
                data-kind={shown.kind}
              >
                <Text fw={700}>{shown.text}</Text>
              </Alert>
            )}
            <Group grow gap="xs">
              <Button onClick={() => setScanning((s) => !s)} variant={scanning ? 'outline' : 'filled'}>
                {scanning ? t.stopScan : t.scan}
              </Button>
              <FileButton onChange={(f) => void scanFile(f)} accept="image/*">
                {(props) => (
                  <Button variant="light" {...props} data-testid="scan-image">
                    {t.scanImage}
                  </Button>
                )}
              </FileButton>
            </Group>
            {cameraError && (
              <Text size="sm" c="red">
                {t.cameraError}
              </Text>
            )}
            {scanning && <video ref={videoRef} style={{ width: '100%', borderRadius: 8, background: '#000' }} muted playsInline />}
            <TextInput
              label={t.search}
              placeholder={t.searchPlaceholder}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              type="search"
            />
            {query && !matches.length && (
              <Text size="sm" c="dimmed">
                {t.noMatch}
              </Text>
            )}
            <Stack gap={6}>
              {matches.map((p) => {
                const a = arrivedToday.get(p.id);
                return (
                  <Card key={p.id} withBorder p="xs" data-testid="match">
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600} size="sm" truncate>
                          {p.name}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {[p.position, p.institution].filter(Boolean).join(' · ')}
                        </Text>
                      </div>
                      {a ? (
                        <Stack gap={4} align="flex-end">
                          <Badge color={a.pending ? 'yellow' : a.checkedOutAt ? 'gray' : 'teal'} variant="light">
                            {a.checkedOutAt ? t.checkedOut(clock(a.checkedOutAt)) : `${t.checkedIn} ${clock(a.checkedInAt)}`}
                          </Badge>
                          {!a.pending && !a.checkedOutAt && (
                            <Button size="compact-xs" variant="default" aria-label={t.checkOutOf(p.name)} onClick={() => void checkOut(a)}>
                              {t.checkOut}
                            </Button>
                          )}
                        </Stack>
                      ) : (
                        <Button size="compact-sm" onClick={() => void checkInPerson(p)}>
                          {t.checkInButton}
                        </Button>
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
            <Card withBorder p="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setWalkInOpen((o) => !o)}
                aria-expanded={walkInOpen}
                aria-controls="walk-in"
              >
                {walkInTexts.walkInOpen}
              </Button>
              <Collapse in={walkInOpen} id="walk-in">
                {walkInOpen && (
                  <WalkInForm
                    meetingId={meetingId}
                    disabled={!online}
                    submitLabel={walkInTexts.registerAndCheckIn}
                    onRegistered={walkedIn}
                  />
                )}
              </Collapse>
            </Card>
            {notes.length > 0 && (
              <Alert color="yellow" title={t.syncProblems} data-testid="notes">
                <Stack gap={2}>
                  {notes.map((n, i) => (
                    <Text key={i} size="sm">
                      {n}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            <Title order={5}>{t.recent}</Title>
            <Stack gap={2} data-testid="recent">
              {recent.map((a) => (
                <Group key={a.key} justify="space-between" wrap="nowrap">
                  <Text size="sm" truncate>
                    {nameOf(a.registrationId)?.name ?? a.registrationId}
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c={a.pending ? 'yellow.9' : 'dimmed'}>
                      {clock(a.checkedInAt)}
                      {a.pending ? ` · ${t.pending}` : ''}
                      {a.checkedOutAt ? ` · ${t.checkedOut(clock(a.checkedOutAt))}` : ''}
                    </Text>
                    {!a.pending && !a.checkedOutAt && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={t.checkOutOf(nameOf(a.registrationId)?.name ?? '')}
                        onClick={() => void checkOut(a)}
                      >
                        {t.checkOut}
                      </Button>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          </>
        )}
        <TextInput
          label={t.device}
          description={t.deviceHint}
          value={device}
          maxLength={40}
          onChange={(e) => setDevice(e.currentTarget.value)}
          onBlur={() => setDeviceLabel(device)}
        />
        <Group gap="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => void download()} disabled={!online}>
            {t.refreshList}
          </Button>
          <Button variant="subtle" size="compact-sm" component={Link} to={`/meetings/${meetingId}/board`}>
            {t.board}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
