import type { CSSProperties } from 'react';
import { Badge, Box, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatDateId } from '../../../shared/dates';
import { useActivitiesT } from './i18n';
import { scheduleStatusColors } from './types';

export type TimelineStep = {
  step: string;
  startMonth: number | string;
  endMonth: number | string;
  startDate?: string | null;
  endDate?: string | null;
  responsible?: string | null;
  kind: 'preparation' | 'meeting' | 'other';
  status: 'planned' | 'in_progress' | 'done';
};

const validMonth = (m: number) => Number.isInteger(m) && m >= 1 && m <= 12;
const safeDate = (iso?: string | null) => {
  if (!iso) return '';
  try {
    return formatDateId(iso);
  } catch {
    return iso;
  }
};

const headerCell: CSSProperties = {
  fontSize: 'var(--mantine-font-size-xs)',
  fontWeight: 600,
  color: 'var(--mantine-color-dimmed)',
  padding: '4px 0',
  borderBottom: '1px solid var(--mantine-color-gray-3)',
};

/**
 * The schedule as a month-by-month timeline (a Gantt chart in a CSS grid): one bar per step from its start to
 * its end month, coloured by status; meetings carry a star. On a phone the step names sit above their bars.
 */
export function ScheduleTimeline({ steps, errorRows = new Set<number>() }: { steps: TimelineStep[]; errorRows?: Set<number> }) {
  const t = useActivitiesT();
  const s = t.activities.schedule;
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const offset = phone ? 1 : 2; // grid column of January (month m sits in column m + offset - 1)
  const rowsPerStep = phone ? 2 : 1;
  const monthName = (m: number) => s.monthsLong[m - 1] ?? String(m);

  return (
    <Box>
      <div
        role="table"
        aria-label={s.timeline}
        data-testid="schedule-timeline"
        style={{
          display: 'grid',
          gridTemplateColumns: phone ? 'repeat(12, minmax(0, 1fr))' : 'minmax(200px, 3.5fr) repeat(12, minmax(0, 1fr))',
          alignItems: 'stretch',
        }}
      >
        <div role="row" style={{ display: 'contents' }}>
          {!phone ? (
            <div role="columnheader" style={{ ...headerCell, gridRow: 1, gridColumn: 1 }}>
              {s.step}
            </div>
          ) : null}
          {s.months.map((m, i) => (
            <div key={m} role="columnheader" style={{ ...headerCell, gridRow: 1, gridColumn: i + offset, textAlign: 'center' }}>
              {m}
            </div>
          ))}
        </div>
        {steps.map((step, i) => {
          const start = Number(step.startMonth);
          const end = Number(step.endMonth);
          const valid = validMonth(start) && validMonth(end);
          const reversed = valid && end < start;
          const labelRow = 2 + i * rowsPerStep;
          const barRow = labelRow + rowsPerStep - 1;
          const range = valid ? (start === end || reversed ? monthName(start) : `${monthName(start)} – ${monthName(end)}`) : '–';
          const dates = [safeDate(step.startDate), safeDate(step.endDate)].filter(Boolean).join(' – ');
          const meeting = step.kind === 'meeting';
          const hasError = errorRows.has(i);
          const details = [range, s.statuses[step.status], dates, step.responsible].filter(Boolean).join(' · ');
          return (
            <div key={i} role="row" style={{ display: 'contents' }} data-testid="timeline-row">
              <div
                role="rowheader"
                style={{
                  gridRow: labelRow,
                  gridColumn: phone ? '1 / -1' : 1,
                  padding: phone ? '6px 0 2px' : '6px 8px 6px 0',
                  borderTop: phone ? '1px solid var(--mantine-color-gray-2)' : undefined,
                  borderBottom: phone ? undefined : '1px solid var(--mantine-color-gray-2)',
                }}
              >
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={500} c={hasError ? 'red.7' : undefined} style={{ flex: 1, minWidth: 0 }}>
                    {i + 1}. {step.step || '…'}
                  </Text>
                  {meeting ? (
                    <Badge size="xs" color="grape" variant="light" style={{ flexShrink: 0 }}>
                      ★ {s.meeting}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {details}
                </Text>
              </div>
              {s.months.map((m, mi) => (
                <div
                  key={m}
                  aria-hidden
                  style={{
                    gridRow: barRow,
                    gridColumn: mi + offset,
                    minHeight: 30,
                    borderLeft: '1px solid var(--mantine-color-gray-2)',
                    borderBottom: phone ? undefined : '1px solid var(--mantine-color-gray-2)',
                    background: mi % 2 ? 'var(--mantine-color-gray-0)' : undefined,
                  }}
                />
              ))}
              {valid ? (
                <div
                  role="cell"
                  data-testid="timeline-bar"
                  data-status={step.status}
                  title={`${step.step} · ${details}`}
                  style={{
                    gridRow: barRow,
                    gridColumn: `${start + offset - 1} / ${(reversed ? start : end) + offset}`,
                    alignSelf: 'center',
                    zIndex: 1,
                    height: 18,
                    margin: '0 3px',
                    borderRadius: 9,
                    background: scheduleStatusColors[step.status],
                    border: reversed
                      ? '2px dashed var(--mantine-color-red-7)'
                      : meeting
                        ? '2px solid var(--mantine-color-grape-7)'
                        : undefined,
                    color: 'white',
                    fontSize: 11,
                    lineHeight: '14px',
                    textAlign: 'center',
                    overflow: 'hidden',
                  }}
                >
                  {meeting ? <span aria-hidden>★</span> : null}
                  <span style={visuallyHidden}>{details}</span>
                </div>
              ) : (
                <div role="cell" style={{ ...visuallyHidden }}>
                  {details}
                </div>
              )}
            </div>
          );
        })}
      </div>
      <Group gap="md" mt="xs">
        {(['planned', 'in_progress', 'done'] as const).map((st) => (
          <Group key={st} gap={6} wrap="nowrap">
            <span style={{ display: 'inline-block', width: 18, height: 10, borderRadius: 5, background: scheduleStatusColors[st] }} />
            <Text size="xs">{s.statuses[st]}</Text>
          </Group>
        ))}
        <Text size="xs">★ {s.meeting}</Text>
      </Group>
    </Box>
  );
}

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0,0,0,0)',
  whiteSpace: 'nowrap',
  border: 0,
};
