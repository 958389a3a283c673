import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { upload } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { useT } from '../../i18n';
import { activityQuery } from './types';

function ImportForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const a = t.activities;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const mutation = useMutation({
    mutationFn: (f: File) => upload('/api/activities/import', {}, { file: f }),
    onSuccess: (r) => {
      queryClient.setQueryData(activityQuery(r.activity.id).queryKey, r.activity);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
    },
  });
  const result = mutation.data;
  if (result) {
    return (
      <Stack gap="sm">
        <Alert color="teal">{a.importDone(result.activity.title, result.activity.fiscalYear)}</Alert>
        <div>
          <Text size="sm" fw={600} c="teal.9">
            {a.recognised}
          </Text>
          <List size="sm" spacing={2} data-testid="import-recognised">
            {result.recognised.map((r, i) => (
              <List.Item key={i}>✓ {r}</List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text size="sm" fw={600} c="orange.8">
            {a.unrecognised}
          </Text>
          {result.unrecognised.length ? (
            <List size="sm" spacing={2} data-testid="import-unrecognised">
              {result.unrecognised.map((r, i) => (
                <List.Item key={i}>{r}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {a.nothingUnrecognised}
            </Text>
          )}
        </div>
        <Group justify="flex-end">
          <Button
            onClick={() => {
              onClose();
              void navigate(`/activities/${result.activity.id}`);
            }}
          >
            {a.openDraft}
          </Button>
        </Group>
      </Stack>
    );
  }
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
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
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

/** "Impor dari Word": a .docx KAK becomes a draft; shows what was and was not recognised, then opens the draft. */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t.activities.importWord} size="lg">
      {opened ? <ImportForm onClose={onClose} /> : null}
    </Modal>
  );
}
