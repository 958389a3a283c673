import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { Radio, Stack } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useLang } from '../../i18n';
import { useT } from './texts';
import { isoToWib, nowWib, wibToIso } from './wib';

/**
 * "When to publish": now (null) or at a time in WIB (an embargo). The picker shows and edits the WIB wall clock
 * whatever the browser's time zone; the value is ISO 8601 with an explicit +07:00 offset. The server checks the
 * time (an embargo in the past comes back as an error under the picker).
 */
export function ScheduleField({
  value,
  onChange,
  error,
  label,
}: {
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | null;
  label?: string;
}) {
  const t = useT();
  const s = t.releases.schedule;
  const lang = useLang();
  const mode = value ? 'at' : 'now';
  return (
    <Stack gap="xs">
      <Radio.Group
        label={label ?? s.mode}
        value={mode}
        onChange={(m) => onChange(m === 'at' ? wibToIso(nextHourWib()) : null)}
        error={mode === 'now' ? error : undefined}
      >
        <Stack gap={6} mt={6}>
          <Radio value="now" label={s.now} />
          <Radio value="at" label={s.at} />
        </Stack>
      </Radio.Group>
      {mode === 'at' ? (
        <DatesProvider settings={{ locale: lang === 'id' ? 'id' : 'en', firstDayOfWeek: 1 }}>
          <DateTimePicker
            label={s.publishAt}
            description={s.publishAtHint}
            valueFormat="D MMMM YYYY, HH.mm [WIB]"
            value={isoToWib(value)}
            onChange={(wall) => onChange(wibToIso(wall))}
            minDate={nowWib().slice(0, 10)}
            error={error}
            required
            maw={360}
            timePickerProps={{ format: '24h', 'aria-label': s.publishAt } as never}
            submitButtonProps={{ 'aria-label': t.common.save }}
            data-testid="publish-at"
          />
        </DatesProvider>
      ) : null}
    </Stack>
  );
}

/** The next full hour in WIB, a sensible first value for an embargo. */
function nextHourWib(): string {
  const now = nowWib();
  const d = new Date(`${now.replace(' ', 'T')}Z`);
  d.setUTCMinutes(0, 0, 0);
  d.setUTCHours(d.getUTCHours() + 1);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
