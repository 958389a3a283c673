import { Badge, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { institutionCategories } from '../../../shared/categories';
import { categoryLabel } from '../../format';
import { useLang } from '../../i18n';
import { useActivitiesT } from './i18n';
import { TextListEditor } from './ListEditor';
import { SectionCard } from './SectionEditor';
import { Paragraphs, type SectionProps } from './TextSections';

/** Section D: how the activity is carried out and who takes part (the schedule has its own panel). */
export function MethodSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const lang = useLang();
  const m = t.activities.method;
  const p = activity.kak.participants;
  return (
    <SectionCard
      id="section-d"
      title={t.activities.section.d}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{
        values: (a) => ({
          method: [...a.kak.method],
          participants: { ...a.kak.participants, categories: [...a.kak.participants.categories] },
        }),
        patch: (v) => ({ kak: v }),
        prefix: 'kak.',
      }}
      view={
        <Stack gap="xs">
          <Paragraphs items={activity.kak.method} />
          <Text size="sm" fw={600} mt="xs">
            {m.participants}
          </Text>
          {p.categories.length ? (
            <Group gap={6}>
              {p.categories.map((c) => (
                <Badge key={c} variant="light" color="gray" tt="none">
                  {categoryLabel(c, lang)}
                </Badge>
              ))}
            </Group>
          ) : null}
          {p.frequency ? (
            <Text size="sm">
              {m.frequency}: {p.frequency}
            </Text>
          ) : null}
          {p.text ? <Text size="sm">{p.text}</Text> : null}
        </Stack>
      }
      editor={(form) => (
        <>
          <TextListEditor form={form} path="method" itemLabel={m.paragraph} addLabel={m.add} />
          <Checkbox.Group label={m.categories} {...form.getInputProps('participants.categories')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {institutionCategories.map((c) => (
                <Checkbox key={c} value={c} label={categoryLabel(c, lang)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput label={m.frequency} placeholder={m.frequencyHint} {...form.getInputProps('participants.frequency')} />
          <Textarea label={m.text} autosize minRows={2} {...form.getInputProps('participants.text')} />
        </>
      )}
    />
  );
}
