import { Button, Grid, Group, Input, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { scheduleStatuses } from '../../../shared/kak';
import { useActivitiesT } from './i18n';
import { RowActions } from './ListEditor';
import { SectionCard } from './SectionEditor';
import { ScheduleTimeline, type TimelineStep } from './ScheduleTimeline';
import type { SectionProps } from './TextSections';
import { orNull, type ActivityDetail } from './types';

type StepValues = Omit<TimelineStep, 'startDate' | 'endDate' | 'responsible'> & { startDate: string; endDate: string; responsible: string };
type Values = { scheduleIntro: string; schedule: StepValues[] };

const kinds = ['preparation', 'meeting', 'other'] as const;

const toValues = (a: ActivityDetail): Values => ({
  scheduleIntro: a.kak.scheduleIntro,
  schedule: a.kak.schedule.map((s) => ({ ...s, startDate: s.startDate ?? '', endDate: s.endDate ?? '', responsible: s.responsible ?? '' })),
});

const toPatch = (v: Values) => ({
  kak: {
    scheduleIntro: v.scheduleIntro,
    schedule: v.schedule.map((s) => ({
      step: s.step,
      startMonth: s.startMonth,
      endMonth: s.endMonth,
      startDate: orNull(s.startDate),
      endDate: orNull(s.endDate),
      responsible: s.responsible.trim() || null,
      kind: s.kind,
      status: s.status,
    })),
  },
});

/** Rows of the schedule that a check error points at ("kak.schedule.2.endMonth" -> 2). */
function rowsWithErrors(paths: string[]): Set<number> {
  return new Set(
    paths
      .map((p) => /^kak\.schedule\.(\d+)/.exec(p)?.[1])
      .filter((x): x is string => !!x)
      .map(Number),
  );
}

function StepRows({ form }: { form: UseFormReturnType<Values> }) {
  const t = useActivitiesT();
  const s = t.activities.schedule;
  const rows = form.getValues().schedule;
  const months = s.monthsLong.map((label, i) => ({ value: String(i + 1), label }));
  const monthProps = (path: string) => {
    const p = form.getInputProps(path);
    return {
      ...p,
      value: String(p.value ?? ''),
      onChange: (e: React.ChangeEvent<HTMLSelectElement>) => form.setFieldValue(path, Number(e.currentTarget.value)),
    };
  };
  return (
    <Stack gap="xs">
      {rows.map((_, i) => {
        const at = `schedule.${i}`;
        const label = s.row(i + 1);
        return (
          <Paper key={i} withBorder p="xs" data-testid="schedule-row">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                {label}
              </Text>
              <RowActions form={form} path="schedule" index={i} count={rows.length} label={label} />
            </Group>
            <TextInput label={s.step} {...form.getInputProps(`${at}.step`)} />
            <Grid gutter="xs" mt={4}>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <NativeSelect label={s.start} data={months} {...monthProps(`${at}.startMonth`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <NativeSelect label={s.end} data={months} {...monthProps(`${at}.endMonth`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <TextInput type="date" label={s.startDate} {...form.getInputProps(`${at}.startDate`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <TextInput type="date" label={s.endDate} {...form.getInputProps(`${at}.endDate`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput label={s.responsible} {...form.getInputProps(`${at}.responsible`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <NativeSelect
                  label={s.kind}
                  data={kinds.map((k) => ({ value: k, label: s.kinds[k] }))}
                  {...form.getInputProps(`${at}.kind`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <NativeSelect
                  label={s.status}
                  data={scheduleStatuses.map((k) => ({ value: k, label: s.statuses[k] }))}
                  {...form.getInputProps(`${at}.status`)}
                />
              </Grid.Col>
            </Grid>
          </Paper>
        );
      })}
      {form.errors.schedule ? <Input.Error>{form.errors.schedule}</Input.Error> : null}
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            const last = rows[rows.length - 1];
            const month = Number(last?.endMonth) || 1;
            form.insertListItem('schedule', {
              step: '',
              startMonth: month,
              endMonth: month,
              startDate: '',
              endDate: '',
              responsible: '',
              kind: 'other',
              status: 'planned',
            });
          }}
        >
          + {s.add}
        </Button>
      </Group>
    </Stack>
  );
}

/** Section D's schedule: the timeline, and in Edit mode the rows with a live preview of the timeline. */
export function ScheduleSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const s = t.activities.schedule;
  const errorRows = rowsWithErrors([...issues.errors, ...issues.warnings].map((i) => i.path));
  return (
    <SectionCard
      id="schedule"
      title={t.activities.section.schedule}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{ values: toValues, patch: toPatch, prefix: 'kak.' }}
      view={
        <Stack gap="xs">
          {activity.kak.scheduleIntro ? <Text size="sm">{activity.kak.scheduleIntro}</Text> : null}
          {activity.kak.schedule.length ? (
            <ScheduleTimeline steps={activity.kak.schedule} errorRows={errorRows} />
          ) : (
            <Text size="sm" c="dimmed">
              {t.activities.emptySection}
            </Text>
          )}
        </Stack>
      }
      editor={(form) => (
        <>
          <TextInput label={s.intro} {...form.getInputProps('scheduleIntro')} />
          {form.getValues().schedule.length ? <ScheduleTimeline steps={form.getValues().schedule} /> : null}
          <StepRows form={form} />
        </>
      )}
    />
  );
}
