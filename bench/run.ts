// Runs every benchmark one after another (`npm run bench`); each prints its own figures.
import { spawnSync } from 'node:child_process';

const benches = [
  'kakDocuments.ts',
  'importKak.ts',
  'coldStart.ts',
  'institutions.ts',
  'jobs.ts',
  'checkIn.ts',
  'letters.ts',
  'webVitals.ts',
  'forum.ts',
  'portal.ts',
  'certificates.ts',
];
const only = process.argv.slice(2);
for (const file of benches.filter((b) => !only.length || only.some((o) => b.startsWith(o)))) {
  console.log(`\n### bench/${file}`);
  const r = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
