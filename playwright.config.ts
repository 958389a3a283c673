import { defineConfig } from '@playwright/test';
import { rmSync } from 'node:fs';
import { e2eAdmin } from './test/e2e/env';
import { mailPort } from './test/e2e/mailbox';

// Browser tests run Debian's Chromium (Playwright cannot download its own browser here)
// against a real server on a fresh embedded database with the demo data.
// E2E_PORT lets several runs share a machine (each gets its own server and data folder).
const port = Number(process.env.E2E_PORT ?? 3107);
const dataDir = `node_modules/.cache/simpul-e2e-data-${port}`;
// Workers load this file too: only the main process (which starts the server) may wipe the data.
if (!process.env.TEST_WORKER_INDEX) rmSync(dataDir, { recursive: true, force: true });

export default defineConfig({
  testDir: 'test/e2e',
  // Traces and failure pages per port, so runs side by side keep their own.
  outputDir: `test-results/e2e-${port}`,
  // A capturing SMTP server, so tests can follow invitation and password reset links.
  globalSetup: './test/e2e/mailbox.ts',
  // Every page a test visits is also checked by axe at two widths (test/e2e/fixtures.ts): that takes time.
  timeout: 120_000,
  workers: 1,
  // In CI a test that fails once is run once more and reported as flaky (counted, and named in the output),
  // so that one timing hiccup on a busy 2-core machine does not sink the run; locally nothing is retried.
  retries: process.env.CI ? 1 : 0,
  // The JSON report feeds the one-line total of scripts/test.mjs; it goes to a file, not the console.
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'id-ID',
    // No half-finished transitions while axe measures colours (the app honours reduced motion).
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npm run build --silent && npx tsx src/server/main.ts serve',
    url: `http://127.0.0.1:${port}/api/health`,
    // The build and a first start on a busy 2-core machine (the demo seed, pg-boss's schema) can take minutes.
    timeout: 300_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // Its own build of the SPA: a run on another port rebuilding dist/web must not pull the files from under it.
      WEB_DIST: `node_modules/.cache/simpul-e2e-web-${port}`,
      DEMO: 'true',
      ADMIN_EMAIL: e2eAdmin.email,
      ADMIN_PASSWORD: e2eAdmin.password,
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
      DATABASE_URL: '',
    },
  },
});
