import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Pill,
  Progress,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient, useQuery } from '@tanstack/react-query';
import { apiHref, call, client } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, notifyError } from '../../components/errors';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { PageHeader } from '../../components/PageHeader';
import { useFormMutation } from '../../components/useFormMutation';
import { useOutcomesT } from './i18n';
import { formatDateId } from '../../../shared/dates';
import type { Outcomes, Resolution } from '../../../shared/schemas/outcomes';
import { FollowUpStatusBadge } from './StatusBadge';
import { CertificatesSection } from './CertificatesSection';

const outcomesKey = (id: string) => ['outcomes', id];

/** The bureau's page of a meeting's outcomes: resolutions and follow-ups (by resolution, by institution), exports, certificates. */
export function OutcomesPage() {
  const { id = '' } = useParams();
  const t = useOutcomesT();
  const { data, error, isLoading } = useQuery({
    queryKey: outcomesKey(id),
    queryFn: () => call(client.GET('/api/meetings/{id}/outcomes', { params: { path: { id } } })),
  });
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data) return <Skeleton h={300} />;
  const { totals } = data;
  return (
    <Stack>
      <Anchor component={Link} to={`/meetings/${id}`} size="sm">
        ← {data.meeting.title}
      </Anchor>
      <PageHeader
        title={t.outcomes.boardTitle}
        description={`${data.meeting.title} · ${formatDateId(data.meeting.startDate)} · ${data.meeting.venue}`}
        actions={
          <>
            <Button component="a" variant="default" href={apiHref('/api/meetings/{id}/follow-ups.xlsx', { path: { id } })}>
              {t.outcomes.exportXlsx}
            </Button>
            <Button component="a" variant="default" href={apiHref('/api/meetings/{id}/resolutions.pdf', { path: { id } })}>
              {t.outcomes.resolutionsPdf}
            </Button>
          </>
        }
      />
      <Card withBorder>
        <Text fw={500} data-testid="completion">
          {t.outcomes.totals(totals.done, totals.total, totals.rate, totals.overdue)}
        </Text>
        <Progress value={totals.rate} mt="xs" aria-label={t.outcomes.rate} />
      </Card>
      <Tabs defaultValue="resolutions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="resolutions">{t.outcomes.byResolution}</Tabs.Tab>
          <Tabs.Tab value="institutions">{t.outcomes.byInstitution}</Tabs.Tab>
          <Tabs.Tab value="certificates">{t.outcomes.certificates.title}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="resolutions" pt="md">
          <Resolutions data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="institutions" pt="md">
          <ByInstitution data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="certificates" pt="md">
          <CertificatesSection meetingId={id} canManage={data.can.manage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ByInstitution({ data }: { data: Outcomes }) {
  const t = useOutcomesT();
  return (
    <Table.ScrollContainer minWidth={560} tabIndex={0}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.outcomes.institution}</Table.Th>
            <Table.Th ta="right">{t.outcomes.count}</Table.Th>
            <Table.Th ta="right">{t.outcomes.done}</Table.Th>
            <Table.Th ta="right">{t.outcomes.notFeasible}</Table.Th>
            <Table.Th ta="right">{t.outcomes.overdue}</Table.Th>
            <Table.Th ta="right">{t.outcomes.rate}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.byInstitution.map((i) => (
            <Table.Tr key={i.institutionId}>
              <Table.Td>{i.name}</Table.Td>
              <Table.Td ta="right">{i.total}</Table.Td>
              <Table.Td ta="right">{i.done}</Table.Td>
              <Table.Td ta="right">{i.notFeasible}</Table.Td>
              <Table.Td ta="right" c={i.overdue ? 'red.9' : undefined} fw={i.overdue ? 700 : undefined}>
                {i.overdue}
              </Table.Td>
              <Table.Td ta="right">{i.rate.toLocaleString('id-ID')}%</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Resolutions({ data }: { data: Outcomes }) {
  const t = useOutcomesT();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: outcomesKey(data.meeting.id) });
  const form = useForm({ initialValues: { statement: '' } });
  const add = useFormMutation(
    form,
    (v) => call(client.POST('/api/meetings/{id}/resolutions', { params: { path: { id: data.meeting.id } }, body: v })),
    () => {
      form.reset();
      void refresh();
    },
  );
  return (
    <Stack>
      {!data.resolutions.length ? <Text c="dimmed">{t.outcomes.noResolutions}</Text> : null}
      {data.resolutions.map((r) => (
        <ResolutionCard key={r.id} r={r} canManage={data.can.manage} meetingStart={data.meeting.startDate} onChanged={refresh} />
      ))}
      {data.can.manage ? (
        <Card withBorder>
          <form onSubmit={add.submit}>
            <Stack gap="xs">
              <Textarea label={t.outcomes.addResolution} autosize minRows={2} {...form.getInputProps('statement')} />
              {add.alert}
              <Group justify="flex-end">
                <Button type="submit" loading={add.mutation.isPending}>
                  {t.outcomes.addResolution}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      ) : null}
    </Stack>
  );
}

function ResolutionCard({
  r,
  canManage,
  meetingStart,
  onChanged,
}: {
  r: Resolution;
  canManage: boolean;
  meetingStart: string;
  onChanged: () => Promise<unknown>;
}) {
  const t = useOutcomesT();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: () => call(client.DELETE('/api/resolutions/{id}', { params: { path: { id: r.id }, query: { version: r.version } } })),
    onSuccess: () => void onChanged(),
    onError: (e) => notifyError(e, t),
  });
  return (
    <Card withBorder data-testid="resolution">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h5">
          {r.number}. {r.statement}
        </Title>
        {canManage ? (
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="subtle" onClick={() => setEditing(true)}>
              {t.outcomes.edit}
            </Button>
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              question={t.outcomes.deleteResolutionConfirm}
              onConfirm={() => remove.mutate()}
            >
              {t.outcomes.delete}
            </ConfirmButton>
          </Group>
        ) : null}
      </Group>
      {r.followUps.length ? (
        <Table.ScrollContainer minWidth={620} tabIndex={0} mt="xs">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.outcomes.action}</Table.Th>
                <Table.Th>{t.outcomes.institutions}</Table.Th>
                <Table.Th>{t.outcomes.dueDate}</Table.Th>
                <Table.Th>{t.outcomes.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.followUps.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/follow-ups/${f.id}`}>
                      {f.action}
                    </Anchor>
                    {f.statusNote ? (
                      <Text size="xs" c="dimmed">
                        {f.statusNote}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{f.institutions.map((i) => i.name).join(', ')}</Table.Td>
                  <Table.Td>{formatDateId(f.dueDate)}</Table.Td>
                  <Table.Td>
                    <FollowUpStatusBadge f={f} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t.outcomes.noFollowUps}
        </Text>
      )}
      {canManage ? (
        <Group mt="xs">
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            {t.outcomes.addFollowUp}
          </Button>
        </Group>
      ) : null}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t.outcomes.editResolution}>
        {editing ? <EditResolution r={r} onDone={() => (setEditing(false), void onChanged())} /> : null}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t.outcomes.addFollowUp}>
        {adding ? (
          <AddFollowUp resolutionId={r.id} meetingStart={meetingStart} onDone={() => (setAdding(false), void onChanged())} />
        ) : null}
      </Modal>
    </Card>
  );
}

function EditResolution({ r, onDone }: { r: Resolution; onDone: () => void }) {
  const t = useOutcomesT();
  const form = useForm({ initialValues: { statement: r.statement } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) => call(client.PATCH('/api/resolutions/{id}', { params: { path: { id: r.id } }, body: { ...v, version: r.version } })),
    onDone,
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea label={t.outcomes.statement} autosize minRows={3} {...form.getInputProps('statement')} />
        {alert}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t.outcomes.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddFollowUp({ resolutionId, meetingStart, onDone }: { resolutionId: string; meetingStart: string; onDone: () => void }) {
  const t = useOutcomesT();
  const [chosen, setChosen] = useState<{ id: string; name: string }[]>([]);
  const [pick, setPick] = useState<string | null>(null);
  const form = useForm({ initialValues: { action: '', dueDate: meetingStart, institutionIds: [] as string[] } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      call(
        client.POST('/api/resolutions/{id}/follow-ups', {
          params: { path: { id: resolutionId } },
          body: { action: v.action, dueDate: v.dueDate, institutionIds: chosen.map((c) => c.id) },
        }),
      ),
    onDone,
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea label={t.outcomes.action} autosize minRows={2} {...form.getInputProps('action')} />
        <TextInput type="date" label={t.outcomes.dueDate} description={t.outcomes.dueDateHint} {...form.getInputProps('dueDate')} />
        <InstitutionSelect
          label={t.outcomes.addInstitution}
          value={pick}
          error={form.errors.institutionIds}
          onChange={(id) => setPick(id)}
        />
        <Group gap={4}>
          <Button
            size="xs"
            variant="light"
            disabled={!pick}
            onClick={async () => {
              if (!pick) return;
              const inst = await call(client.GET('/api/institutions/{id}', { params: { path: { id: pick } } }));
              setChosen((c) => (c.some((x) => x.id === inst.id) ? c : [...c, { id: inst.id, name: inst.name }]));
              setPick(null);
            }}
          >
            {t.outcomes.addInstitution}
          </Button>
        </Group>
        <Group gap={4} aria-label={t.outcomes.institutions}>
          {chosen.map((c) => (
            <Pill key={c.id} withRemoveButton onRemove={() => setChosen((list) => list.filter((x) => x.id !== c.id))}>
              {c.name}
            </Pill>
          ))}
        </Group>
        {alert}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t.outcomes.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
