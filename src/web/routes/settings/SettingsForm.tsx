import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Input,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, client, upload as uploadFile } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { useT } from '../../i18n';
import type { OrganisationSettings } from '../../../shared/schemas/settings';
import { LetterheadPreview, rupiahExample } from './LetterheadPreview';
import { logoUrl } from './letterhead';

export const settingsKey = ['settings', 'organisation'] as const;
const maxLines = 5;

type Form = UseFormReturnType<OrganisationSettings>;

/**
 * Puts the server's field messages next to the fields, keeping the line number of a unit name line
 * ("unitNameLines.2" lands on the third line). Returns true when every message found a field.
 */
function applyServerErrors(form: Form, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const entries = Object.entries(err.fields);
  if (!entries.length) return false;
  const known = new Set(Object.keys(form.getValues()));
  const mapped: Record<string, string> = {};
  for (const [path, message] of entries) if (known.has(path.split('.')[0]!)) mapped[path] ??= message;
  form.setErrors(mapped);
  return Object.keys(mapped).length === entries.length;
}

function UnitLinesEditor({ form }: { form: Form }) {
  const t = useT();
  const lines = form.getValues().unitNameLines;
  return (
    <Stack gap="xs">
      <Input.Wrapper label={t.settings.unitNameLines} description={t.settings.unitNameLinesHint} error={form.errors.unitNameLines} />
      {lines.map((_, i) => {
        const label = t.settings.unitLine(i + 1);
        return (
          <Group key={i} gap={4} align="flex-end" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={label} maxLength={120} {...form.getInputProps(`unitNameLines.${i}`)} />
            <ActionIcon
              variant="subtle"
              color="gray"
              mb={4}
              aria-label={`${t.settings.moveUp}: ${label}`}
              disabled={i === 0}
              onClick={() => form.reorderListItem('unitNameLines', { from: i, to: i - 1 })}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              mb={4}
              aria-label={`${t.settings.moveDown}: ${label}`}
              disabled={i === lines.length - 1}
              onClick={() => form.reorderListItem('unitNameLines', { from: i, to: i + 1 })}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={`${t.settings.removeLine}: ${label}`}
              disabled={lines.length === 1}
              onClick={() => form.removeListItem('unitNameLines', i)}
            >
              ✕
            </ActionIcon>
          </Group>
        );
      })}
      {lines.length < maxLines ? (
        <Group>
          <Button size="xs" variant="default" onClick={() => form.insertListItem('unitNameLines', '')}>
            + {t.settings.addLine}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Logo preview and upload. The upload is stored at once (the server points the settings at it). */
function LogoField({ form }: { form: Form }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { logoFileId } = form.getValues();
  const upload = useMutation({
    mutationFn: (file: File) => uploadFile('/api/settings/organisation/logo', {}, { file }),
    onSuccess: (saved) => {
      // The server saved only the logo: other fields being edited stay as typed, and stay marked unsaved.
      const base = { ...form.getInitialValues(), logoFileId: saved.logoFileId };
      form.setInitialValues(base);
      form.setFieldValue('logoFileId', saved.logoFileId);
      form.resetDirty(base);
      queryClient.setQueryData(settingsKey, saved);
      notifySuccess(t.settings.logoSaved);
    },
    onError: (e) => notifyError(e, t),
  });
  return (
    <Input.Wrapper label={t.settings.logo} description={t.settings.logoHint} error={form.errors.logoFileId}>
      <Group mt="xs" gap="md" align="center">
        {logoFileId ? (
          <img
            src={logoUrl(logoFileId)}
            alt={t.settings.logoAlt}
            style={{ width: 72, height: 72, objectFit: 'contain', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t.settings.noLogo}
          </Text>
        )}
        <FileButton onChange={(f) => f && upload.mutate(f)} accept="image/png,image/jpeg">
          {(props) => (
            <Button variant="default" loading={upload.isPending} {...props}>
              {logoFileId ? t.settings.replaceLogo : t.settings.uploadLogo}
            </Button>
          )}
        </FileButton>
        {logoFileId ? (
          <Button variant="subtle" color="red" title={t.settings.removeLogoHint} onClick={() => form.setFieldValue('logoFileId', null)}>
            {t.settings.removeLogo}
          </Button>
        ) : null}
      </Group>
    </Input.Wrapper>
  );
}

/** Every field of the organisation settings beside a live preview of the letterhead. */
export function SettingsForm({ initial }: { initial: OrganisationSettings }) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm<OrganisationSettings>({ initialValues: initial });
  const [fieldsShown, setFieldsShown] = useState(false);
  const save = useMutation({
    mutationFn: (values: OrganisationSettings) => call(client.PUT('/api/settings/organisation', { body: values })),
    onMutate: () => form.clearErrors(),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      notifySuccess(t.settings.saved);
    },
    onError: (e) => setFieldsShown(applyServerErrors(form, e)),
  });
  const values = form.getValues();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <Card withBorder>
            <Stack>
              <Title order={3}>{t.settings.letterhead}</Title>
              <UnitLinesEditor form={form} />
              <Textarea label={t.settings.address} autosize minRows={1} maxLength={300} {...form.getInputProps('address')} />
              <TextInput label={t.settings.phone} description={t.settings.phoneHint} maxLength={120} {...form.getInputProps('phone')} />
              <TextInput label={t.settings.email} type="email" maxLength={254} {...form.getInputProps('email')} />
              <TextInput label={t.settings.website} maxLength={200} {...form.getInputProps('website')} />
              <LogoField form={form} />
            </Stack>
          </Card>
          <Card withBorder>
            <Radio.Group label={t.settings.rupiahStyle} {...form.getInputProps('rupiahStyle')}>
              <Stack gap="xs" mt="xs">
                <Radio value="Rp" label={t.settings.rupiahStyles.Rp} />
                <Radio value="Rp." label={t.settings.rupiahStyles['Rp.']} />
              </Stack>
            </Radio.Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t.settings.exampleAmount}: {rupiahExample(values.rupiahStyle)}
            </Text>
          </Card>
          {form.isDirty() ? (
            <Alert color="yellow" variant="light">
              {t.settings.unsaved}
            </Alert>
          ) : null}
          <ErrorAlert error={save.error} fieldsShown={fieldsShown} />
          <Group justify="flex-end">
            <Button
              variant="default"
              disabled={!form.isDirty()}
              onClick={() => {
                form.reset();
                save.reset();
              }}
            >
              {t.settings.reset}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
      <div>
        <div style={{ position: 'sticky', top: 80 }}>
          <LetterheadPreview values={values} />
        </div>
      </div>
    </SimpleGrid>
  );
}
