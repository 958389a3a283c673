import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Loader,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { ApiError, call, client } from '../../api';
import { useMeetingsT } from './i18n';
import type { RsvpView } from '../../../shared/schemas/meetings';

type Row = { id?: string; name: string; position: string; phone: string; email: string; nip: string; officerId: string | null };
const emptyRow = (): Row => ({ name: '', position: '', phone: '', email: '', nip: '', officerId: null });

/**
 * The RSVP page opened from the invitation link (no account: the link is the credential). The officer names who
 * will come, up to the quota (from the institution's officers or typed), or declines with a reason; they can
 * change the answer until the deadline. Laid out for a 360-px phone.
 */
export function RsvpPage() {
  const { token = '' } = useParams();
  const t = useMeetingsT().meetings.rsvpPage;
  const [view, setView] = useState<RsvpView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<'accept' | 'decline'>('accept');
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = (v: RsvpView) => {
    setView(v);
    setAnswer(v.state === 'declined' ? 'decline' : 'accept');
    setReason(v.declineReason ?? '');
    setRows(
      v.delegates.length
        ? v.delegates.map((d) => ({
            id: d.id,
            name: d.name,
            position: d.position ?? '',
            phone: d.phone ?? '',
            email: d.email ?? '',
            nip: d.nip ?? '',
            officerId: d.officerId,
          }))
        : [emptyRow()],
    );
  };
  useEffect(() => {
    call(client.GET('/api/rsvp/{token}', { params: { path: { token } } }))
      .then((v) => load(v as RsvpView))
      .catch((e) => setError(e instanceof ApiError ? e.message : t.loadFailed));
  }, [token]);

  if (error && !view)
    return (
      <Container size={480} py="lg">
        <Alert color="red" title={t.linkFailed}>
          {error}
        </Alert>
      </Container>
    );
  if (!view) return <Loader m="xl" />;

  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const pickOfficer = (i: number, id: string | null) => {
    const o = view.officers.find((x) => x.id === id);
    if (o)
      setRow(i, {
        officerId: o.id,
        name: o.name,
        position: o.position ?? '',
        phone: o.phone ?? '',
        email: o.email ?? '',
        nip: o.nip ?? '',
      });
    else setRow(i, { officerId: null });
  };
  const submit = async () => {
    setSaving(true);
    setError(null);
    setFields({});
    setSaved(false);
    try {
      const body =
        answer === 'decline'
          ? { answer: 'decline' as const, reason }
          : {
              answer: 'accept' as const,
              delegates: rows
                .filter((r) => r.name.trim())
                .map((r) => ({
                  ...(r.id ? { id: r.id } : {}),
                  name: r.name,
                  position: r.position || null,
                  phone: r.phone || null,
                  email: r.email || null,
                  nip: r.nip || null,
                  officerId: r.officerId,
                })),
            };
      load((await call(client.PUT('/api/rsvp/{token}', { params: { path: { token } }, body }))) as RsvpView);
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        setFields(e.fields);
      } else setError(t.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  const m = view.meeting;
  return (
    <Container size={560} px="sm" py="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t.invitationFor(view.institution.name)}
        </Text>
        <Title order={2} size="h3">
          {m.title}
        </Title>
        <Card withBorder padding="sm">
          <Text size="sm">
            <b>{t.date}:</b> {m.dateText}
          </Text>
          <Text size="sm">
            <b>{t.time}:</b> {m.timeText}
          </Text>
          <Text size="sm">
            <b>{t.place}:</b> {[m.venue, m.venueAddress].filter(Boolean).join(', ')}
          </Text>
          <Anchor size="sm" href={`/api/rsvp/${token}/letter.pdf`} target="_blank">
            {t.letterPdf}
          </Anchor>
        </Card>
        {m.agenda.length > 0 && (
          <Card withBorder padding="sm">
            <Text fw={600} size="sm" mb={4}>
              {t.agenda}
            </Text>
            {m.agenda.map((a, i) => (
              <Text size="sm" key={i}>
                {a.time} · {a.title}
                {a.speakers ? ` — ${a.speakers}` : ''}
              </Text>
            ))}
          </Card>
        )}
        <Group gap="xs">
          <Badge color={view.state === 'accepted' ? 'green' : view.state === 'declined' ? 'gray' : 'yellow'}>{t.states[view.state]}</Badge>
          <Text size="sm">{t.quota(view.quota)}</Text>
        </Group>
        {view.deadlineText && (
          <Text size="sm" c="dimmed">
            {t.changeUntil(view.deadlineText)}
          </Text>
        )}
        {saved && <Alert color="green">{t.saved}</Alert>}
        {error && <Alert color="red">{error}</Alert>}
        {view.canChange ? (
          <>
            <Radio.Group value={answer} onChange={(v) => setAnswer(v as 'accept' | 'decline')} label={t.answer}>
              <Stack gap={6} mt={6}>
                <Radio value="accept" label={t.accept} />
                <Radio value="decline" label={t.decline} />
              </Stack>
            </Radio.Group>
            {answer === 'accept' ? (
              <Stack gap="sm">
                {rows.map((r, i) => (
                  <Card withBorder padding="sm" key={r.id ?? `new-${i}`} data-testid="delegate">
                    <Stack gap={6}>
                      <Text fw={600} size="sm">
                        {t.delegate(i + 1)}
                      </Text>
                      {view.officers.length > 0 && (
                        <Select
                          size="sm"
                          label={t.pickOfficer}
                          placeholder={t.pickOfficerHint}
                          clearable
                          data={view.officers.map((o) => ({ value: o.id, label: o.name }))}
                          value={r.officerId}
                          onChange={(v) => pickOfficer(i, v)}
                        />
                      )}
                      <TextInput
                        size="sm"
                        label={t.name}
                        required
                        value={r.name}
                        onChange={(e) => setRow(i, { name: e.currentTarget.value })}
                      />
                      <TextInput
                        size="sm"
                        label={t.position}
                        value={r.position}
                        onChange={(e) => setRow(i, { position: e.currentTarget.value })}
                      />
                      <TextInput
                        size="sm"
                        label={t.phone}
                        value={r.phone}
                        onChange={(e) => setRow(i, { phone: e.currentTarget.value })}
                        error={fields[`delegates.${i}.phone`]}
                      />
                      <TextInput
                        size="sm"
                        label={t.email}
                        type="email"
                        value={r.email}
                        onChange={(e) => setRow(i, { email: e.currentTarget.value })}
                        error={fields[`delegates.${i}.email`]}
                      />
                      <TextInput
                        size="sm"
                        label={t.nip}
                        value={r.nip}
                        onChange={(e) => setRow(i, { nip: e.currentTarget.value })}
                        error={fields[`delegates.${i}.nip`]}
                      />
                      {rows.length > 1 && (
                        <Button variant="subtle" color="red" size="xs" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                          {t.removeDelegate}
                        </Button>
                      )}
                    </Stack>
                  </Card>
                ))}
                {rows.length < view.quota && (
                  <Button variant="light" onClick={() => setRows([...rows, emptyRow()])}>
                    {t.addDelegate}
                  </Button>
                )}
              </Stack>
            ) : (
              <Textarea label={t.reason} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} />
            )}
            <Button onClick={submit} loading={saving} fullWidth>
              {t.submit}
            </Button>
          </>
        ) : (
          <Alert color="gray">{t.closed}</Alert>
        )}
      </Stack>
    </Container>
  );
}
