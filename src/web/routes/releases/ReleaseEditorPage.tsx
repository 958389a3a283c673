import '@mantine/core/styles/Fieldset.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { releaseCategories, releaseLimits } from '../../../shared/releaseStates';
import { ApiError, call, client } from '../../api';
import { ErrorAlert, notifySuccess } from '../../components/errors';
import { RichTextInput } from '../../components/RichTextInput';
import { useLang } from '../../i18n';
import { useT } from './texts';
import { MediaSection } from './MediaSection';
import { ReleasePreviewFrame } from './ReleasePreview';
import { previewArticle } from './previewMarkup';
import { RejectionNote } from './RejectionNote';
import { ScheduleField } from './ScheduleField';
import { categoryLabel, isStale, releaseKey, releaseQuery, releasesKey, useReleaseMeta, type ReleaseDetail } from './shared';

export type ReleaseValues = {
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string[];
  releaseNumber: string;
  contact: { name: string; position: string; phone: string; email: string };
  institutionId: string;
  /** The writer's requested publication time (ISO, +07:00), null = as soon as it is approved. */
  publishAt: string | null;
  /** Correction only: the change is significant ("perubahan penting") and its note. */
  significant: boolean;
  note: string;
};

function valuesOf(r?: ReleaseDetail): ReleaseValues {
  return {
    title: r?.title ?? '',
    summary: r?.summary ?? '',
    body: r?.body ?? '',
    category: r?.category ?? '',
    tags: r?.tags ?? [],
    releaseNumber: r?.releaseNumber ?? '',
    contact: {
      name: r?.contact?.name ?? '',
      position: r?.contact?.position ?? '',
      phone: r?.contact?.phone ?? '',
      email: r?.contact?.email ?? '',
    },
    institutionId: r?.institution.id ?? '',
    publishAt: r && !['published', 'unpublished'].includes(r.status) ? r.publishAt : null,
    significant: false,
    note: '',
  };
}

/** The fields the API takes (empty optional texts left out or null, a contact without a name left out). */
function contentOf(v: ReleaseValues) {
  const c = v.contact;
  return {
    title: v.title,
    summary: v.summary,
    body: v.body,
    category: v.category as (typeof releaseCategories)[number],
    tags: v.tags,
    releaseNumber: v.releaseNumber.trim() || null,
    contact: c.name.trim()
      ? {
          name: c.name,
          ...(c.position.trim() ? { position: c.position } : {}),
          ...(c.phone.trim() ? { phone: c.phone } : {}),
          ...(c.email.trim() ? { email: c.email } : {}),
        }
      : null,
  };
}

/**
 * The server's per-field messages next to the fields, nested ones included (`contact.phone`, `tags.3`).
 * Answers true when every message found a field.
 */
function applyErrors(form: UseFormReturnType<ReleaseValues>, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const entries = Object.entries(err.fields);
  if (!entries.length) return false;
  const known = new Set([...Object.keys(form.getValues()), 'contact.name', 'contact.position', 'contact.phone', 'contact.email']);
  const mapped: Record<string, string> = {};
  let unmapped = 0;
  for (const [path, message] of entries) {
    const parts = path.split('.');
    const key = known.has(parts.slice(0, 2).join('.')) ? parts.slice(0, 2).join('.') : parts[0]!;
    if (known.has(key) && key !== 'contact') mapped[key] ??= message;
    else unmapped++;
  }
  form.setErrors(mapped);
  return unmapped === 0;
}

/** /rilis/baru: a new draft (images and attachments come once it is saved). */
export function NewReleasePage() {
  return <ReleaseEditor />;
}

/** /rilis/:id/ubah: a draft or sent-back release, or a correction of a published one. */
export function EditReleasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { data, error } = useQuery(releaseQuery(id));
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Text c="dimmed">{t.common.loading}</Text>;
  return <ReleaseEditor release={data} key={data.id} />;
}

function ReleaseEditor({ release }: { release?: ReleaseDetail }) {
  const t = useT();
  const r = t.releases;
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const meta = useReleaseMeta();
  const mode: 'create' | 'write' | 'correct' | 'readonly' = !release
    ? 'create'
    : release.can.write
      ? 'write'
      : release.can.correct
        ? 'correct'
        : 'readonly';
  const form = useForm<ReleaseValues>({ initialValues: valuesOf(release) });
  const [fieldsShown, setFieldsShown] = useState(false);
  // The version this screen last saw; image and attachment changes move it on (their answers carry it).
  const [version, setVersion] = useState(release?.version ?? 0);
  const v = form.values;

  const save = useMutation({
    mutationFn: async ({ values, then }: { values: ReleaseValues; then?: 'submit' }) => {
      let saved: ReleaseDetail;
      if (!release) {
        saved = await call(
          client.POST('/api/releases', {
            body: {
              ...contentOf(values),
              publishAt: values.publishAt,
              ...(values.institutionId ? { institutionId: values.institutionId } : {}),
            },
          }),
        );
      } else if (mode === 'correct') {
        saved = await call(
          client.POST('/api/releases/{id}/correct', {
            params: { path: { id: release.id } },
            body: { version, ...contentOf(values), significant: values.significant, note: values.note.trim() || undefined },
          }),
        );
      } else {
        saved = await call(
          client.PATCH('/api/releases/{id}', {
            params: { path: { id: release.id } },
            body: { version, ...contentOf(values), publishAt: values.publishAt },
          }),
        );
      }
      if (then === 'submit') {
        saved = await call(
          client.POST('/api/releases/{id}/submit', { params: { path: { id: saved.id } }, body: { version: saved.version } }),
        );
      }
      return { saved, then };
    },
    onMutate: () => form.clearErrors(),
    onError: (e) => setFieldsShown(applyErrors(form, e)),
    onSuccess: ({ saved, then }) => {
      queryClient.setQueryData(releaseKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: releasesKey });
      setVersion(saved.version);
      if (!release) {
        notifySuccess(r.actions.created);
        void navigate(`/rilis/${saved.id}/ubah`, { replace: true });
      } else if (then === 'submit') {
        notifySuccess(r.actions.submitted);
        void navigate(`/rilis/${saved.id}`);
      } else if (mode === 'correct') {
        notifySuccess(r.actions.saved);
        void navigate(`/rilis/${saved.id}`);
      } else {
        form.resetDirty();
        notifySuccess(r.actions.saved);
      }
    },
  });
  const stale = isStale(save.error);

  if (mode === 'readonly' && release)
    return (
      <Stack maw={720}>
        <Alert color="yellow">{r.notEditable}</Alert>
        <Anchor component={Link} to={`/rilis/${release.id}`}>
          {release.title}
        </Anchor>
      </Stack>
    );

  const institutions = meta.data?.institutions ?? [];
  const institutionName =
    release?.institution.name ??
    institutions.find((i) => i.id === v.institutionId)?.name ??
    (institutions.length === 1 ? institutions[0]!.name : '');
  const canSubmit = !!release && release.can.submit;

  return (
    <Stack gap="md" maw={1400}>
      <Anchor component={Link} to={release ? `/rilis/${release.id}` : '/rilis'} size="sm">
        ← {release ? release.title : r.actions.backToList}
      </Anchor>
      <Title order={2}>{mode === 'create' ? r.newTitle : mode === 'correct' ? r.correction.title : r.editTitle}</Title>
      {release ? <RejectionNote release={release} /> : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <form
          onSubmit={form.onSubmit((values) => save.mutate({ values }))}
          noValidate
          aria-label={mode === 'create' ? r.newTitle : r.editTitle}
        >
          <Stack gap="md">
            <TextInput label={r.fields.title} required maxLength={releaseLimits.titleMax} {...form.getInputProps('title')} />
            <Textarea
              label={r.fields.summary}
              description={r.fields.summaryHint}
              autosize
              minRows={2}
              maxLength={releaseLimits.summaryMax}
              {...form.getInputProps('summary')}
            />
            <RichTextInput
              label={r.fields.body}
              required
              minHeight={220}
              value={v.body}
              onChange={(html) => form.setFieldValue('body', html)}
              error={form.errors.body as string | undefined}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={r.fields.category}
                required
                data={releaseCategories.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
                {...form.getInputProps('category')}
              />
              {mode === 'create' && institutions.length > 1 ? (
                <Select
                  label={r.fields.institution}
                  searchable
                  data={institutions.map((i) => ({ value: i.id, label: i.name }))}
                  {...form.getInputProps('institutionId')}
                />
              ) : (
                <TextInput label={r.fields.institution} value={institutionName} readOnly variant="filled" />
              )}
            </SimpleGrid>
            <TagsInput
              label={r.fields.tags}
              description={r.fields.tagsHint}
              maxTags={releaseLimits.tagsMax}
              clearable
              {...form.getInputProps('tags')}
            />
            <TextInput label={r.fields.releaseNumber} description={r.fields.releaseNumberHint} {...form.getInputProps('releaseNumber')} />
            <Fieldset legend={r.sections.contact} variant="default" p="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={r.fields.contactName} {...form.getInputProps('contact.name')} />
                <TextInput label={r.fields.contactPosition} {...form.getInputProps('contact.position')} />
                <TextInput label={r.fields.contactPhone} type="tel" {...form.getInputProps('contact.phone')} />
                <TextInput label={r.fields.contactEmail} type="email" {...form.getInputProps('contact.email')} />
              </SimpleGrid>
            </Fieldset>
            {mode !== 'correct' ? (
              <Card withBorder padding="sm" component="section" aria-labelledby="release-request-title">
                <Title order={3} size="h5" id="release-request-title" mb={4}>
                  {r.sections.schedule}
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  {r.schedule.requestHint}
                </Text>
                <ScheduleField
                  value={v.publishAt}
                  onChange={(value) => form.setFieldValue('publishAt', value)}
                  error={form.errors.publishAt as string | undefined}
                />
              </Card>
            ) : null}
            {mode === 'correct' ? (
              <Card withBorder padding="sm">
                <Stack gap="xs">
                  <Checkbox
                    label={r.correction.important}
                    description={r.correction.importantHint}
                    {...form.getInputProps('significant', { type: 'checkbox' })}
                  />
                  <Textarea
                    label={r.correction.note}
                    description={r.correction.noteHint}
                    required={v.significant}
                    autosize
                    minRows={2}
                    {...form.getInputProps('note')}
                  />
                </Stack>
              </Card>
            ) : null}
            {stale ? (
              <Alert color="orange" role="alert">
                {r.stale}
                <Group mt="xs">
                  <Button size="xs" color="orange" onClick={() => window.location.reload()}>
                    {t.common.reload}
                  </Button>
                </Group>
              </Alert>
            ) : (
              <ErrorAlert error={save.error} fieldsShown={fieldsShown} />
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" component={Link} to={release ? `/rilis/${release.id}` : '/rilis'}>
                {t.common.cancel}
              </Button>
              <Button type="submit" variant={canSubmit ? 'default' : 'filled'} loading={save.isPending && !save.variables?.then}>
                {mode === 'correct' ? r.actions.saveCorrection : r.actions.saveDraft}
              </Button>
              {canSubmit ? (
                <Button
                  loading={save.isPending && save.variables?.then === 'submit'}
                  onClick={() => {
                    const valid = !form.validate().hasErrors;
                    if (valid) save.mutate({ values: form.getValues(), then: 'submit' });
                  }}
                >
                  {release?.status === 'rejected' ? r.actions.resubmit : r.actions.submit}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
        <Stack gap="md">
          <LivePreview values={v} release={release} institutionName={institutionName} />
        </Stack>
      </SimpleGrid>
      {release ? (
        <MediaSection release={release} version={version} onVersion={setVersion} />
      ) : (
        <Text size="sm" c="dimmed">
          {r.images.afterSave}
        </Text>
      )}
      {release?.can.publish ? <PublishCard release={release} version={version} /> : null}
    </Stack>
  );
}

/**
 * The public page as it will look, while typing: the body goes through the server's sanitiser (what would be
 * stored), the rest is laid out with the portal's markup and stylesheet.
 */
function LivePreview({ values, release, institutionName }: { values: ReleaseValues; release?: ReleaseDetail; institutionName: string }) {
  const t = useT();
  const lang = useLang();
  const [debounced] = useDebouncedValue(values, 600);
  const sanitised = useQuery({
    queryKey: ['releases', 'preview', debounced.body],
    queryFn: () => call(client.POST('/api/releases/preview', { body: { body: debounced.body } })),
    enabled: debounced.body.trim() !== '',
    staleTime: Number.POSITIVE_INFINITY,
  });
  const html = previewArticle(
    {
      title: debounced.title,
      summary: debounced.summary,
      bodyHtml: debounced.body.trim() ? (sanitised.data?.body ?? '') : '',
      institutionName,
      categoryLabel: debounced.category ? categoryLabel(debounced.category, lang) : '',
      tags: debounced.tags,
      releaseNumber: debounced.releaseNumber,
      contact: debounced.contact,
      images: (release?.images ?? []).map((i) => ({
        url: i.url,
        alt: i.alt,
        caption: i.caption,
        credit: i.credit,
        width: i.width,
        height: i.height,
      })),
      attachments: (release?.attachments ?? []).map((a) => ({ name: a.title || a.name, url: a.url })),
      publishAt: release?.publishAt ?? null,
      correctedAt: release?.correctedAt ?? null,
      correctionNote: release?.correctionNote ?? null,
    },
    lang,
  );
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="release-preview-title">
      <Title order={3} size="h4" id="release-preview-title">
        {t.releases.sections.preview}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.releases.preview.hint}
      </Text>
      <ReleasePreviewFrame html={html} />
    </Card>
  );
}

/** For editors: publish now or at a time in WIB (an embargo), from the writing screen. */
function PublishCard({ release, version }: { release: ReleaseDetail; version: number }) {
  const t = useT();
  const r = t.releases;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({ initialValues: { publishAt: release.status === 'scheduled' ? release.publishAt : (null as string | null) } });
  const publish = useMutation({
    mutationFn: (publishAt: string | null) =>
      call(client.POST('/api/releases/{id}/publish', { params: { path: { id: release.id } }, body: { version, publishAt } })),
    onMutate: () => form.clearErrors(),
    onError: (e) => {
      if (e instanceof ApiError && e.fields.publishAt) form.setFieldError('publishAt', e.fields.publishAt);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(releaseKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: releasesKey });
      notifySuccess(saved.status === 'scheduled' ? r.actions.scheduled : r.actions.published);
      void navigate(`/rilis/${saved.id}`);
    },
  });
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="release-schedule-title" maw={640}>
      <form onSubmit={form.onSubmit((v) => publish.mutate(v.publishAt))} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="release-schedule-title">
            {r.sections.schedule}
          </Title>
          <ScheduleField
            value={form.values.publishAt}
            onChange={(value) => form.setFieldValue('publishAt', value)}
            error={form.errors.publishAt as string | undefined}
          />
          {publish.error && !(publish.error instanceof ApiError && publish.error.fields.publishAt) ? (
            <ErrorAlert error={publish.error} />
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={publish.isPending}>
              {form.values.publishAt ? r.schedule.at : r.actions.publishNow}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
