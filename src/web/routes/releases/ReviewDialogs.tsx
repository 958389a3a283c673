import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { notifySuccess } from '../../components/errors';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from './texts';
import { ScheduleField } from './ScheduleField';
import { releaseKey, releasesKey } from './shared';

/** The release a dialog acts on: its id, the version the screen read, and its title (named in the dialog). */
export type Target = { id: string; version: number; title: string; publishAt?: string | null };

export type DialogKind = 'approve' | 'reject' | 'publish' | 'unpublish';

/** One of the review/publication dialogs for `target`, or nothing when `kind` is null. */
export function ReviewDialog({ kind, target, onClose }: { kind: DialogKind | null; target: Target | null; onClose: () => void }) {
  const opened = !!kind && !!target;
  const t = useT();
  const a = t.releases.actions;
  const title = kind === 'approve' ? a.approve : kind === 'reject' ? a.rejectTitle : kind === 'publish' ? a.publish : a.unpublish;
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {target && kind === 'approve' ? <ApproveForm target={target} onClose={onClose} /> : null}
      {target && kind === 'reject' ? <RejectForm target={target} onClose={onClose} /> : null}
      {target && kind === 'publish' ? <PublishForm target={target} onClose={onClose} /> : null}
      {target && kind === 'unpublish' ? <UnpublishForm target={target} onClose={onClose} /> : null}
    </Modal>
  );
}

function useDone(target: Target, onClose: () => void) {
  const queryClient = useQueryClient();
  return (message: string) => {
    notifySuccess(message);
    void queryClient.invalidateQueries({ queryKey: releasesKey });
    void queryClient.invalidateQueries({ queryKey: releaseKey(target.id) });
    onClose();
  };
}

function Buttons({ onClose, saving, label, color }: { onClose: () => void; saving: boolean; label: string; color?: string }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t.common.cancel}
      </Button>
      <Button type="submit" loading={saving} color={color}>
        {label}
      </Button>
    </Group>
  );
}

function ApproveForm({ target, onClose }: { target: Target; onClose: () => void }) {
  const t = useT();
  const a = t.releases.actions;
  const done = useDone(target, onClose);
  const [publishToo, setPublishToo] = useState(true);
  const form = useForm({ initialValues: { comment: '', publishAt: target.publishAt ?? (null as string | null) } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      call(
        client.POST('/api/releases/{id}/approve', {
          params: { path: { id: target.id } },
          body: {
            version: target.version,
            comment: v.comment || undefined,
            ...(publishToo ? (v.publishAt ? { publishAt: v.publishAt } : { publishNow: true }) : {}),
          },
        }),
      ),
    (r) => done(r.status === 'scheduled' ? a.scheduled : r.status === 'published' ? a.published : a.approved),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{target.title}</Text>
        <Textarea label={a.approveComment} autosize minRows={2} {...form.getInputProps('comment')} />
        <Checkbox label={a.publishToo} checked={publishToo} onChange={(e) => setPublishToo(e.currentTarget.checked)} />
        {publishToo ? (
          <ScheduleField
            value={form.values.publishAt}
            onChange={(v) => form.setFieldValue('publishAt', v)}
            error={form.errors.publishAt as string | undefined}
          />
        ) : null}
        {alert}
        <Buttons onClose={onClose} saving={mutation.isPending} label={a.approve} />
      </Stack>
    </form>
  );
}

function RejectForm({ target, onClose }: { target: Target; onClose: () => void }) {
  const t = useT();
  const a = t.releases.actions;
  const done = useDone(target, onClose);
  const form = useForm({ initialValues: { comment: '' } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      call(
        client.POST('/api/releases/{id}/reject', {
          params: { path: { id: target.id } },
          body: { version: target.version, comment: v.comment },
        }),
      ),
    () => done(a.rejected),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{target.title}</Text>
        <Textarea
          label={a.rejectComment}
          description={a.rejectCommentHint}
          required
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps('comment')}
        />
        {alert}
        <Buttons onClose={onClose} saving={mutation.isPending} label={a.reject} color="red" />
      </Stack>
    </form>
  );
}

function PublishForm({ target, onClose }: { target: Target; onClose: () => void }) {
  const t = useT();
  const a = t.releases.actions;
  const done = useDone(target, onClose);
  // A time already past (an earlier embargo) would be refused: start with "now" instead.
  const upcoming = target.publishAt && Date.parse(target.publishAt) > Date.now() ? target.publishAt : null;
  const form = useForm({ initialValues: { publishAt: upcoming } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      call(
        client.POST('/api/releases/{id}/publish', {
          params: { path: { id: target.id } },
          body: { version: target.version, publishAt: v.publishAt },
        }),
      ),
    (r) => done(r.status === 'scheduled' ? a.scheduled : a.published),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{target.title}</Text>
        <ScheduleField
          value={form.values.publishAt}
          onChange={(v) => form.setFieldValue('publishAt', v)}
          error={form.errors.publishAt as string | undefined}
        />
        {alert}
        <Buttons onClose={onClose} saving={mutation.isPending} label={form.values.publishAt ? t.releases.schedule.at : a.publishNow} />
      </Stack>
    </form>
  );
}

function UnpublishForm({ target, onClose }: { target: Target; onClose: () => void }) {
  const t = useT();
  const a = t.releases.actions;
  const done = useDone(target, onClose);
  const form = useForm({ initialValues: { reason: '' } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      call(
        client.POST('/api/releases/{id}/unpublish', {
          params: { path: { id: target.id } },
          body: { version: target.version, reason: v.reason },
        }),
      ),
    () => done(a.unpublished),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{a.unpublishQuestion}</Text>
        <Textarea label={a.unpublishReason} required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        {alert}
        <Buttons onClose={onClose} saving={mutation.isPending} label={a.unpublish} color="red" />
      </Stack>
    </form>
  );
}
