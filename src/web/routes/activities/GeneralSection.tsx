import type { ReactNode } from 'react';
import { NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { formatSignDate } from '../../../shared/dates';
import { useActivitiesT } from './i18n';
import { SectionCard } from './SectionEditor';
import type { SectionProps } from './TextSections';
import { orNull, type ActivityDetail } from './types';

type Values = {
  title: string;
  fiscalYear: number | string;
  orgUnit: string;
  officerInCharge: { name: string; position: string; nip: string };
  signPlace: string;
  signDate: string;
};

const toValues = (a: ActivityDetail): Values => ({
  title: a.title,
  fiscalYear: a.fiscalYear,
  orgUnit: a.orgUnit,
  officerInCharge: { ...a.officerInCharge },
  signPlace: a.signPlace ?? '',
  signDate: a.signDate ?? '',
});
const toPatch = (v: Values) => ({
  ...v,
  fiscalYear: Number(v.fiscalYear),
  signPlace: orNull(v.signPlace),
  signDate: orNull(v.signDate.trim()),
});

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {children || '–'}
      </Text>
    </div>
  );
}

function signDateLabel(value: string | null): string {
  if (!value) return '';
  try {
    return formatSignDate(value);
  } catch {
    return value;
  }
}

/** Title, unit, PPTK and the signature place/date printed under the KAK. */
export function GeneralSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const a = t.activities;
  const o = activity.officerInCharge;
  return (
    <SectionCard
      id="general"
      title={a.section.general}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{ values: toValues, patch: toPatch }}
      view={
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Field label={a.orgUnit}>{activity.orgUnit}</Field>
          <Field label={a.pptkName}>{o.name}</Field>
          <Field label={a.pptkPosition}>{o.position}</Field>
          <Field label={a.pptkNip}>{o.nip}</Field>
          <Field label={a.general.signPlace}>{activity.signPlace}</Field>
          <Field label={a.general.signDate}>{signDateLabel(activity.signDate)}</Field>
        </SimpleGrid>
      }
      editor={(form) => (
        <>
          <TextInput label={a.activityTitle} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={a.fiscalYear}
              min={2000}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              {...form.getInputProps('fiscalYear')}
            />
            <TextInput label={a.orgUnit} {...form.getInputProps('orgUnit')} />
            <TextInput label={a.pptkName} {...form.getInputProps('officerInCharge.name')} />
            <TextInput label={a.pptkPosition} {...form.getInputProps('officerInCharge.position')} />
            <TextInput label={a.pptkNip} description={a.nipHint} inputMode="numeric" {...form.getInputProps('officerInCharge.nip')} />
            <TextInput label={a.general.signPlace} {...form.getInputProps('signPlace')} />
            <TextInput
              label={a.general.signDate}
              description={a.general.signDateHint}
              placeholder="2019-01"
              {...form.getInputProps('signDate')}
            />
          </SimpleGrid>
        </>
      )}
    />
  );
}
