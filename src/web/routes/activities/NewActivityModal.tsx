import { useState } from 'react';
import { Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { defaultOrgUnit } from '../../../shared/schemas/activities';
import { call, client } from '../../api';
import { notifySuccess } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { applyServerErrors, FormErrorAlert } from './formErrors';
import { activityQuery } from './types';
import { FormButtons } from '../../components/FormButtons';

type Values = {
  title: string;
  fiscalYear: number | string;
  orgUnit: string;
  officerInCharge: { name: string; position: string; nip: string };
};

function NewActivityForm({ year, onClose }: { year: number; onClose: () => void }) {
  const t = useActivitiesT();
  const a = t.activities;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unmapped, setUnmapped] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: { title: '', fiscalYear: year, orgUnit: defaultOrgUnit, officerInCharge: { name: '', position: '', nip: '' } },
  });
  const mutation = useMutation({
    mutationFn: (v: Values) => call(client.POST('/api/activities', { body: { ...v, fiscalYear: Number(v.fiscalYear) } })),
    onMutate: () => form.clearErrors(),
    onError: (e) => setUnmapped(applyServerErrors(form, e)),
    onSuccess: (created) => {
      queryClient.setQueryData(activityQuery(created.id).queryKey, created);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifySuccess(a.created);
      onClose();
      void navigate(`/activities/${created.id}`);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {a.newActivityHint}
        </Text>
        <TextInput label={a.activityTitle} required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={a.fiscalYear}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            {...form.getInputProps('fiscalYear')}
          />
          <TextInput label={a.orgUnit} required {...form.getInputProps('orgUnit')} />
          <TextInput label={a.pptkName} {...form.getInputProps('officerInCharge.name')} />
          <TextInput label={a.pptkPosition} {...form.getInputProps('officerInCharge.position')} />
          <TextInput label={a.pptkNip} description={a.nipHint} inputMode="numeric" {...form.getInputProps('officerInCharge.nip')} />
        </SimpleGrid>
        <FormErrorAlert error={mutation.error} unmapped={unmapped} />
        <FormButtons onCancel={onClose} saving={mutation.isPending} submitLabel={a.create} />
      </Stack>
    </form>
  );
}

/** "Kegiatan baru": a draft with title, fiscal year, unit and PPTK; the KAK is filled in on its page. */
export function NewActivityModal({ opened, year, onClose }: { opened: boolean; year: number; onClose: () => void }) {
  const t = useActivitiesT();
  return (
    <Modal opened={opened} onClose={onClose} title={t.activities.newActivity} size="lg">
      {opened ? <NewActivityForm year={year} onClose={onClose} /> : null}
    </Modal>
  );
}
