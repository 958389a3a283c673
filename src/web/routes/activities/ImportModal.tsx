import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { type Answer, type Body, call, client, upload } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { formatRupiah } from '../../../shared/money';
import { activityQuery } from './types';

type Preview = Answer<'/api/activities/import/preview', 'post'>;

/** What the file said, field by field and where from, what was not recognised; saving is a separate, explicit step. */
function PreviewView({ preview, onBack, onClose }: { preview: Preview; onBack: () => void; onClose: () => void }) {
  const t = useActivitiesT();
  const a = t.activities;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => call(client.POST('/api/activities', { body: preview.draft as unknown as Body<'/api/activities', 'post'> })),
    onSuccess: (activity) => {
      queryClient.setQueryData(activityQuery(activity.id).queryKey, activity);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      onClose();
      void navigate(`/activities/${activity.id}`);
    },
  });
  return (
    <Stack gap="sm" data-testid="import-preview">
      <Alert color="blue">{a.importPreviewTitle(preview.draft.title, preview.draft.fiscalYear)}</Alert>
      <div>
        <Text size="sm" fw={600} c="teal.9">
          {a.recognised}
        </Text>
        <List size="sm" spacing={2} data-testid="import-recognised">
          {preview.recognised.map((r, i) => (
            <List.Item key={i}>✓ {r}</List.Item>
          ))}
        </List>
      </div>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table striped withTableBorder fz="sm" data-testid="import-fields">
          <Table.Caption>{a.importFieldsCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{a.importField}</Table.Th>
              <Table.Th scope="col">{a.importValue}</Table.Th>
              <Table.Th scope="col">{a.importSource}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.fields.map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td>{f.field}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{f.value.length > 160 ? `${f.value.slice(0, 159)}…` : f.value}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.at}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.budget.length ? (
        <div>
          <Text size="sm" fw={600}>
            {a.importBudget(preview.budget.length)}
          </Text>
          <List size="sm" spacing={2} data-testid="import-budget">
            {preview.budget.map((l, i) => (
              <List.Item key={i}>
                {l.accountCode ? `${l.accountCode} ` : ''}
                {l.description}: {l.volumeText || l.volume} {l.unit} × {formatRupiah(l.unitPrice)} = {formatRupiah(l.amount)}{' '}
                {l.codeKind === 'old' ? (
                  <Badge color="orange" variant="light" size="sm">
                    {a.importOldCode}
                  </Badge>
                ) : l.codeKind === 'none' ? (
                  <Badge color="orange" variant="light" size="sm">
                    {a.importNoCode}
                  </Badge>
                ) : null}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {preview.signers.length ? (
        <div>
          <Text size="sm" fw={600}>
            {a.importSigners}
          </Text>
          <List size="sm" spacing={2} data-testid="import-signers">
            {preview.signers.map((s, i) => (
              <List.Item key={i}>
                {a.importSignerRole(s.role)}: {[s.name, s.position, s.nip && `NIP ${s.nip}`].filter(Boolean).join(', ')}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      <div>
        <Text size="sm" fw={600} c="orange.9">
          {a.unrecognised}
        </Text>
        {preview.unrecognised.length ? (
          <List size="sm" spacing={2} data-testid="import-unrecognised">
            {preview.unrecognised.map((r, i) => (
              <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                {r}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {a.nothingUnrecognised}
          </Text>
        )}
      </div>
      <ErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {a.importBack}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {a.importSave}
        </Button>
      </Group>
    </Stack>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const t = useActivitiesT();
  const a = t.activities;
  const [file, setFile] = useState<File | null>(null);
  const mutation = useMutation({
    mutationFn: (f: File) => upload('/api/activities/import/preview', {}, { file: f }),
  });
  if (mutation.data) return <PreviewView preview={mutation.data} onBack={() => mutation.reset()} onClose={onClose} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {a.importHint}
      </Text>
      <FileInput
        label={a.importFile}
        placeholder={a.importChoose}
        clearable
        value={file}
        onChange={setFile}
        accept=".docx,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
      />
      <ErrorAlert error={mutation.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {a.cancel}
        </Button>
        <Button disabled={!file} loading={mutation.isPending} onClick={() => file && mutation.mutate(file)}>
          {a.importRun}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Impor dari Word/PDF": a KAK file is read into a preview (what was recognised, where from, what was not); saving it makes a draft. */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useActivitiesT();
  return (
    <Modal opened={opened} onClose={onClose} title={t.activities.importWord} size="xl">
      {opened ? <ImportForm onClose={onClose} /> : null}
    </Modal>
  );
}
