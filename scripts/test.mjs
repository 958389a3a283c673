#!/usr/bin/env node
// Runs every test suite and ends with one line "N passed, N failed" over all of them:
//  1. unit + API tests on the embedded database (PGlite);
//  2. the same tests on PostgreSQL when TEST_DATABASE_URL is set;
//  3. browser tests with Debian's Chromium (skipped, and said so, when /usr/bin/chromium is missing).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'node_modules/.cache/simpul-test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;
const notes = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status;
}

function countVitest(label, file, status) {
  if (!existsSync(file)) {
    failed += 1;
    notes.push(`${label}: no results (exit ${status})`);
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  // A file that failed to load, or an unhandled error, fails the run without failing a test: count it.
  const broken = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
  const extra = broken + (status !== 0 && r.numFailedTests + broken === 0 ? 1 : 0);
  failed += r.numFailedTests + extra;
  notes.push(
    `${label}: ${r.numPassedTests} passed, ${r.numFailedTests + extra} failed${extra ? ` (${extra} = files that failed to run or unhandled errors, exit ${status})` : ''}`,
  );
}

const unit = `${out}/unit-pglite.json`;
countVitest(
  'unit/API (PGlite)',
  unit,
  run('unit and API tests on PGlite', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unit}`]),
);

if (process.env.TEST_DATABASE_URL) {
  const pg = `${out}/unit-postgres.json`;
  countVitest(
    'unit/API (PostgreSQL)',
    pg,
    run('unit and API tests on PostgreSQL', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${pg}`]),
  );
} else {
  notes.push('PostgreSQL suite skipped: set TEST_DATABASE_URL=postgres://... to run it');
}

if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  const e2e = `${out}/e2e.json`;
  const status = run('browser tests (Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2e });
  if (existsSync(e2e)) {
    const s = JSON.parse(readFileSync(e2e, 'utf8')).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    notes.push(`browser: ${s.expected + s.flaky} passed, ${s.unexpected} failed`);
  } else {
    failed += 1;
    notes.push(`browser: no results (exit ${status})`);
  }
} else {
  notes.push('browser suite skipped: Debian chromium is not installed (apt-get install chromium)');
}

console.log(`\n${notes.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
