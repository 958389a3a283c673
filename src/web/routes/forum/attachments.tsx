import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { forumAttachmentLimits } from '../../../shared/forum';
import { ApiError, apiHref, upload } from '../../api';
import { errorMessage } from '../../components/errors';
import { useLang } from '../../i18n';
import { useForumT } from './i18n';
import type { Attachment } from './api';
import { formatBytes } from './model';

const typeNames = [...new Set(Object.values(forumAttachmentLimits.types))].join(', ');

/**
 * Attachments of a post being written: each file is uploaded when chosen (POST /api/forum/attachments) and the
 * post then names their ids. Size and type are checked here first for a quick message; the server checks again
 * (type by content) and its message is shown as it comes.
 */
export function AttachmentsInput({ value, onChange }: { value: Attachment[]; onChange: (next: Attachment[]) => void }) {
  const t = useForumT();
  const lang = useLang();
  const f = t.forum;
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const max = formatBytes(forumAttachmentLimits.maxBytes, lang);
  const full = value.length >= forumAttachmentLimits.maxPerPost;

  const add = async (files: File[]) => {
    const problems: string[] = [];
    let next = value;
    setBusy(true);
    for (const file of files.slice(0, forumAttachmentLimits.maxPerPost - value.length)) {
      if (file.size > forumAttachmentLimits.maxBytes) {
        problems.push(f.tooLarge(file.name, max));
        continue;
      }
      if (file.type && !(file.type in forumAttachmentLimits.types)) {
        problems.push(f.wrongType(file.name));
        continue;
      }
      try {
        const saved = await upload('/api/forum/attachments', {}, { file });
        next = [...next, saved];
        onChange(next);
      } catch (e) {
        const message = e instanceof ApiError && e.fields.file ? e.fields.file : errorMessage(e, t);
        problems.push(`${file.name}: ${message}`);
      }
    }
    setBusy(false);
    setErrors(problems);
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {f.attachments}
      </Text>
      <Text size="xs" c="dimmed" id="forum-attachments-hint">
        {f.attachmentsHint(max, typeNames)}
      </Text>
      {value.length ? (
        <List spacing={4} size="sm" listStyleType="none" p={0}>
          {value.map((a) => (
            <List.Item key={a.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {a.name} ({formatBytes(a.size, lang)})
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={f.removeAttachment(a.name)}
                  onClick={() => onChange(value.filter((x) => x.id !== a.id))}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
      {errors.length ? (
        <Alert color="red" role="alert" p="xs">
          {errors.map((e) => (
            <Text key={e} size="sm">
              {e}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Group>
        <FileButton onChange={(files) => void add(files)} multiple accept={Object.keys(forumAttachmentLimits.types).join(',')}>
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={busy} disabled={full} aria-describedby="forum-attachments-hint">
              {f.addAttachment}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}

/** A post's attachments as download links. */
export function AttachmentList({ items }: { items: Attachment[] }) {
  const t = useForumT();
  const lang = useLang();
  if (!items.length) return null;
  return (
    <Stack gap={2} mt="xs">
      <Text size="sm" fw={500}>
        {t.forum.attachmentsTitle}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((a) => (
          <List.Item key={a.id}>
            <Anchor
              href={apiHref('/api/forum/attachments/{id}', { path: { id: a.id } })}
              download={a.name}
              style={{ wordBreak: 'break-all' }}
            >
              {a.name}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              ({formatBytes(a.size, lang)})
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
