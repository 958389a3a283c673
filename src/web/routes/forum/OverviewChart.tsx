import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useForumT } from './i18n';
import type { Overview } from './api';

/**
 * Open topics by category, stacked by age. Loaded lazily by the overview page (recharts is heavy); the same
 * figures are in the table next to it, so the chart is decoration for sighted readers (aria-hidden).
 */
export function OverviewChart({ rows }: { rows: Overview['openByCategory'] }) {
  const t = useForumT();
  const f = t.forum;
  return (
    <div aria-hidden="true">
      <BarChart
        h={Math.max(160, rows.length * 36 + 60)}
        data={rows.map((r) => ({ name: r.name, lt7: r.lt7, d7to30: r.d7to30, gt30: r.gt30 }))}
        dataKey="name"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 140 }}
        withLegend
        series={[
          { name: 'lt7', label: f.age.lt7, color: 'teal.6' },
          { name: 'd7to30', label: f.age.d7to30, color: 'yellow.6' },
          { name: 'gt30', label: f.age.gt30, color: 'red.6' },
        ]}
      />
    </div>
  );
}
