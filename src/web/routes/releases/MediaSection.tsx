import { useState } from 'react';
import { Anchor, Button, Card, FileInput, Group, Image, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, client, upload } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { useFormMutation } from '../../components/useFormMutation';
import { formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useT } from './texts';
import { ImageUploadModal } from './ImageUploadModal';
import { releaseKey, releasesKey, type ReleaseDetail } from './shared';

type Props = { release: ReleaseDetail; version: number; onVersion: (v: number) => void };

/** Images (cropped, with required alt text, caption and credit) and attachments of a saved release. */
export function MediaSection(props: Props) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <ImagesCard {...props} />
      <AttachmentsCard {...props} />
    </SimpleGrid>
  );
}

function useRefresh(release: ReleaseDetail, onVersion: (v: number) => void) {
  const queryClient = useQueryClient();
  return (releaseVersion?: number) => {
    if (releaseVersion) onVersion(releaseVersion);
    void queryClient.invalidateQueries({ queryKey: releaseKey(release.id) });
    void queryClient.invalidateQueries({ queryKey: releasesKey });
  };
}

function ImagesCard({ release, version, onVersion }: Props) {
  const t = useT();
  const r = t.releases.images;
  const [adding, setAdding] = useState(false);
  const refresh = useRefresh(release, onVersion);
  const editable = release.can.write || release.can.correct;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="release-images-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="release-images-title">
          {t.releases.sections.images}
        </Title>
        {editable ? (
          <Button size="xs" onClick={() => setAdding(true)}>
            {r.add}
          </Button>
        ) : null}
      </Group>
      {release.images.length ? (
        <Stack gap="sm">
          {release.images.map((img, i) => (
            <ImageRow key={img.id} release={release} image={img} index={i} version={version} editable={editable} onDone={refresh} />
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {r.empty}
        </Text>
      )}
      <ImageUploadModal
        opened={adding}
        onClose={() => setAdding(false)}
        upload={async (file, meta) => {
          const res = await upload(
            '/api/releases/{id}/images',
            { path: { id: release.id } },
            { version: String(version), alt: meta.alt, caption: meta.caption, credit: meta.credit, file },
          );
          refresh(res.releaseVersion);
          return res;
        }}
        onUploaded={() => notifySuccess(r.uploaded)}
      />
    </Card>
  );
}

function ImageRow({
  release,
  image,
  index,
  version,
  editable,
  onDone,
}: {
  release: ReleaseDetail;
  image: ReleaseDetail['images'][number];
  index: number;
  version: number;
  editable: boolean;
  onDone: (v?: number) => void;
}) {
  const t = useT();
  const r = t.releases.images;
  const form = useForm({ initialValues: { alt: image.alt, caption: image.caption ?? '', credit: image.credit ?? '' } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      call(
        client.PATCH('/api/releases/{id}/images/{imageId}', {
          params: { path: { id: release.id, imageId: image.id } },
          body: { version, alt: v.alt, caption: v.caption || null, credit: v.credit || null },
        }),
      ),
    (res) => {
      form.resetDirty();
      onDone(res.releaseVersion);
      notifySuccess(t.common.saved);
    },
  );
  const remove = useMutation({
    mutationFn: () =>
      call(
        client.DELETE('/api/releases/{id}/images/{imageId}', {
          params: { path: { id: release.id, imageId: image.id }, query: { version } },
        }),
      ),
    onSuccess: (res) => {
      onDone(res.releaseVersion);
      notifySuccess(r.removed);
    },
    onError: (e) => notifyError(e, t),
  });
  const thumb = image.variants.find((v) => v.width <= 480 && v.mime !== 'image/webp')?.url ?? image.url;
  return (
    <Group align="flex-start" gap="sm" wrap="wrap" data-testid="release-image">
      <Image src={thumb} alt={image.alt} w={120} h={80} fit="cover" radius="sm" />
      <form onSubmit={submit} noValidate style={{ flex: '1 1 14rem' }}>
        <Stack gap={6}>
          {index === 0 ? (
            <Text size="xs" fw={600} c="teal.9">
              {r.cover}
            </Text>
          ) : null}
          <TextInput size="xs" label={r.alt} required readOnly={!editable} {...form.getInputProps('alt')} />
          <Group gap="xs" grow>
            <TextInput size="xs" label={r.caption} readOnly={!editable} {...form.getInputProps('caption')} />
            <TextInput size="xs" label={r.credit} readOnly={!editable} {...form.getInputProps('credit')} />
          </Group>
          {alert}
          {editable ? (
            <Group gap="xs" justify="flex-end">
              <ConfirmButton
                size="xs"
                variant="default"
                color="red"
                question={r.removeQuestion}
                onConfirm={() => remove.mutate()}
                loading={remove.isPending}
              >
                {r.remove}
              </ConfirmButton>
              <Button size="xs" type="submit" variant="light" loading={mutation.isPending} disabled={!form.isDirty()}>
                {r.saveMeta}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Group>
  );
}

function AttachmentsCard({ release, version, onVersion }: Props) {
  const t = useT();
  const r = t.releases.attachments;
  const lang = useLang();
  const refresh = useRefresh(release, onVersion);
  const editable = release.can.write || release.can.correct;
  const form = useForm<{ file: File | null; title: string }>({
    initialValues: { file: null, title: '' },
    validate: { file: (f) => (f ? null : r.fileRequired) },
  });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      upload(
        '/api/releases/{id}/attachments',
        { path: { id: release.id } },
        { version: String(version), ...(v.title.trim() ? { title: v.title } : {}), file: v.file as File },
      ),
    (res) => {
      form.reset();
      refresh(res.releaseVersion);
      notifySuccess(r.uploaded);
    },
  );
  const remove = useMutation({
    mutationFn: (attachmentId: string) =>
      call(
        client.DELETE('/api/releases/{id}/attachments/{attachmentId}', {
          params: { path: { id: release.id, attachmentId }, query: { version } },
        }),
      ),
    onSuccess: (res) => refresh(res.releaseVersion),
    onError: (e) => notifyError(e, t),
  });
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="release-attachments-title">
      <Title order={3} size="h4" id="release-attachments-title" mb="xs">
        {t.releases.sections.attachments}
      </Title>
      {release.attachments.length ? (
        <Stack gap={6} mb="sm">
          {release.attachments.map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
              <Anchor href={a.url} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {a.title || a.name}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {formatNumber(Math.ceil(a.size / 1024), lang)} KB
                </Text>
                {editable ? (
                  <ConfirmButton
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    question={r.removeQuestion}
                    onConfirm={() => remove.mutate(a.id)}
                    aria-label={`${r.remove}: ${a.title || a.name}`}
                  >
                    {r.remove}
                  </ConfirmButton>
                ) : null}
              </Group>
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          {r.empty}
        </Text>
      )}
      {editable ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FileInput
              label={r.file}
              description={r.fileHint}
              placeholder={r.choose}
              clearable
              clearButtonProps={{ 'aria-label': t.releases.images.clearFile }}
              {...form.getInputProps('file')}
            />
            <TextInput label={r.title} {...form.getInputProps('title')} />
            {alert}
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={mutation.isPending}>
                {r.upload}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ErrorAlert error={remove.error} />
    </Card>
  );
}
