import { Button, Group, Input, List, Paper, SimpleGrid, Spoiler, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Kak } from '../../../shared/kak';
import { useActivitiesT } from './i18n';
import { RowActions, TextListEditor } from './ListEditor';
import type { PanelIssues } from './Panel';
import { SectionCard } from './SectionEditor';
import type { ActivityDetail } from './types';

export type SectionProps = { activity: ActivityDetail; canEdit: boolean; issues: PanelIssues };

export function Empty() {
  const t = useActivitiesT();
  return (
    <Text size="sm" c="dimmed">
      {t.activities.emptySection}
    </Text>
  );
}

/** Paragraphs as printed; long sections start folded to a few lines ("Tampilkan semua"). */
export function Paragraphs({ items }: { items: string[] }) {
  const t = useActivitiesT();
  if (!items.length) return <Empty />;
  const body = (
    <Stack gap="xs">
      {items.map((p, i) => (
        <Text key={i} size="sm" style={{ whiteSpace: 'pre-line' }}>
          {p}
        </Text>
      ))}
    </Stack>
  );
  if (items.join('').length < 600) return body;
  return (
    <Spoiler
      maxHeight={110}
      showLabel={t.activities.showAll}
      hideLabel={t.activities.showLess}
      transitionDuration={0}
      styles={{ control: { fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      {body}
    </Spoiler>
  );
}

const kakPatch = <V extends Partial<Kak>>(v: V) => ({ kak: v });

export function BackgroundSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  return (
    <SectionCard
      id="section-a"
      title={t.activities.section.a}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{ values: (a) => ({ background: [...a.kak.background] }), patch: kakPatch, prefix: 'kak.' }}
      view={<Paragraphs items={activity.kak.background} />}
      editor={(form) => (
        <TextListEditor
          form={form}
          path="background"
          itemLabel={t.activities.background.paragraph}
          addLabel={t.activities.background.add}
        />
      )}
    />
  );
}

export function IntentSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const { intent, objectives } = activity.kak;
  return (
    <SectionCard
      id="section-b"
      title={t.activities.section.b}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{ values: (a) => ({ intent: a.kak.intent, objectives: [...a.kak.objectives] }), patch: kakPatch, prefix: 'kak.' }}
      view={
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t.activities.intent.intent}
          </Text>
          {intent ? <Text size="sm">{intent}</Text> : <Empty />}
          <Text size="sm" fw={600}>
            {t.activities.intent.objectives}
          </Text>
          {objectives.length ? (
            <List type="ordered" size="sm" spacing={4} data-testid="objectives">
              {objectives.map((o, i) => (
                <List.Item key={i}>{o}</List.Item>
              ))}
            </List>
          ) : (
            <Empty />
          )}
        </Stack>
      }
      editor={(form) => (
        <>
          <Textarea label={t.activities.intent.intent} autosize minRows={3} {...form.getInputProps('intent')} />
          <TextListEditor
            form={form}
            path="objectives"
            itemLabel={t.activities.intent.objective}
            addLabel={t.activities.intent.add}
            minRows={2}
          />
        </>
      )}
    />
  );
}

export function LocationsSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  return (
    <SectionCard
      id="section-e"
      title={t.activities.section.e}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{ values: (a) => ({ locations: [...a.kak.locations] }), patch: kakPatch, prefix: 'kak.' }}
      view={<Paragraphs items={activity.kak.locations} />}
      editor={(form) => (
        <TextListEditor
          form={form}
          path="locations"
          itemLabel={t.activities.locations.item}
          addLabel={t.activities.locations.add}
          minRows={2}
        />
      )}
    />
  );
}

export function OutputsSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const o = t.activities.outputs;
  const outputs = activity.kak.outputs;
  return (
    <SectionCard
      id="section-f"
      title={t.activities.section.f}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{ values: (a) => ({ outputs: a.kak.outputs.map((x) => ({ ...x })) }), patch: kakPatch, prefix: 'kak.' }}
      view={
        outputs.length ? (
          <Stack gap="xs">
            {outputs.map((x, i) => (
              <div key={i}>
                <Text size="sm">
                  {i + 1}. {x.description}
                </Text>
                {x.indicator || x.target ? (
                  <Text size="xs" c="dimmed">
                    {[x.indicator && `${o.indicator}: ${x.indicator}`, x.target && `${o.target}: ${x.target}`].filter(Boolean).join(' · ')}
                  </Text>
                ) : null}
              </div>
            ))}
          </Stack>
        ) : (
          <Empty />
        )
      }
      editor={(form) => {
        const rows = form.getValues().outputs;
        return (
          <Stack gap="xs">
            {rows.map((_, i) => (
              <Paper key={i} withBorder p="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {o.item} {i + 1}
                  </Text>
                  <RowActions form={form} path="outputs" index={i} count={rows.length} label={`${o.item} ${i + 1}`} />
                </Group>
                <Textarea label={o.description} autosize minRows={2} {...form.getInputProps(`outputs.${i}.description`)} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
                  <TextInput label={o.indicator} {...form.getInputProps(`outputs.${i}.indicator`)} />
                  <TextInput label={o.target} {...form.getInputProps(`outputs.${i}.target`)} />
                </SimpleGrid>
              </Paper>
            ))}
            {form.errors.outputs ? <Input.Error>{form.errors.outputs}</Input.Error> : null}
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => form.insertListItem('outputs', { description: '', indicator: '', target: '' })}
              >
                + {o.add}
              </Button>
            </Group>
          </Stack>
        );
      }}
    />
  );
}
