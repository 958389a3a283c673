import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { institutionCategories } from '../../../shared/categories';
import { ApiError } from '../../api';
import { useFormMutation } from '../../components/useFormMutation';
import { categoryLabel } from '../../format';
import { useLang, useT } from '../../i18n';
import type { Institution, InstitutionDetail } from './types';
import { FormButtons } from '../../components/FormButtons';
import { formatPhone } from '../../../shared/phoneDisplay';

export type InstitutionValues = {
  name: string;
  shortName: string;
  category: string;
  regionCode: string;
  address: string;
  website: string;
  email: string;
  phone: string;
};

export function institutionValues(i?: Institution): InstitutionValues {
  return {
    name: i?.name ?? '',
    shortName: i?.shortName ?? '',
    category: i?.category ?? '',
    regionCode: i?.regionCode ?? '',
    address: i?.address ?? '',
    website: i?.website ?? '',
    email: i?.email ?? '',
    phone: i?.phone ? formatPhone(i.phone) : '',
  };
}

/** A save refused because someone else changed the row first (409 with a `version` field). */
export function isStale(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 409 && 'version' in err.fields;
}

/**
 * The institution form, for "add" and "edit". Validation is the server's: its per-field messages (in Indonesian)
 * appear under the fields. `identityLocked` disables what only the bureau may change (name, category, region code).
 */
export function InstitutionForm({
  initial,
  save,
  onSaved,
  onCancel,
  onReload,
  submitLabel,
  identityLocked = false,
}: {
  initial?: Institution;
  save: (values: InstitutionValues) => Promise<InstitutionDetail>;
  onSaved: (saved: InstitutionDetail) => void;
  onCancel?: () => void;
  onReload?: () => void;
  submitLabel: string;
  identityLocked?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const form = useForm<InstitutionValues>({ initialValues: institutionValues(initial) });
  const { submit, alert, mutation } = useFormMutation(form, save, onSaved);
  const stale = isStale(mutation.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t.directory.name} required disabled={identityLocked} {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t.directory.shortName} description={t.directory.shortNameHint} {...form.getInputProps('shortName')} />
          <Select
            label={t.directory.category}
            required
            disabled={identityLocked}
            data={institutionCategories.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
            {...form.getInputProps('category')}
          />
          <TextInput
            label={t.directory.regionCode}
            description={t.directory.regionCodeHint}
            disabled={identityLocked}
            {...form.getInputProps('regionCode')}
          />
          <TextInput label={t.directory.website} placeholder="https://" {...form.getInputProps('website')} />
          <TextInput label={t.directory.email} type="email" {...form.getInputProps('email')} />
          <TextInput label={t.directory.phone} type="tel" placeholder="0751-…" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Textarea label={t.directory.address} autosize minRows={2} {...form.getInputProps('address')} />
        {stale ? (
          <Alert color="orange" role="alert" title={t.directory.staleTitle}>
            {mutation.error?.message}
            {onReload ? (
              <Group mt="sm">
                <Button size="xs" color="orange" onClick={onReload}>
                  {t.directory.reloadLatest}
                </Button>
              </Group>
            ) : null}
          </Alert>
        ) : (
          alert
        )}
        <FormButtons onCancel={onCancel} saving={mutation.isPending} submitLabel={submitLabel} />
      </Stack>
    </form>
  );
}
