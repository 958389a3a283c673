import { Button, Grid, Group, Input, List, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Kak } from '../../../shared/kak';
import { useActivitiesT } from './i18n';
import { RowActions } from './ListEditor';
import { SectionCard } from './SectionEditor';
import { Empty, type SectionProps } from './TextSections';

type Basis = Kak['legalBases'][number];
type BasisValues = { text: string; type: string; number: string; year: number | string; title: string };

/** "Peraturan Gubernur Sumatera Barat Nomor 68 Tahun 2016 tentang ...." from the parts that are filled in. */
export function composeLegalText(b: { type?: string; number?: string | null; year?: number | string | null; title?: string }): string {
  const parts = [b.type?.trim()];
  if (b.number && String(b.number).trim()) parts.push(`Nomor ${String(b.number).trim()}`);
  if (b.year !== null && b.year !== undefined && String(b.year).trim()) parts.push(`Tahun ${b.year}`);
  if (b.title?.trim()) parts.push(`tentang ${b.title.trim().replace(/\.$/, '')}`);
  const text = parts.filter(Boolean).join(' ');
  return text ? `${text}.` : '';
}

const toValues = (b: Basis): BasisValues => ({
  text: b.text,
  type: b.type ?? '',
  number: b.number ?? '',
  year: b.year ?? '',
  title: b.title ?? '',
});
const toInput = (b: BasisValues) => ({
  text: b.text,
  type: b.type,
  number: b.number.trim() || null,
  year: b.year === '' ? null : Number(b.year),
  title: b.title,
});

export function LegalBasesSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const l = t.activities.legal;
  const bases = activity.kak.legalBases;
  return (
    <SectionCard
      id="section-c"
      title={t.activities.section.c}
      activity={activity}
      canEdit={canEdit}
      issues={issues}
      config={{
        values: (a) => ({ legalBases: a.kak.legalBases.map(toValues) }),
        patch: (v) => ({ kak: { legalBases: v.legalBases.map(toInput) } }),
        prefix: 'kak.',
      }}
      view={
        bases.length ? (
          <List type="ordered" size="sm" spacing={4}>
            {bases.map((b, i) => (
              <List.Item key={i}>{b.text}</List.Item>
            ))}
          </List>
        ) : (
          <Empty />
        )
      }
      editor={(form) => {
        const rows = form.getValues().legalBases;
        return (
          <Stack gap="xs">
            {rows.map((row, i) => {
              const label = `${l.item} ${i + 1}`;
              return (
                <Paper key={i} withBorder p="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                    <RowActions form={form} path="legalBases" index={i} count={rows.length} label={label} />
                  </Group>
                  <Grid gutter="xs">
                    <Grid.Col span={{ base: 12, md: 6 }}>
                      <TextInput label={l.type} placeholder={l.typeHint} {...form.getInputProps(`legalBases.${i}.type`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 6, md: 3 }}>
                      <TextInput label={l.number} {...form.getInputProps(`legalBases.${i}.number`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 6, md: 3 }}>
                      <NumberInput
                        hideControls
                        label={l.year}
                        min={1945}
                        max={2100}
                        allowDecimal={false}
                        allowNegative={false}
                        thousandSeparator=""
                        {...form.getInputProps(`legalBases.${i}.year`)}
                      />
                    </Grid.Col>
                  </Grid>
                  <TextInput label={l.titlePart} mt={4} {...form.getInputProps(`legalBases.${i}.title`)} />
                  <Textarea label={l.text} mt={4} autosize minRows={2} {...form.getInputProps(`legalBases.${i}.text`)} />
                  <Group mt={4}>
                    <Button
                      size="compact-xs"
                      variant="light"
                      title={l.composeHint}
                      onClick={() => form.setFieldValue(`legalBases.${i}.text`, composeLegalText(row))}
                    >
                      {l.compose}
                    </Button>
                  </Group>
                </Paper>
              );
            })}
            {form.errors.legalBases ? <Input.Error>{form.errors.legalBases}</Input.Error> : null}
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => form.insertListItem('legalBases', { text: '', type: '', number: '', year: '', title: '' })}
              >
                + {l.add}
              </Button>
            </Group>
          </Stack>
        );
      }}
    />
  );
}
