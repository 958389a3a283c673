import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { useT } from './texts';
import { RejectionNote } from './RejectionNote';
import { ReleasePreviewFrame } from './ReleasePreview';
import { type DialogKind, ReviewDialog } from './ReviewDialogs';
import { categoryLabel, releaseKey, releaseQuery, releasesKey, StatusBadge, type ReleaseDetail } from './shared';

/**
 * One release: status, the reviewer's note when it was sent back, the actions the server allows on it (its
 * `can` flags, nothing computed here), the public page as it looks (or will look), images, attachments and
 * the revision history with the significant corrections marked.
 */
export function ReleaseDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const r = t.releases;
  const { data: release, error } = useQuery(releaseQuery(id));
  if (error) return <ErrorAlert error={error} />;
  if (!release) return <Text c="dimmed">{t.common.loading}</Text>;
  return (
    <Stack gap="md" maw={1100} key={release.id}>
      <Anchor component={Link} to="/rilis" size="sm">
        ← {r.actions.backToList}
      </Anchor>
      <Header release={release} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Stack gap="md" style={{ gridColumn: 'span 2' }} className="release-main">
          <Card withBorder padding="sm">
            <Title order={3} size="h4" mb={4}>
              {r.preview.title}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {r.preview.hint}
            </Text>
            <SavedPreview release={release} />
          </Card>
        </Stack>
        <Stack gap="md">
          <Facts release={release} />
          <History release={release} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function Header({ release }: { release: ReleaseDetail }) {
  const t = useT();
  const r = t.releases;
  const a = r.actions;
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const can = release.can;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: releasesKey });
  };
  const submit = useMutation({
    mutationFn: () =>
      call(client.POST('/api/releases/{id}/submit', { params: { path: { id: release.id } }, body: { version: release.version } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(releaseKey(release.id), saved);
      refresh();
      notifySuccess(a.submitted);
    },
    onError: (e) => notifyError(e, t),
  });
  const unschedule = useMutation({
    mutationFn: () =>
      call(client.POST('/api/releases/{id}/unschedule', { params: { path: { id: release.id } }, body: { version: release.version } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(releaseKey(release.id), saved);
      refresh();
    },
    onError: (e) => notifyError(e, t),
  });
  const remove = useMutation({
    mutationFn: () =>
      call(client.DELETE('/api/releases/{id}', { params: { path: { id: release.id }, query: { version: release.version } } })),
    onSuccess: () => {
      refresh();
      notifySuccess(a.deleted);
      void navigate('/rilis');
    },
    onError: (e) => notifyError(e, t),
  });
  const editable = can.write || can.correct;
  const target = { id: release.id, version: release.version, title: release.title, publishAt: release.publishAt };
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 20rem' }}>
          <Group gap="xs">
            <StatusBadge status={release.status} size="lg" />
            {release.status === 'scheduled' && release.publishAt ? (
              <Text size="sm">{r.schedule.embargoUntil(formatDateTime(release.publishAt, lang))}</Text>
            ) : ['draft', 'submitted', 'rejected', 'approved'].includes(release.status) && release.publishAt ? (
              <Text size="sm">{r.schedule.requested(formatDateTime(release.publishAt, lang))}</Text>
            ) : null}
          </Group>
          <Title order={2}>{release.title}</Title>
          <Text size="sm" c="dimmed">
            {release.institution.name} · {categoryLabel(release.category, lang)}
          </Text>
        </Stack>
        <Group gap="xs">
          {editable ? (
            <Button component={Link} to={`/rilis/${release.id}/ubah`} variant={can.write ? 'filled' : 'default'}>
              {can.write ? a.edit : a.correct}
            </Button>
          ) : null}
          {can.submit ? (
            <ConfirmButton question={a.submitQuestion} onConfirm={() => submit.mutate()} loading={submit.isPending} color="teal">
              {release.status === 'rejected' ? a.resubmit : a.submit}
            </ConfirmButton>
          ) : null}
          {can.review ? (
            <>
              {release.status === 'submitted' ? <Button onClick={() => setDialog('approve')}>{a.approve}</Button> : null}
              <Button variant="default" onClick={() => setDialog('reject')}>
                {a.reject}
              </Button>
            </>
          ) : null}
          {can.publish ? (
            <Button onClick={() => setDialog('publish')}>{release.status === 'scheduled' ? a.reschedule : a.publish}</Button>
          ) : null}
          {can.publish && release.status === 'scheduled' ? (
            <Button variant="default" onClick={() => unschedule.mutate()} loading={unschedule.isPending}>
              {a.unschedule}
            </Button>
          ) : null}
          {can.unpublish ? (
            <Button variant="default" color="red" onClick={() => setDialog('unpublish')}>
              {a.unpublish}
            </Button>
          ) : null}
          {can.delete ? (
            <ConfirmButton
              question={a.deleteQuestion}
              onConfirm={() => remove.mutate()}
              loading={remove.isPending}
              variant="default"
              color="red"
            >
              {a.delete}
            </ConfirmButton>
          ) : null}
          {release.publicUrl && release.status === 'published' ? (
            <Button component="a" href={release.publicUrl} variant="subtle">
              {a.viewPublic}
            </Button>
          ) : null}
        </Group>
      </Group>
      <RejectionNote release={release} />
      <ReviewDialog kind={dialog} target={dialog ? target : null} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function SavedPreview({ release }: { release: ReleaseDetail }) {
  const preview = useQuery({
    queryKey: [...releaseKey(release.id), 'preview', release.version],
    queryFn: () => call(client.GET('/api/releases/{id}/preview', { params: { path: { id: release.id } } })),
  });
  if (preview.error) return <ErrorAlert error={preview.error} />;
  return <ReleasePreviewFrame html={preview.data?.html ?? ''} />;
}

function Facts({ release }: { release: ReleaseDetail }) {
  const t = useT();
  const d = t.releases.detail;
  const lang = useLang();
  const row = (label: string, value: React.ReactNode) =>
    value ? (
      <div>
        <Text size="xs" c="dimmed" component="dt">
          {label}
        </Text>
        <Text size="sm" component="dd" m={0}>
          {value}
        </Text>
      </div>
    ) : null;
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs" component="dl" m={0}>
        {row(d.institution, release.institution.name)}
        {row(d.author, release.author?.name)}
        {row(d.category, categoryLabel(release.category, lang))}
        {row(
          d.tags,
          release.tags.length ? (
            <Group gap={4} component="span">
              {release.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null,
        )}
        {row(d.releaseNumber, release.releaseNumber)}
        {row(
          t.releases.sections.contact,
          release.contact
            ? [release.contact.name, release.contact.position, release.contact.phone, release.contact.email].filter(Boolean).join(' · ')
            : null,
        )}
        {row(d.publishAt, release.publishAt ? formatDateTime(release.publishAt, lang) : null)}
        {row(d.updatedAt, formatDateTime(release.updatedAt, lang))}
        {row(
          t.releases.sections.attachments,
          release.attachments.length ? (
            <List size="sm" spacing={2}>
              {release.attachments.map((f) => (
                <List.Item key={f.id}>
                  <Anchor href={f.url}>{f.title || f.name}</Anchor>
                </List.Item>
              ))}
            </List>
          ) : null,
        )}
      </Stack>
    </Card>
  );
}

function History({ release }: { release: ReleaseDetail }) {
  const t = useT();
  const h = t.releases.history;
  const lang = useLang();
  return (
    <Card withBorder padding="sm">
      <Title order={3} size="h4" mb="xs">
        {t.releases.sections.history}
      </Title>
      {release.revisions.length ? (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="revision-history">
          {[...release.revisions]
            .sort((x, y) => y.revision - x.revision)
            .map((rev) => (
              <li key={rev.revision}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {h.revision(rev.revision)}
                  </Text>
                  {rev.significant ? (
                    <Badge color="orange" variant="light" size="sm">
                      {h.important}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {formatDateTime(rev.createdAt, lang)}
                  {rev.editor ? ` · ${h.by} ${rev.editor.name}` : ''}
                </Text>
                {rev.note ? <Text size="sm">{rev.note}</Text> : null}
              </li>
            ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {h.empty}
        </Text>
      )}
    </Card>
  );
}
