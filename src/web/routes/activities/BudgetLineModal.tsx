import { Group, Input, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { computeLineAmount, quarterNames } from '../../../shared/kakChecks';
import { formatRupiah } from '../../../shared/money';
import { useActivitiesT } from './i18n';
import { FormButtons } from '../../components/FormButtons';
import { useSaveRow } from './rowEditing';
import { FormErrorAlert } from './formErrors';
import { amount, DifferenceBadge, RupiahInput, sum } from './money';
import type { BudgetLine } from './types';

type Values = {
  accountCode: string;
  description: string;
  volume: number | string;
  unit: string;
  unitPrice: number | string;
  quarterPlan: (number | string)[];
};

function LineForm({
  activityId,
  line,
  onSaved,
  onCancel,
}: {
  activityId: string;
  line: BudgetLine | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useActivitiesT();
  const b = t.activities.budget;
  const form = useForm<Values>({
    initialValues: line
      ? {
          accountCode: line.accountCode,
          description: line.description,
          volume: line.volume,
          unit: line.unit,
          unitPrice: line.unitPrice,
          quarterPlan: [...line.quarterPlan],
        }
      : { accountCode: '', description: '', volume: '', unit: '', unitPrice: '', quarterPlan: [0, 0, 0, 0] },
  });
  const { mutation, unmapped } = useSaveRow(
    activityId,
    'budget-lines',
    line?.id ?? null,
    form,
    (v) => ({ ...v, volume: amount(v.volume), unitPrice: amount(v.unitPrice), quarterPlan: v.quarterPlan.map(amount) }),
    onSaved,
  );

  const v = form.getValues();
  const computed = v.volume !== '' && v.unitPrice !== '' ? computeLineAmount(Number(v.volume), amount(v.unitPrice)) : null;
  const lineAmount = computed && 'amount' in computed ? computed.amount : null;
  const planned = sum(v.quarterPlan);
  const fillRest = (i: number) => {
    if (lineAmount === null) return;
    const others = planned - amount(v.quarterPlan[i]);
    form.setFieldValue(`quarterPlan.${i}`, Math.max(0, lineAmount - others));
  };

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput
          label={b.accountCode}
          description={b.accountCodeHint}
          placeholder="5.1.02.02.01.0003"
          required
          {...form.getInputProps('accountCode')}
        />
        <TextInput label={b.description} required {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          <NumberInput
            hideControls
            label={b.volume}
            required
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator="."
            allowNegative={false}
            {...form.getInputProps('volume')}
          />
          <TextInput label={b.unit} placeholder={b.unitHint} required {...form.getInputProps('unit')} />
          <RupiahInput label={b.unitPrice} required {...form.getInputProps('unitPrice')} />
        </SimpleGrid>
        <Text size="sm" data-testid="line-amount">
          {b.amount}:{' '}
          {computed === null ? (
            '–'
          ) : 'amount' in computed ? (
            <strong>{formatRupiah(computed.amount)}</strong>
          ) : (
            <Text span c="red" size="sm">
              {computed.error}
            </Text>
          )}
        </Text>
        <Input.Wrapper label={b.plan} error={typeof form.errors.quarterPlan === 'string' ? form.errors.quarterPlan : undefined}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt={4}>
            {quarterNames.map((q, i) => (
              <div key={q}>
                <RupiahInput
                  aria-label={t.activities.funding.quarter(q)}
                  label={t.activities.funding.quarterShort(q)}
                  {...form.getInputProps(`quarterPlan.${i}`)}
                />
                {lineAmount !== null && planned !== lineAmount ? (
                  <UnstyledButton fz="xs" c="teal.9" onClick={() => fillRest(i)}>
                    {b.fillRest(q)}
                  </UnstyledButton>
                ) : null}
              </div>
            ))}
          </SimpleGrid>
        </Input.Wrapper>
        {lineAmount !== null ? (
          <Group gap="xs">
            <Text size="sm">{b.planSum(formatRupiah(planned), formatRupiah(lineAmount))}</Text>
            <DifferenceBadge actual={planned} expected={lineAmount} />
          </Group>
        ) : null}
        <FormErrorAlert error={mutation.error} unmapped={unmapped} />
        <FormButtons onCancel={onCancel} saving={mutation.isPending} />
      </Stack>
    </form>
  );
}

/** Add (line = null) or edit a budget line; amount = volume x unit price, and a plan per quarter that adds up to it. */
export function BudgetLineModal({
  opened,
  activityId,
  line,
  onClose,
  onSaved,
}: {
  opened: boolean;
  activityId: string;
  line: BudgetLine | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useActivitiesT();
  return (
    <Modal opened={opened} onClose={onClose} title={line ? t.activities.budget.edit : t.activities.budget.add} size="lg">
      {opened ? (
        <LineForm key={line?.id ?? 'new'} activityId={activityId} line={line} onCancel={onClose} onSaved={() => (onSaved(), onClose())} />
      ) : null}
    </Modal>
  );
}
