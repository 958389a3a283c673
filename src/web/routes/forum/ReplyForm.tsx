import { useState } from 'react';
import { Button, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError, call, client } from '../../api';
import { ErrorAlert, notifySuccess } from '../../components/errors';
import { RichTextInput } from '../../components/RichTextInput';
import { useForumT } from './i18n';
import type { Attachment, ForumReply } from './api';
import { AttachmentsInput } from './attachments';

const bodyError = (e: unknown) => (e instanceof ApiError ? (e.fields.bodyHtml ?? null) : null);

/** The reply form under a topic: body, an optional quote of another reply, attachments. */
export function ReplyForm({
  topicId,
  quote,
  onClearQuote,
  onSent,
}: {
  topicId: string;
  quote: ForumReply | null;
  onClearQuote: () => void;
  onSent: () => void;
}) {
  const t = useForumT();
  const f = t.forum;
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const send = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/forum/topics/{id}/replies', {
          params: { path: { id: topicId } },
          body: { bodyHtml: body, quoteReplyId: quote?.id ?? null, attachmentIds: attachments.map((a) => a.id) },
        }),
      ),
    onSuccess: () => {
      setBody('');
      setAttachments([]);
      notifySuccess(f.replySent);
      onSent();
    },
  });
  const fieldError = bodyError(send.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="forum-reply-form" id="reply-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="forum-reply-form">
            {f.replyTitle}
          </Title>
          {quote ? (
            <Group gap="xs" wrap="nowrap" className="forum-quote" data-testid="quoting">
              <Text size="sm" style={{ flex: 1 }}>
                {f.quoteOf(quote.author.name)}
              </Text>
              <CloseButton aria-label={f.removeQuote} onClick={onClearQuote} />
            </Group>
          ) : null}
          <RichTextInput label={f.replyBody} required value={body} onChange={setBody} error={fieldError} minHeight={120} />
          <AttachmentsInput value={attachments} onChange={setAttachments} />
          <ErrorAlert error={fieldError ? null : send.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={send.isPending}>
              {f.sendReply}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Editing one's own reply in place (within the server's window: the button shows only while `can.edit`). */
export function ReplyEditor({ reply, onCancel, onSaved }: { reply: ForumReply; onCancel: () => void; onSaved: () => void }) {
  const t = useForumT();
  const f = t.forum;
  const [body, setBody] = useState(reply.bodyHtml ?? '');
  const [attachments, setAttachments] = useState<Attachment[]>(reply.attachments);
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PATCH('/api/forum/replies/{id}', {
          params: { path: { id: reply.id } },
          body: { version: reply.version, bodyHtml: body, attachmentIds: attachments.map((a) => a.id) },
        }),
      ),
    onSuccess: () => {
      notifySuccess(f.saved);
      onSaved();
    },
  });
  const fieldError = bodyError(save.error);
  return (
    <Stack gap="sm" mt="xs">
      <RichTextInput label={f.replyBody} required value={body} onChange={setBody} error={fieldError} minHeight={100} />
      <AttachmentsInput value={attachments} onChange={setAttachments} />
      <ErrorAlert error={fieldError ? null : save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t.common.cancel}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {f.saveChanges}
        </Button>
      </Group>
    </Stack>
  );
}
