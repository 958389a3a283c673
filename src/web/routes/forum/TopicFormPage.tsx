import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, client } from '../../api';
import { ErrorAlert, notifySuccess } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { RichTextInput } from '../../components/RichTextInput';
import { useFormMutation } from '../../components/useFormMutation';
import { formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { useForumT } from './i18n';
import { forumKeys, type Attachment, type TopicDetail } from './api';
import { AttachmentsInput } from './attachments';

type Values = { type: string; categoryId: string; title: string; bodyHtml: string };

function useCategories() {
  return useQuery({ queryKey: forumKeys.categories, queryFn: () => call(client.GET('/api/forum/categories')), staleTime: 60_000 });
}

/** The write form of a topic (new and edit): title, category, type, body (the shared editor) and attachments. */
function TopicForm({
  initial,
  save,
  submitLabel,
  onCancel,
}: {
  initial?: TopicDetail;
  save: (values: Values & { attachmentIds: string[] }) => Promise<TopicDetail>;
  submitLabel: string;
  onCancel: () => void;
}) {
  const t = useForumT();
  const f = t.forum;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const [attachments, setAttachments] = useState<Attachment[]>(initial?.attachments ?? []);
  const form = useForm<Values>({
    initialValues: {
      type: initial?.type ?? 'problem',
      categoryId: initial?.category.id ?? '',
      title: initial?.title ?? '',
      bodyHtml: initial?.bodyHtml ?? '',
    },
  });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (values) => save({ ...values, attachmentIds: attachments.map((a) => a.id) }),
    (topic) => {
      queryClient.setQueryData(forumKeys.topic(topic.id), topic);
      void queryClient.invalidateQueries({ queryKey: ['forum', 'list'] });
      notifySuccess(initial ? f.saved : f.published);
      void navigate(`/forum/topics/${topic.id}`);
    },
  );
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;
  const options = (categories.data?.items ?? [])
    .filter((c) => c.active || c.id === initial?.category.id)
    .map((c) => ({ value: c.id, label: c.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={820}>
        <TextInput label={f.topicTitle} description={f.topicTitleHint} required maxLength={200} {...form.getInputProps('title')} />
        <Select label={f.category} required data={options} {...form.getInputProps('categoryId')} />
        <Radio.Group label={f.type} required {...form.getInputProps('type')}>
          <Stack gap={6} mt={6}>
            <Radio value="problem" label={f.typeProblem} />
            <Radio value="information" label={f.typeInformation} />
          </Stack>
        </Radio.Group>
        <RichTextInput
          label={f.body}
          description={f.bodyHint}
          required
          minHeight={200}
          value={form.values.bodyHtml}
          onChange={(html) => form.setFieldValue('bodyHtml', html)}
          error={form.errors.bodyHtml ? String(form.errors.bodyHtml) : null}
        />
        <AttachmentsInput value={attachments} onChange={setAttachments} />
        {alert}
        {stale ? (
          <Button variant="default" onClick={() => window.location.reload()}>
            {t.common.reload}
          </Button>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t.common.cancel}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewTopicPage() {
  const t = useForumT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t.forum.newTopic} description={t.forum.description} />
      <TopicForm
        submitLabel={t.forum.publish}
        onCancel={() => void navigate('/forum')}
        save={(v) =>
          call(
            client.POST('/api/forum/topics', {
              body: { ...v, type: v.type as TopicDetail['type'] },
            }),
          )
        }
      />
    </>
  );
}

export function EditTopicPage() {
  const { id = '' } = useParams();
  const t = useForumT();
  const lang = useLang();
  const navigate = useNavigate();
  const topic = useQuery({
    queryKey: forumKeys.topic(id),
    queryFn: () => call(client.GET('/api/forum/topics/{id}', { params: { path: { id } } })),
  });
  if (topic.error) return <ErrorAlert error={topic.error} />;
  if (!topic.data) return <Text c="dimmed">{t.common.loading}</Text>;
  const d = topic.data;
  return (
    <>
      <PageHeader
        title={t.forum.editTopic}
        description={
          <Anchor component={Link} to={`/forum/topics/${d.id}`}>
            {d.title}
          </Anchor>
        }
      />
      {!d.can.edit ? (
        <Alert color="yellow">{t.common.errors.forbidden}</Alert>
      ) : (
        <>
          {d.editableUntil ? (
            <Text size="sm" mb="sm">
              {t.forum.editUntil(formatDateTime(d.editableUntil, lang))}
            </Text>
          ) : null}
          <TopicForm
            initial={d}
            submitLabel={t.forum.saveChanges}
            onCancel={() => void navigate(`/forum/topics/${d.id}`)}
            save={(v) =>
              call(
                client.PATCH('/api/forum/topics/{id}', {
                  params: { path: { id: d.id } },
                  body: { ...v, type: v.type as TopicDetail['type'], version: d.version },
                }),
              )
            }
          />
        </>
      )}
    </>
  );
}
