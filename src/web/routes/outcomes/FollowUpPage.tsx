import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Card, FileInput, Group, Select, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiHref, call, client, upload } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { useFormMutation } from '../../components/useFormMutation';
import { useOutcomesT } from './i18n';
import { formatDateId } from '../../../shared/dates';
import { followUpStatuses, type FollowUpStatus } from '../../../shared/outcomes';
import type { FollowUp } from '../../../shared/schemas/outcomes';
import { FollowUpStatusBadge } from './StatusBadge';

/** One follow-up action: what it is, and (for a responsible officer or the bureau) the form to report progress and evidence. */
export function FollowUpPage() {
  const { id = '' } = useParams();
  const t = useOutcomesT();
  const qc = useQueryClient();
  const key = ['follow-up', id];
  const { data, error, isLoading } = useQuery({
    queryKey: key,
    queryFn: () => call(client.GET('/api/follow-ups/{id}', { params: { path: { id } } })),
  });
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data) return <Skeleton h={240} />;
  const saved = (next: FollowUp) => {
    qc.setQueryData(key, next);
    void qc.invalidateQueries({ queryKey: ['follow-ups'] });
  };
  return (
    <Stack maw={760}>
      <Anchor component={Link} to="/follow-ups" size="sm">
        ← {t.outcomes.back}
      </Anchor>
      <Title order={2}>{t.outcomes.updateTitle}</Title>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          {data.meetingTitle} · {t.outcomes.resolution(data.resolutionNumber)}
        </Text>
        <Text mb="xs">{data.resolutionStatement}</Text>
        <Title order={3} size="h4">
          {data.action}
        </Title>
        <Group gap="md" mt="xs" wrap="wrap">
          <Text size="sm">
            {t.outcomes.dueDate}: <strong>{formatDateId(data.dueDate)}</strong>
          </Text>
          <FollowUpStatusBadge f={data} />
        </Group>
        <Text size="sm" mt="xs">
          {t.outcomes.institutions}: {data.institutions.map((i) => i.name).join(', ')}
        </Text>
      </Card>
      {data.can.update ? <ProgressForm key={data.version} f={data} onSaved={saved} /> : null}
    </Stack>
  );
}

function ProgressForm({ f, onSaved }: { f: FollowUp; onSaved: (f: FollowUp) => void }) {
  const t = useOutcomesT();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm({
    initialValues: { status: f.status as string, statusNote: f.statusNote ?? '', evidenceUrl: f.evidenceUrl ?? '' },
  });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      call(
        client.PUT('/api/follow-ups/{id}/progress', {
          params: { path: { id: f.id } },
          body: {
            status: v.status as FollowUpStatus,
            statusNote: v.statusNote.trim() || null,
            evidenceUrl: v.evidenceUrl.trim() || null,
            version: f.version,
          },
        }),
      ),
    (next) => {
      notifySuccess(t.outcomes.saved);
      onSaved(next);
    },
  );
  const send = useMutation({
    mutationFn: (chosen: File) =>
      upload('/api/follow-ups/{id}/evidence', { path: { id: f.id } }, { version: String(f.version), file: chosen }),
    onSuccess: (next) => {
      notifySuccess(t.outcomes.uploaded);
      setFile(null);
      onSaved(next as FollowUp);
    },
    onError: (e) => notifyError(e, t),
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t.outcomes.evidence}
      </Title>
      <Stack gap="xs" mb="md">
        {f.evidenceFileName ? (
          <Anchor href={apiHref('/api/follow-ups/{id}/evidence', { path: { id: f.id } })} data-testid="evidence-file">
            {t.outcomes.download}: {f.evidenceFileName}
          </Anchor>
        ) : null}
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={t.outcomes.evidenceFile}
            description={t.outcomes.evidenceFileHint}
            value={file}
            onChange={setFile}
            clearable
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx"
            style={{ flex: '1 1 240px' }}
          />
          <Button variant="light" disabled={!file} loading={send.isPending} onClick={() => file && send.mutate(file)}>
            {t.outcomes.upload}
          </Button>
        </Group>
        <ErrorAlert error={send.error} />
      </Stack>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select
            label={t.outcomes.status}
            data={followUpStatuses.map((s) => ({ value: s, label: t.outcomes.statuses[s] }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Textarea
            label={t.outcomes.statusNote}
            description={t.outcomes.statusNoteHint}
            autosize
            minRows={2}
            {...form.getInputProps('statusNote')}
          />
          <TextInput
            label={t.outcomes.evidenceUrl}
            description={t.outcomes.evidenceUrlHint}
            type="url"
            inputMode="url"
            {...form.getInputProps('evidenceUrl')}
          />
          {alert}
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t.outcomes.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
