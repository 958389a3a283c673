import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, Stack, Switch, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { useFormMutation } from '../../components/useFormMutation';
import { formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useForumT } from './i18n';
import { useSession } from '../../session';
import { forumAbility, forumKeys, type ForumCategory } from './api';

type Values = { name: string; description: string };

/** Name and description of a category (new or existing); the server's field messages show under the fields. */
function CategoryModal({ category, opened, onClose }: { category: ForumCategory | null; opened: boolean; onClose: () => void }) {
  const t = useForumT();
  const f = t.forum;
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: { name: category?.name ?? '', description: category?.description ?? '' } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      category
        ? call(
            client.PATCH('/api/forum/categories/{id}', {
              params: { path: { id: category.id } },
              body: { version: category.version, name: v.name, description: v.description || null },
            }),
          )
        : call(client.POST('/api/forum/categories', { body: { name: v.name, description: v.description || null } })),
    () => {
      void queryClient.invalidateQueries({ queryKey: forumKeys.categories });
      notifySuccess(t.common.saved);
      onClose();
    },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={category ? `${t.common.edit}: ${category.name}` : f.addCategory}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={f.categoryName} required maxLength={80} data-autofocus {...form.getInputProps('name')} />
          <Textarea label={f.categoryDescription} autosize minRows={2} maxLength={500} {...form.getInputProps('description')} />
          {alert}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.common.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The category list for administrators: add, rename, reorder, deactivate (a used category is never deleted). */
export function CategoriesPage() {
  const t = useForumT();
  const f = t.forum;
  const lang = useLang();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const allowed = can(forumAbility.categories);
  const [editing, setEditing] = useState<ForumCategory | 'new' | null>(null);
  const categories = useQuery({
    queryKey: forumKeys.categories,
    queryFn: () => call(client.GET('/api/forum/categories')),
    enabled: allowed,
  });
  const patch = useMutation({
    mutationFn: ({ c, body }: { c: ForumCategory; body: { position?: number; active?: boolean } }) =>
      call(client.PATCH('/api/forum/categories/{id}', { params: { path: { id: c.id } }, body: { version: c.version, ...body } })),
    onSuccess: () => notifySuccess(t.common.saved),
    onError: (e) => notifyError(e, t),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: forumKeys.categories }),
  });
  if (!allowed) return <Alert color="yellow">{t.common.errors.forbidden}</Alert>;
  const items = categories.data?.items ?? [];
  // Moving a row swaps its position with its neighbour's (two writes, each with its own version).
  const swap = (i: number, j: number) => {
    const a = items[i]!;
    const b = items[j]!;
    patch.mutate({ c: a, body: { position: b.position } });
    patch.mutate({ c: b, body: { position: a.position } });
  };

  return (
    <>
      <PageHeader
        title={f.categoriesTitle}
        description={f.categoriesDescription}
        actions={<Button onClick={() => setEditing('new')}>{f.addCategory}</Button>}
      />
      <ErrorAlert error={categories.error} />
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={f.categoriesTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{f.categoryName}</Table.Th>
                <Table.Th ta="right">{f.topics}</Table.Th>
                <Table.Th>{f.categoryActive}</Table.Th>
                <Table.Th>{f.categoryOrder}</Table.Th>
                <Table.Th>{t.common.edit}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c, i) => (
                <Table.Tr key={c.id} data-testid="category-row">
                  <Table.Td>
                    <Text fw={500}>{c.name}</Text>
                    {c.description ? (
                      <Text size="xs" c="dimmed">
                        {c.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(c.topicCount, lang)}
                    {c.openCount ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({f.statuses.open}: {formatNumber(c.openCount, lang)})
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={c.active}
                      aria-label={`${f.categoryActive}: ${c.name}`}
                      onChange={(e) => patch.mutate({ c, body: { active: e.currentTarget.checked } })}
                    />
                    {!c.active ? (
                      <Badge color="gray" size="sm" mt={4}>
                        {t.common.inactive}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={i === 0 || patch.isPending}
                        aria-label={`${f.moveUp}: ${c.name}`}
                        onClick={() => swap(i, i - 1)}
                      >
                        ↑
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={i === items.length - 1 || patch.isPending}
                        aria-label={`${f.moveDown}: ${c.name}`}
                        onClick={() => swap(i, i + 1)}
                      >
                        ↓
                      </Button>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(c)} aria-label={`${t.common.edit}: ${c.name}`}>
                      {t.common.edit}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {editing ? (
        <CategoryModal
          key={editing === 'new' ? 'new' : editing.id}
          category={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
