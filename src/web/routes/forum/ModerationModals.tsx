import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { forumLimits } from '../../../shared/forum';
import { ApiError, call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { useForumT } from './i18n';
import { forumKeys } from './api';

function useAction<T>(fn: (value: T) => Promise<unknown>, onClose: () => void) {
  return useMutation({ mutationFn: fn, onSuccess: onClose });
}

/** Hide a topic or a reply: the reason is required and goes to the audit trail. */
export function HideModal({
  opened,
  title,
  onClose,
  hide,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  hide: (reason: string) => Promise<unknown>;
}) {
  const t = useForumT();
  const f = t.forum;
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    action.reset();
    onClose();
  };
  const action = useAction(hide, close);
  const fieldError = action.error instanceof ApiError ? (action.error.fields.reason ?? null) : null;
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate(reason);
        }}
        noValidate
      >
        <Stack>
          <Textarea
            label={f.hideReason}
            required
            autosize
            minRows={3}
            maxLength={forumLimits.reasonMax}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
          <ErrorAlert error={fieldError ? null : action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t.common.cancel}
            </Button>
            <Button type="submit" color="red" loading={action.isPending}>
              {f.hideConfirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Move a topic to another (active) category. */
export function MoveModal({
  opened,
  current,
  onClose,
  move,
}: {
  opened: boolean;
  current: string;
  onClose: () => void;
  move: (categoryId: string) => Promise<unknown>;
}) {
  const t = useForumT();
  const f = t.forum;
  const [target, setTarget] = useState<string | null>(null);
  const categories = useQuery({
    queryKey: forumKeys.categories,
    queryFn: () => call(client.GET('/api/forum/categories')),
    enabled: opened,
  });
  const action = useAction(move, onClose);
  return (
    <Modal opened={opened} onClose={onClose} title={f.move}>
      <Stack>
        <Select
          label={f.moveTo}
          data={(categories.data?.items ?? []).filter((c) => c.active && c.id !== current).map((c) => ({ value: c.id, label: c.name }))}
          value={target}
          onChange={setTarget}
          comboboxProps={{ withinPortal: false }}
        />
        <ErrorAlert error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button disabled={!target} loading={action.isPending} onClick={() => target && action.mutate(target)}>
            {f.move}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Merge this topic into another one (found by searching its title). */
export function MergeModal({
  opened,
  topicId,
  onClose,
  merge,
}: {
  opened: boolean;
  topicId: string;
  onClose: () => void;
  merge: (intoTopicId: string) => Promise<unknown>;
}) {
  const t = useForumT();
  const f = t.forum;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [target, setTarget] = useState<string | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const hits = useQuery({
    queryKey: ['forum', 'merge-search', q],
    queryFn: () => call(client.GET('/api/forum/search', { params: { query: { q, limit: 20 } } })),
    enabled: opened && q.length > 1,
  });
  const options = new Map<string, string>();
  for (const h of hits.data?.items ?? []) if (h.topicId !== topicId) options.set(h.topicId, h.title);
  if (target && !options.has(target) && labels[target]) options.set(target, labels[target]);
  const action = useAction(merge, onClose);
  return (
    <Modal opened={opened} onClose={onClose} title={f.merge}>
      <Stack>
        <Text size="sm">{f.mergeHint}</Text>
        <Select
          label={f.mergeTarget}
          placeholder={f.mergeSearch}
          searchable
          filter={({ options: o }) => o}
          nothingFoundMessage={q.length > 1 ? t.common.nothingFound : undefined}
          data={[...options].map(([value, label]) => ({ value, label }))}
          onSearchChange={setSearch}
          value={target}
          onChange={(v, option) => {
            if (v && option) setLabels((l) => ({ ...l, [v]: option.label }));
            setTarget(v);
          }}
          comboboxProps={{ withinPortal: false }}
        />
        <ErrorAlert error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button color="red" disabled={!target} loading={action.isPending} onClick={() => target && action.mutate(target)}>
            {f.merge}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
