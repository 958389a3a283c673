import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Select, Stack, Text, TextInput } from '@mantine/core';
import { ApiError, call, client } from '../../api';
import { useMeetingsT } from './i18n';
import type { Delegate, Invitation, MeetingDetail } from '../../../shared/schemas/meetings';

const none = 'none';
const empty = { name: '', position: '', phone: '', email: '' };

/**
 * A walk-in registered at the desk (check-in screen and meeting page; needs the network). Counted against the
 * institution's quota; over it, or for an institution that was not invited, the server asks for an explicit
 * override ("Lewati kuota"), which only the committee may give, and its refusal is shown next to that box.
 */
export function WalkInForm({
  meetingId,
  submitLabel,
  disabled,
  onRegistered,
}: {
  meetingId: string;
  submitLabel?: string;
  disabled?: boolean;
  onRegistered: (d: Delegate) => Promise<void> | void;
}) {
  const t = useMeetingsT().meetings;
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [canOverride, setCanOverride] = useState(false);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [form, setForm] = useState(empty);
  const [override, setOverride] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const loadInvitations = async () => {
    const [detail, inv] = await Promise.all([
      call(client.GET('/api/meetings/{id}', { params: { path: { id: meetingId } } })),
      call(client.GET('/api/meetings/{id}/invitations', { params: { path: { id: meetingId }, query: { limit: 200, offset: 0 } } })),
    ]);
    setCanOverride((detail as MeetingDetail).can.overrideQuota);
    setInvitations(inv.items as Invitation[]);
    return detail as MeetingDetail;
  };
  useEffect(() => {
    loadInvitations().catch(() => setInvitations([]));
  }, [meetingId]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    setSaving(true);
    setError(null);
    setFields({});
    setDone(null);
    const body = (version: number) => ({
      version,
      institutionId: institutionId && institutionId !== none ? institutionId : null,
      overrideQuota: override,
      delegate: {
        name: form.name,
        position: form.position || null,
        phone: form.phone || null,
        email: form.email || null,
      },
    });
    try {
      // The meeting's latest version (other phones and the committee change it during the day).
      let created: Delegate | null = null;
      for (let attempt = 0; attempt < 2 && !created; attempt++) {
        const detail = await loadInvitations();
        try {
          created = (await call(
            client.POST('/api/meetings/{id}/walk-ins', { params: { path: { id: meetingId } }, body: body(detail.version) }),
          )) as Delegate;
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'conflict' && attempt === 0)) throw e;
        }
      }
      if (!created) return;
      setDone(t.registered(created.name));
      setForm(empty);
      setOverride(false);
      await onRegistered(created);
      await loadInvitations();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        setFields(e.fields);
      } else setError(t.error);
    } finally {
      setSaving(false);
    }
  };

  const field = (k: string) => fields[k] ?? fields[`delegate.${k}`];
  return (
    <Stack gap="xs" data-testid="walk-in-form">
      <Text size="sm" c="dimmed">
        {disabled ? t.walkInOffline : t.walkInHint}
      </Text>
      <Select
        label={t.institution}
        searchable
        allowDeselect={false}
        data={[
          ...invitations.map((i) => ({ value: i.institutionId, label: t.quotaLine(i.institutionName, i.delegateCount, i.quota) })),
          { value: none, label: t.noInstitution },
        ]}
        value={institutionId}
        onChange={setInstitutionId}
        error={fields.institutionId}
        disabled={disabled}
      />
      <TextInput
        label={t.name}
        required
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
        error={field('name')}
        disabled={disabled}
      />
      <TextInput
        label={t.position}
        value={form.position}
        onChange={(e) => setForm({ ...form, position: e.currentTarget.value })}
        error={field('position')}
        disabled={disabled}
      />
      <TextInput
        label={t.phone}
        type="tel"
        value={form.phone}
        onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
        error={field('phone')}
        disabled={disabled}
      />
      <TextInput
        label={t.email}
        type="email"
        value={form.email}
        onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
        error={field('email')}
        disabled={disabled}
      />
      {(canOverride || fields.overrideQuota) && (
        <Checkbox
          label={t.override}
          description={t.overrideHint}
          checked={override}
          onChange={(e) => setOverride(e.currentTarget.checked)}
          error={fields.overrideQuota ? error : undefined}
          disabled={disabled || !canOverride}
        />
      )}
      {error && !fields.overrideQuota && (
        <Alert color="red" p="xs" data-testid="walk-in-error">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="teal" p="xs" data-testid="walk-in-done">
          {done}
        </Alert>
      )}
      <Button onClick={() => void submit()} loading={saving} disabled={disabled || !form.name.trim()}>
        {submitLabel ?? t.register}
      </Button>
    </Stack>
  );
}
