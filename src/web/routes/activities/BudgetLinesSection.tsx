import { useState } from 'react';
import { Button, Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { quarterNames } from '../../../shared/kakChecks';
import { formatRupiah } from '../../../shared/money';
import { notifySuccess } from '../../components/errors';
import { formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useActivitiesT } from './i18n';
import { BudgetLineModal } from './BudgetLineModal';
import { inWords } from './FundingSection';
import { DifferenceBadge } from './money';
import { Panel } from './Panel';
import type { SectionProps } from './TextSections';
import type { BudgetLine } from './types';
import { useActivityRefresh } from './useActivityRefresh';
import { RowActions, useRemoveRow } from './rowEditing';

const rp = (n: number) => formatRupiah(n);

/** Budget lines with their plan per quarter, totals, and the comparison with the funding plan of section G. */
export function BudgetLinesSection({ activity, canEdit, issues }: SectionProps) {
  const t = useActivitiesT();
  const lang = useLang();
  const b = t.activities.budget;
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const refresh = useActivityRefresh(activity.id);
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  const remove = useRemoveRow<BudgetLine>(activity.id, 'budget-lines', b.deleted);

  const lines = activity.budgetLines;
  const quarterTotals = [0, 1, 2, 3].map((i) => lines.reduce((s, l) => s + (l.quarterPlan[i] ?? 0), 0));
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const plan = activity.kak.funding;
  const badRows = new Set(
    issues.errors
      .map((i) => /^budgetLines\.(\d+)\./.exec(i.path)?.[1])
      .filter(Boolean)
      .map(Number),
  );
  const volume = (l: BudgetLine) => `${formatNumber(l.volume, lang)} ${l.unit}`;

  const actions = (l: BudgetLine) =>
    canEdit ? (
      <RowActions label={l.description} question={b.deleteQuestion} onEdit={() => setEditing(l)} onRemove={() => remove.mutate(l)} />
    ) : null;

  return (
    <Panel
      id="budget"
      title={t.activities.section.budget}
      issues={issues}
      actions={
        canEdit ? (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            + {b.add}
          </Button>
        ) : null
      }
    >
      {!lines.length ? (
        <Text size="sm" c="dimmed">
          {b.none}
        </Text>
      ) : phone ? (
        <Stack gap="xs">
          {lines.map((l, i) => (
            <Card key={l.id} withBorder padding="xs" bg={badRows.has(i) ? 'red.0' : undefined} data-testid="budget-line">
              <Text size="sm" fw={600}>
                {l.description}
              </Text>
              <Text size="xs" c="dimmed">
                {l.accountCode}
              </Text>
              <Text size="sm">
                {volume(l)} × {rp(l.unitPrice)} = <strong>{rp(l.amount)}</strong>
              </Text>
              <Text size="xs">
                {quarterNames
                  .map((q, qi) => (l.quarterPlan[qi] ? `${t.activities.funding.quarterShort(q)} ${rp(l.quarterPlan[qi]!)}` : ''))
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {actions(l)}
            </Card>
          ))}
          <Text size="sm" fw={700}>
            {b.total}: {rp(total)}
          </Text>
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={920}>
          <Table striped withTableBorder fz="sm" verticalSpacing={6} horizontalSpacing={8} aria-label={t.activities.section.budget}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  {b.description} / {b.accountCode}
                </Table.Th>
                <Table.Th ta="right">{b.volume}</Table.Th>
                <Table.Th ta="right">{b.unitPrice}</Table.Th>
                <Table.Th ta="right">{b.amount}</Table.Th>
                {quarterNames.map((q) => (
                  <Table.Th key={q} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t.activities.funding.quarterShort(q)}
                  </Table.Th>
                ))}
                {canEdit ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => (
                <Table.Tr key={l.id} bg={badRows.has(i) ? 'red.0' : undefined} data-testid="budget-line">
                  <Table.Td>
                    <Text size="sm">{l.description}</Text>
                    <Text size="xs" c="dimmed">
                      {l.accountCode}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {volume(l)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {rp(l.unitPrice)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {rp(l.amount)}
                  </Table.Td>
                  {l.quarterPlan.map((q, qi) => (
                    <Table.Td key={qi} ta="right" style={{ whiteSpace: 'nowrap' }} c={q ? undefined : 'dimmed'}>
                      {q ? rp(q) : '–'}
                    </Table.Td>
                  ))}
                  {canEdit ? <Table.Td px={0}>{actions(l)}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td colSpan={3}>{b.total}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="budget-total">
                  {rp(total)}
                </Table.Td>
                {quarterTotals.map((q, qi) => (
                  <Table.Td key={qi} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {rp(q)}
                  </Table.Td>
                ))}
                {canEdit ? <Table.Td /> : null}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {lines.length ? (
        <Text size="sm" fs="italic">
          {t.activities.funding.inWords}: {inWords(total)}
        </Text>
      ) : null}
      <Text size="sm" fw={600} mt="xs">
        {b.comparison}
      </Text>
      <Table.ScrollContainer minWidth={300}>
        <Table
          withTableBorder
          fz={phone ? 'xs' : 'sm'}
          horizontalSpacing={phone ? 6 : 'sm'}
          data-testid="budget-comparison"
          aria-label={t.activities.budget.comparison}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{b.lines}</Table.Th>
              <Table.Th ta="right">{b.fundingPlan}</Table.Th>
              <Table.Th ta="right">{b.difference}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quarterNames.map((q, i) => (
              <Table.Tr key={q}>
                <Table.Td>{t.activities.funding.quarterShort(q)}</Table.Td>
                <Table.Td ta="right">{rp(quarterTotals[i]!)}</Table.Td>
                <Table.Td ta="right">{rp(plan.quarters[i] ?? 0)}</Table.Td>
                <Table.Td ta="right">
                  <DifferenceBadge actual={quarterTotals[i]!} expected={plan.quarters[i] ?? 0} compact />
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{b.total}</Table.Td>
              <Table.Td ta="right">{rp(total)}</Table.Td>
              <Table.Td ta="right">{rp(plan.total)}</Table.Td>
              <Table.Td ta="right">
                <DifferenceBadge actual={total} expected={plan.total} compact />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <BudgetLineModal
        opened={editing !== null}
        activityId={activity.id}
        line={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          if (editing === 'new') notifySuccess(b.added);
          else notifySuccess(t.activities.saved);
          void refresh();
        }}
      />
    </Panel>
  );
}
