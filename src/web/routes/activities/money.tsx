import { Badge, NumberInput, type NumberInputProps } from '@mantine/core';
import { formatRupiah } from '../../../shared/money';
import { useActivitiesT } from './i18n';

/** A rupiah amount typed as "48.357.960" (whole rupiah, dot thousands). */
export function RupiahInput(props: NumberInputProps) {
  return (
    <NumberInput
      hideControls
      prefix="Rp "
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={false}
      min={0}
      inputMode="numeric"
      {...props}
    />
  );
}

/** '' (an emptied input) counts as zero. */
export const amount = (v: number | string | null | undefined): number => (v === '' || v === null || v === undefined ? 0 : Number(v));

export const sum = (xs: readonly (number | string)[]) => xs.reduce<number>((a, b) => a + amount(b), 0);

/** "Sesuai" in green, or the difference in red. */
export function DifferenceBadge({ actual, expected, compact = false }: { actual: number; expected: number; compact?: boolean }) {
  const t = useActivitiesT();
  if (actual === expected)
    return (
      <Badge color="teal" variant="light">
        {t.activities.budget.balanced}
      </Badge>
    );
  const d = actual - expected;
  return (
    <Badge
      color="red"
      variant="filled"
      data-testid="difference"
    >{`${compact ? '' : `${t.activities.budget.difference} `}${d > 0 ? '+' : '−'}${formatRupiah(Math.abs(d))}`}</Badge>
  );
}
