import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { useMediaQuery } from '@mantine/hooks';
import { formatRupiah } from '../../../shared/money';
import { speakerStatuses, type SpeakerStatus } from '../../../shared/schemas/activities';
import { notifySuccess } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { FormErrorAlert } from './formErrors';
import { amount, RupiahInput } from './money';
import { Panel } from './Panel';
import type { SectionProps } from './TextSections';
import { orNull, type BudgetLine, type Speaker } from './types';
import { useActivityRefresh } from './useActivityRefresh';
import { RowActions, useRemoveRow, useSaveRow } from './rowEditing';
import { FormButtons } from '../../components/FormButtons';

const statusColors: Record<SpeakerStatus, string> = { candidate: 'gray', invited: 'blue', confirmed: 'teal', declined: 'red' };

type Values = {
  name: string;
  institution: string;
  expertise: string;
  topic: string;
  status: string;
  fee: number | string;
  budgetLineId: string;
  userId: string;
};

const lineLabel = (l: BudgetLine) => `${l.accountCode} · ${l.description}`;

function SpeakerForm({
  activityId,
  speaker,
  lines,
  onSaved,
  onCancel,
}: {
  activityId: string;
  speaker: Speaker | null;
  lines: BudgetLine[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useActivitiesT();
  const s = t.activities.speakers;
  const form = useForm<Values>({
    initialValues: {
      name: speaker?.name ?? '',
      institution: speaker?.institution ?? '',
      expertise: speaker?.expertise ?? '',
      topic: speaker?.topic ?? '',
      status: speaker?.status ?? 'candidate',
      fee: speaker?.fee ?? 0,
      budgetLineId: speaker?.budgetLineId ?? '',
      userId: speaker?.userId ?? '',
    },
  });
  const accounts = useQuery({
    queryKey: ['speaker-accounts'],
    queryFn: () => call(client.GET('/api/activities/speaker-accounts', { params: { query: { limit: 200 } } })),
  });
  const { mutation, unmapped } = useSaveRow(
    activityId,
    'speakers',
    speaker?.id ?? null,
    form,
    (v) => ({
      name: v.name,
      institution: orNull(v.institution),
      expertise: orNull(v.expertise),
      topic: orNull(v.topic),
      status: v.status,
      fee: amount(v.fee),
      budgetLineId: orNull(v.budgetLineId),
      userId: orNull(v.userId),
    }),
    onSaved,
  );
  return (
    <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate>
      <Stack gap="sm">
        <TextInput label={s.name} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={s.institution} {...form.getInputProps('institution')} />
          <TextInput label={s.expertise} {...form.getInputProps('expertise')} />
        </SimpleGrid>
        <Textarea label={s.topic} autosize minRows={2} {...form.getInputProps('topic')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={s.status}
            data={speakerStatuses.map((k) => ({ value: k, label: s.statuses[k] }))}
            {...form.getInputProps('status')}
          />
          <RupiahInput label={s.fee} {...form.getInputProps('fee')} />
        </SimpleGrid>
        <NativeSelect
          label={s.budgetLine}
          data={[{ value: '', label: s.noBudgetLine }, ...lines.map((l) => ({ value: l.id, label: lineLabel(l) }))]}
          {...form.getInputProps('budgetLineId')}
        />
        <NativeSelect
          label={s.account}
          description={s.accountHint}
          data={[
            { value: '', label: s.noAccount },
            ...(accounts.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
          ]}
          {...form.getInputProps('userId')}
        />
        <FormErrorAlert error={mutation.error} unmapped={unmapped} />
        <FormButtons onCancel={onCancel} saving={mutation.isPending} />
      </Stack>
    </form>
  );
}

/** Speakers (narasumber): who, on what, whether they accepted, the fee and the budget line paying it. */
export function SpeakersSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const s = t.activities.speakers;
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const refresh = useActivityRefresh(activity.id);
  const [editing, setEditing] = useState<Speaker | 'new' | null>(null);
  const remove = useRemoveRow<Speaker>(activity.id, 'speakers', s.removed);
  const lines = activity.budgetLines;
  const lineOf = (id: string | null) => lines.find((l) => l.id === id);
  const actions = (sp: Speaker) =>
    canEdit ? (
      <RowActions label={sp.name} question={s.removeQuestion(sp.name)} onEdit={() => setEditing(sp)} onRemove={() => remove.mutate(sp)} />
    ) : null;
  const status = (sp: Speaker) => (
    <Badge color={statusColors[sp.status]} variant="light">
      {s.statuses[sp.status]}
    </Badge>
  );

  return (
    <Panel
      id="speakers"
      title={t.activities.section.speakers}
      issues={issues}
      actions={
        canEdit ? (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            + {s.add}
          </Button>
        ) : null
      }
    >
      {!activity.speakers.length ? (
        <Text size="sm" c="dimmed">
          {s.none}
        </Text>
      ) : phone ? (
        <Stack gap="xs">
          {activity.speakers.map((sp) => (
            <Card key={sp.id} withBorder padding="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600}>
                  {sp.name}
                </Text>
                {status(sp)}
              </Group>
              {sp.institution ? (
                <Text size="xs" c="dimmed">
                  {sp.institution}
                </Text>
              ) : null}
              {sp.topic ? <Text size="sm">{sp.topic}</Text> : null}
              <Text size="sm">
                {s.fee}: {sp.fee === null ? '—' : formatRupiah(sp.fee)}
              </Text>
              {actions(sp)}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder fz="sm" aria-label={t.activities.section.speakers}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s.name}</Table.Th>
                <Table.Th>{s.expertise}</Table.Th>
                <Table.Th>{s.topic}</Table.Th>
                <Table.Th>{s.status}</Table.Th>
                <Table.Th ta="right">{s.fee}</Table.Th>
                <Table.Th>{s.budgetLine}</Table.Th>
                {canEdit ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activity.speakers.map((sp) => {
                const line = lineOf(sp.budgetLineId);
                return (
                  <Table.Tr key={sp.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {sp.name}
                      </Text>
                      {sp.institution ? (
                        <Text size="xs" c="dimmed">
                          {sp.institution}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{sp.expertise}</Table.Td>
                    <Table.Td>{sp.topic}</Table.Td>
                    <Table.Td>{status(sp)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {sp.fee === null ? '—' : formatRupiah(sp.fee)}
                    </Table.Td>
                    <Table.Td>
                      {line ? (
                        <Text size="xs">{lineLabel(line)}</Text>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {s.noBudgetLine}
                        </Text>
                      )}
                    </Table.Td>
                    {canEdit ? <Table.Td>{actions(sp)}</Table.Td> : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? s.add : s.edit} size="lg">
        {editing !== null ? (
          <SpeakerForm
            key={editing === 'new' ? 'new' : editing.id}
            activityId={activity.id}
            speaker={editing === 'new' ? null : editing}
            lines={lines}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notifySuccess(t.activities.saved);
              void refresh();
            }}
          />
        ) : null}
      </Modal>
    </Panel>
  );
}
