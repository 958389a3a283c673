import { useState } from 'react';
import { Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { committeeRoles } from '../../../shared/schemas/activities';
import { notifySuccess } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { FormErrorAlert } from './formErrors';
import { Panel } from './Panel';
import { SectionEditorForm, useSectionEditor } from './SectionEditor';
import type { SectionProps } from './TextSections';
import { orNull, type CommitteeMember } from './types';
import { useActivityRefresh } from './useActivityRefresh';
import { RowActions, useRemoveRow, useSaveRow } from './rowEditing';
import { FormButtons } from '../../components/FormButtons';

type MemberValues = { role: string; name: string; position: string; nip: string };

function MemberForm({
  activityId,
  member,
  onSaved,
  onCancel,
}: {
  activityId: string;
  member: CommitteeMember | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useActivitiesT();
  const c = t.activities.committee;
  const form = useForm<MemberValues>({
    initialValues: { role: member?.role ?? 'anggota', name: member?.name ?? '', position: member?.position ?? '', nip: member?.nip ?? '' },
  });
  const { mutation, unmapped } = useSaveRow(
    activityId,
    'committee',
    member?.id ?? null,
    form,
    (v) => ({ ...v, position: orNull(v.position), nip: orNull(v.nip) }),
    onSaved,
  );
  return (
    <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate>
      <Stack gap="sm">
        <NativeSelect label={c.role} data={committeeRoles.map((r) => ({ value: r, label: c.roles[r] }))} {...form.getInputProps('role')} />
        <TextInput label={c.name} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={c.position} {...form.getInputProps('position')} />
          <TextInput label={c.nip} description={t.activities.nipHint} inputMode="numeric" {...form.getInputProps('nip')} />
        </SimpleGrid>
        <FormErrorAlert error={mutation.error} unmapped={unmapped} />
        <FormButtons onCancel={onCancel} saving={mutation.isPending} />
      </Stack>
    </form>
  );
}

/** The organising committee: its decree (SK, saved on the activity with its version) and members. */
export function CommitteeSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const c = t.activities.committee;
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const refresh = useActivityRefresh(activity.id);
  const [editing, setEditing] = useState<CommitteeMember | 'new' | null>(null);
  const decree = useSectionEditor(activity, {
    values: (a) => ({ committeeDecree: a.committeeDecree ?? '' }),
    patch: (v) => ({ committeeDecree: orNull(v.committeeDecree) }),
  });
  const remove = useRemoveRow<CommitteeMember>(activity.id, 'committee', c.removed);
  const members = activity.committee;
  const actions = (m: CommitteeMember) =>
    canEdit ? (
      <RowActions label={m.name} question={c.removeQuestion(m.name)} onEdit={() => setEditing(m)} onRemove={() => remove.mutate(m)} />
    ) : null;

  return (
    <Panel
      id="committee"
      title={t.activities.section.committee}
      issues={issues}
      actions={
        canEdit ? (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            + {c.add}
          </Button>
        ) : null
      }
    >
      <div>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed">
            {c.decree}
          </Text>
          {canEdit && !decree.editing ? (
            <Button size="compact-xs" variant="subtle" aria-label={`${t.activities.edit}: ${c.decree}`} onClick={decree.begin}>
              {t.activities.edit}
            </Button>
          ) : null}
        </Group>
        {decree.editing ? (
          <SectionEditorForm ed={decree}>
            <Textarea
              aria-label={c.decree}
              description={c.decreeHint}
              autosize
              minRows={2}
              {...decree.form.getInputProps('committeeDecree')}
            />
          </SectionEditorForm>
        ) : (
          <Text size="sm" c={activity.committeeDecree ? undefined : 'dimmed'}>
            {activity.committeeDecree || c.noDecree}
          </Text>
        )}
      </div>
      {!members.length ? (
        <Text size="sm" c="dimmed">
          {c.none}
        </Text>
      ) : phone ? (
        <Stack gap="xs">
          {members.map((m) => (
            <Card key={m.id} withBorder padding="xs">
              <Text size="xs" c="teal.9" fw={600}>
                {c.roles[m.role]}
              </Text>
              <Text size="sm" fw={600}>
                {m.name}
              </Text>
              {m.position ? <Text size="sm">{m.position}</Text> : null}
              {m.nip ? (
                <Text size="xs" c="dimmed">
                  NIP {m.nip}
                </Text>
              ) : null}
              {actions(m)}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table striped withTableBorder fz="sm" aria-label={t.activities.section.committee}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.role}</Table.Th>
              <Table.Th>{c.name}</Table.Th>
              <Table.Th>{c.position}</Table.Th>
              <Table.Th>{c.nip}</Table.Th>
              {canEdit ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{c.roles[m.role]}</Table.Td>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.position}</Table.Td>
                <Table.Td>{m.nip}</Table.Td>
                {canEdit ? <Table.Td>{actions(m)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? c.add : c.edit} size="lg">
        {editing !== null ? (
          <MemberForm
            key={editing === 'new' ? 'new' : editing.id}
            activityId={activity.id}
            member={editing === 'new' ? null : editing}
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
