import { Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { notifySuccess } from '../../components/errors';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from '../../i18n';
import type { Role } from '../../session';
import { roleOptions, type UserRow } from './roles';
import { FormButtons } from '../../components/FormButtons';
import { ReleaseEditorSwitch } from './ReleaseEditorSwitch';

type InviteValues = { email: string; name: string; role: Role; institutionId: string | null };

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm<InviteValues>({ initialValues: { email: '', name: '', role: 'member', institutionId: null } });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) => call(client.POST('/api/users', { body: { email: v.email, name: v.name, role: v.role, institutionId: v.institutionId } })),
    (user) => {
      notifySuccess(t.users.invited(user.email));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      form.reset();
      mutation.reset();
      onClose();
    },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t.users.invite} fullScreen={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t.users.email} type="email" required {...form.getInputProps('email')} />
          <TextInput label={t.users.name} required {...form.getInputProps('name')} />
          <Select label={t.users.role} data={roleOptions(t)} allowDeselect={false} {...form.getInputProps('role')} />
          <InstitutionSelect
            label={t.users.institution}
            description={form.values.role === 'member' ? t.users.institutionRequired : undefined}
            required={form.values.role === 'member'}
            value={form.values.institutionId}
            onChange={(id) => form.setFieldValue('institutionId', id)}
            error={form.errors.institutionId}
          />
          {alert}
          <FormButtons onCancel={onClose} saving={mutation.isPending} submitLabel={t.users.sendInvitation} />
        </Stack>
      </form>
    </Modal>
  );
}

type EditValues = { name: string; role: Role; institutionId: string | null; active: boolean };

function EditUserForm({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm<EditValues>({
    initialValues: { name: user.name, role: user.role, institutionId: user.institutionId, active: user.active },
  });
  const { submit, alert, mutation } = useFormMutation(
    form,
    (v) => call(client.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: v })),
    () => {
      notifySuccess(t.common.saved);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t.users.email} value={user.email} readOnly variant="filled" />
        <TextInput label={t.users.name} required {...form.getInputProps('name')} />
        <Select label={t.users.role} data={roleOptions(t)} allowDeselect={false} {...form.getInputProps('role')} />
        <InstitutionSelect
          label={t.users.institution}
          required={form.values.role === 'member'}
          value={form.values.institutionId}
          selectedLabel={user.institutionName}
          onChange={(id) => form.setFieldValue('institutionId', id)}
          error={form.errors.institutionId}
        />
        <Switch label={t.users.activeLabel} {...form.getInputProps('active', { type: 'checkbox' })} />
        <ReleaseEditorSwitch user={user} />
        {alert}
        <FormButtons onCancel={onClose} saving={mutation.isPending} />
      </Stack>
    </form>
  );
}

export function EditUserModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={!!user} onClose={onClose} title={t.users.edit}>
      {user ? <EditUserForm key={user.id} user={user} onClose={onClose} /> : null}
    </Modal>
  );
}
