import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { SurveyResults } from '../../../shared/schemas/survey';
import { useSurveyT } from './i18n';

const colors = ['red.7', 'orange.6', 'yellow.6', 'lime.7', 'teal.7'];

/**
 * Score distribution (1-5) for usefulness and each session, stacked. Loaded lazily by the results page (recharts is
 * heavy); the same figures are in the table beside it, so the chart is decoration for sighted readers (aria-hidden).
 */
export function SurveyResultsChart({ results }: { results: SurveyResults }) {
  const r = useSurveyT().survey.results;
  const rows = [
    { name: r.usefulness, d: results.usefulness.distribution },
    ...results.sessions.map((s) => ({ name: s.title, d: s.distribution })),
  ].map(({ name, d }) => ({ name: name.length > 28 ? `${name.slice(0, 27)}…` : name, s1: d[0], s2: d[1], s3: d[2], s4: d[3], s5: d[4] }));
  return (
    <div aria-hidden="true">
      <BarChart
        h={Math.max(160, rows.length * 40 + 70)}
        data={rows}
        dataKey="name"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 120 }}
        withLegend
        series={[1, 2, 3, 4, 5].map((n) => ({ name: `s${n}`, label: r.score(n), color: colors[n - 1]! }))}
      />
    </div>
  );
}
