import { Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { quarterNames } from '../../../shared/kakChecks';
import { formatRupiah, spellRupiah } from '../../../shared/money';
import { useActivitiesT } from './i18n';
import { amount, DifferenceBadge, RupiahInput, sum } from './money';
import { SectionCard } from './SectionEditor';
import type { SectionProps } from './TextSections';
import type { ActivityDetail } from './types';

type Values = { funding: { total: number | string; source: string; label: string; quarters: (number | string)[] } };

const toValues = (a: ActivityDetail): Values => ({ funding: { ...a.kak.funding, quarters: [...a.kak.funding.quarters] } });
const toPatch = (v: Values) => ({
  kak: { funding: { ...v.funding, total: amount(v.funding.total), quarters: v.funding.quarters.map(amount) } },
});

/** "empat puluh delapan juta ... rupiah", or nothing for amounts beyond words. */
export function inWords(n: number): string {
  try {
    return spellRupiah(n, { case: 'sentence' });
  } catch {
    return '';
  }
}

/** Section G: the funding total (with terbilang), its source and the plan per quarter. */
export function FundingSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const f = t.activities.funding;
  const { total, source, label, quarters } = activity.kak.funding;
  const planned = sum(quarters);
  return (
    <SectionCard
      id="section-g"
      title={t.activities.section.g}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{ values: toValues, patch: toPatch, prefix: 'kak.' }}
      view={
        <Stack gap="xs">
          <div>
            <Text size="xs" c="dimmed">
              {f.total}
            </Text>
            <Text fw={700} fz="xl" data-testid="funding-total">
              {formatRupiah(total)}
            </Text>
            <Text size="sm" fs="italic">
              {f.inWords}: {inWords(total)}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <div>
              <Text size="xs" c="dimmed">
                {f.source}
              </Text>
              <Text size="sm">{source}</Text>
            </div>
            {label ? (
              <div>
                <Text size="xs" c="dimmed">
                  {f.label}
                </Text>
                <Text size="sm">{label}</Text>
              </div>
            ) : null}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="funding-quarters">
            {quarterNames.map((q, i) => (
              <Paper key={q} withBorder p="xs">
                <Text size="xs" c="dimmed">
                  {f.quarter(q)}
                </Text>
                <Text size="sm" fw={600}>
                  {formatRupiah(quarters[i] ?? 0)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Group gap="xs">
            <Text size="sm">
              {f.sumQuarters}: {formatRupiah(planned)}
            </Text>
            <DifferenceBadge actual={planned} expected={total} />
          </Group>
        </Stack>
      }
      editor={(form) => {
        const v = form.getValues().funding;
        const plannedNow = sum(v.quarters);
        return (
          <>
            <RupiahInput label={f.total} description={inWords(amount(v.total))} {...form.getInputProps('funding.total')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={f.source} {...form.getInputProps('funding.source')} />
              <TextInput label={f.label} placeholder={f.labelHint} {...form.getInputProps('funding.label')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
              {quarterNames.map((q, i) => (
                <RupiahInput key={q} label={f.quarter(q)} {...form.getInputProps(`funding.quarters.${i}`)} />
              ))}
            </SimpleGrid>
            <Group gap="xs">
              <Text size="sm">
                {f.sumQuarters}: {formatRupiah(plannedNow)}
              </Text>
              <DifferenceBadge actual={plannedNow} expected={amount(v.total)} />
            </Group>
          </>
        );
      }}
    />
  );
}
