import { ActionIcon, Button, Group, Input, Stack, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useActivitiesT } from './i18n';

type AnyForm = UseFormReturnType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Up / down / remove buttons of one row of a list in a form. */
export function RowActions({
  form,
  path,
  index,
  count,
  label,
}: {
  form: AnyForm;
  path: string;
  index: number;
  count: number;
  label: string;
}) {
  const t = useActivitiesT();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`${t.activities.moveUp}: ${label}`}
        disabled={index === 0}
        onClick={() => form.reorderListItem(path, { from: index, to: index - 1 })}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`${t.activities.moveDown}: ${label}`}
        disabled={index === count - 1}
        onClick={() => form.reorderListItem(path, { from: index, to: index + 1 })}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`${t.activities.remove}: ${label}`}
        onClick={() => form.removeListItem(path, index)}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}

/** A list of paragraphs (or short lines) that can be added, removed and reordered. */
export function TextListEditor({
  form,
  path,
  itemLabel,
  addLabel,
  minRows = 3,
}: {
  form: AnyForm;
  path: string;
  itemLabel: string;
  addLabel: string;
  minRows?: number;
}) {
  const items = (form.getValues()[path] as string[]) ?? [];
  const error = form.errors[path];
  return (
    <Stack gap="xs">
      {items.map((_, i) => {
        const label = `${itemLabel} ${i + 1}`;
        return (
          <div key={i}>
            <Group justify="space-between" align="flex-end" gap={4} wrap="nowrap">
              <Input.Label>{label}</Input.Label>
              <RowActions form={form} path={path} index={i} count={items.length} label={label} />
            </Group>
            <Textarea aria-label={label} autosize minRows={minRows} maxRows={16} {...form.getInputProps(`${path}.${i}`)} />
          </div>
        );
      })}
      {error ? <Input.Error>{error}</Input.Error> : null}
      <Group>
        <Button size="xs" variant="default" onClick={() => form.insertListItem(path, '')}>
          + {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
