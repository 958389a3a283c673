import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Card, FileInput, Group, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiHref, call, client, upload } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { clockId } from '../../../shared/meetingDates';
import { materialMaxBytes, type MaterialSession, type MaterialsByMeeting } from '../../../shared/schemas/materials';
import { useMaterialsT } from './i18n';

export const materialsKey = (meetingId: string) => ['materials', meetingId];

/** "2,4 MB" / "830 KB". */
export function fileSize(bytes: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
}

/** "09.00–10.30 · Isu kehumasan terkini" (Indonesian clock, as the agenda prints it). */
export const sessionLabel = (s: Pick<MaterialSession, 'startTime' | 'endTime' | 'title'>) =>
  `${clockId(s.startTime)}–${clockId(s.endTime)} · ${s.title}`;

/**
 * Materials of a meeting's agenda sessions: the upload form (for the sessions the caller may upload to: its own as a
 * speaker, every session for the meeting's managers), then each session with its materials, download and remove.
 */
export function MaterialsCard({ meetingId, linkToPage = false }: { meetingId: string; linkToPage?: boolean }) {
  const t = useMaterialsT();
  const { data, error, isLoading } = useQuery({
    queryKey: materialsKey(meetingId),
    queryFn: () => call(client.GET('/api/meetings/{id}/materials', { params: { path: { id: meetingId } } })),
  });
  return (
    <Card withBorder data-testid="materials-card">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={3} size="h4">
          {t.materials.cardTitle}
        </Title>
        {linkToPage && (
          <Anchor component={Link} to={`/meetings/${meetingId}/materials`} size="sm">
            {t.materials.allMaterials}
          </Anchor>
        )}
      </Group>
      <ErrorAlert error={error} />
      {isLoading || !data ? (
        !error && <Skeleton h={120} />
      ) : (
        <Stack gap="md">
          {data.can.upload && <UploadForm meetingId={meetingId} data={data as MaterialsByMeeting} />}
          <MaterialSessions data={data as MaterialsByMeeting} meetingId={meetingId} />
        </Stack>
      )}
    </Card>
  );
}

function UploadForm({ meetingId, data }: { meetingId: string; data: MaterialsByMeeting }) {
  const t = useMaterialsT();
  const qc = useQueryClient();
  const choices = data.sessions.filter((s) => s.canUpload);
  const [sessionId, setSessionId] = useState<string | null>(choices.length === 1 ? choices[0]!.id : null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const tooBig = !!file && file.size > materialMaxBytes;
  const send = useMutation({
    mutationFn: () =>
      upload('/api/meetings/{id}/materials', { path: { id: meetingId } }, { sessionId: sessionId ?? '', title, file: file! }),
    onSuccess: () => {
      notifySuccess(t.materials.uploaded);
      setTitle('');
      setFile(null);
      void qc.invalidateQueries({ queryKey: materialsKey(meetingId) });
    },
  });
  return (
    <form
      aria-label={t.materials.uploadTitle}
      onSubmit={(e) => {
        e.preventDefault();
        if (file && !tooBig) send.mutate();
      }}
    >
      <Stack gap="xs">
        <Text fw={600}>{t.materials.uploadTitle}</Text>
        <Select
          label={t.materials.session}
          placeholder={t.materials.sessionPlaceholder}
          data={choices.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
          value={sessionId}
          onChange={setSessionId}
          required
          allowDeselect={false}
        />
        <TextInput
          label={t.materials.materialTitle}
          placeholder={t.materials.materialTitlePlaceholder}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          required
        />
        <FileInput
          label={t.materials.file}
          description={t.materials.fileHint}
          placeholder={t.materials.filePlaceholder}
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ 'aria-label': t.materials.clearFile }}
          accept=".pdf,.pptx,.docx,.xlsx,application/pdf"
          error={tooBig ? t.materials.tooBig : undefined}
          required
        />
        <ErrorAlert error={send.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending} disabled={!file || tooBig || !sessionId || !title.trim()}>
            {t.materials.upload}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Every session (agenda order) with its materials; used by the card, the materials page and (without actions) the ticket page. */
export function MaterialSessions({ data, meetingId, ticketToken }: { data: MaterialsByMeeting; meetingId?: string; ticketToken?: string }) {
  const t = useMaterialsT();
  const lang = useLang();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => call(client.DELETE('/api/materials/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      notifySuccess(t.materials.removed);
      if (meetingId) void qc.invalidateQueries({ queryKey: materialsKey(meetingId) });
    },
    onError: (e) => notifyError(e, t),
  });
  if (!data.sessions.length) return <Text c="dimmed">{t.materials.noSessions}</Text>;
  return (
    <Stack gap="sm">
      {data.sessions.map((s) => (
        <section key={s.id} aria-label={sessionLabel(s)} data-testid="material-session">
          <Text fw={600}>{sessionLabel(s)}</Text>
          {s.speakerNames.length > 0 && (
            <Text size="sm" c="dimmed">
              {t.materials.speakers}: {s.speakerNames.join(', ')}
            </Text>
          )}
          {s.materials.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t.materials.noMaterials}
            </Text>
          ) : (
            <Stack component="ul" gap={6} mt={4} p={0} style={{ listStyle: 'none' }}>
              {s.materials.map((m) => (
                <Group component="li" key={m.id} justify="space-between" wrap="wrap" gap="xs" data-testid="material-row">
                  <div style={{ minWidth: 0, flex: '1 1 200px' }}>
                    <Text style={{ overflowWrap: 'anywhere' }}>{m.title}</Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {m.fileName} · {fileSize(m.size, lang)} ·{' '}
                      {m.uploadedByName
                        ? t.materials.uploadedBy(m.uploadedByName, formatDateTime(m.createdAt, lang))
                        : t.materials.uploadedOn(formatDateTime(m.createdAt, lang))}
                    </Text>
                  </div>
                  <Group gap="xs">
                    <Button
                      component="a"
                      size="xs"
                      variant="light"
                      href={
                        ticketToken
                          ? apiHref('/api/tickets/{token}/materials/{id}/file', { path: { token: ticketToken, id: m.id } })
                          : apiHref('/api/materials/{id}/file', { path: { id: m.id } })
                      }
                      download={m.fileName}
                      aria-label={t.materials.downloadNamed(m.title)}
                    >
                      {t.materials.download}
                    </Button>
                    {m.can.delete && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t.materials.removeNamed(m.title)}
                        loading={remove.isPending && remove.variables === m.id}
                        onClick={() => window.confirm(t.materials.confirmRemove(m.title)) && remove.mutate(m.id)}
                      >
                        {t.materials.remove}
                      </Button>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </section>
      ))}
    </Stack>
  );
}
