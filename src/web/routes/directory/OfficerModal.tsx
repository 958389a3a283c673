import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call, client, type Body } from '../../api';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from '../../i18n';
import { isStale } from './InstitutionForm';
import { prLevels, type Officer } from './types';
import { FormButtons } from '../../components/FormButtons';
import { formatPhone } from '../../../shared/phoneDisplay';

type Values = {
  name: string;
  nip: string;
  position: string;
  prFunctionalLevel: string | null;
  email: string;
  phone: string;
  isMainContact: boolean;
};

function OfficerForm({
  institutionId,
  officer,
  onSaved,
  onCancel,
  onReload,
}: {
  institutionId: string;
  officer: Officer | null;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const form = useForm<Values>({
    initialValues: {
      name: officer?.name ?? '',
      nip: officer?.nip ?? '',
      position: officer?.position ?? '',
      prFunctionalLevel: officer?.prFunctionalLevel ?? null,
      email: officer?.email ?? '',
      phone: officer?.phone ? formatPhone(officer.phone) : '',
      isMainContact: officer?.isMainContact ?? false,
    },
  });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) =>
      officer
        ? call(
            client.PATCH('/api/officers/{id}', {
              params: { path: { id: officer.id } },
              body: { ...v, version: officer.version } as Body<'/api/officers/{id}', 'patch'>,
            }),
          )
        : call(client.POST('/api/officers', { body: { ...v, institutionId } as Body<'/api/officers', 'post'> })),
    onSaved,
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t.directory.officer.name} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.directory.officer.nip}
            description={t.directory.officer.nipHint}
            inputMode="numeric"
            {...form.getInputProps('nip')}
          />
          <TextInput label={t.directory.officer.position} {...form.getInputProps('position')} />
          <Select
            label={t.directory.officer.level}
            clearable
            data={prLevels.map((l) => ({ value: l, label: t.directory.levels[l] }))}
            {...form.getInputProps('prFunctionalLevel')}
          />
          <TextInput label={t.directory.email} type="email" {...form.getInputProps('email')} />
          <TextInput label={t.directory.officer.phone} type="tel" placeholder="08…" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Switch
          label={t.directory.officer.mainContact}
          description={t.directory.officer.mainContactHint}
          {...form.getInputProps('isMainContact', { type: 'checkbox' })}
        />
        {isStale(mutation.error) ? (
          <Alert color="orange" role="alert" title={t.directory.staleTitle}>
            {mutation.error.message}
            <Group mt="sm">
              <Button size="xs" color="orange" onClick={onReload}>
                {t.directory.reloadLatest}
              </Button>
            </Group>
          </Alert>
        ) : (
          alert
        )}
        <FormButtons onCancel={onCancel} saving={mutation.isPending} />
      </Stack>
    </form>
  );
}

/** Add (officer = null) or edit a PR officer. `onReload` refreshes the list after a conflicting edit. */
export function OfficerModal({
  opened,
  institutionId,
  officer,
  onClose,
  onSaved,
  onReload,
}: {
  opened: boolean;
  institutionId: string;
  officer: Officer | null;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={officer ? t.directory.officer.edit : t.directory.officer.add} size="lg">
      {opened ? (
        <OfficerForm
          key={officer ? `${officer.id}-${officer.version}` : 'new'}
          institutionId={institutionId}
          officer={officer}
          onSaved={() => (onSaved(), onClose())}
          onCancel={onClose}
          onReload={() => (onReload(), onClose())}
        />
      ) : null}
    </Modal>
  );
}
