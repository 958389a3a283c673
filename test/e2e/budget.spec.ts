import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createMember, signedInContext } from './member';

// First-load budget for officers on mobile data: the JavaScript and CSS a cold browser transfers
// (compressed bytes on the wire, as Chromium reports them) for the log-in page and a member's home.
const budget = 200 * 1024;

/** Sums the encoded body bytes of every JS and CSS response the page loads until the network is idle. */
async function firstLoadBytes(page: Page, url: string, ready: () => Promise<void>) {
  const assets: { url: string; bytes: number; encoding?: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!/\.(m?js|css)$/.test(path)) return;
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        assets.push({ url: path, bytes: sizes.responseBodySize, encoding: response?.headers()['content-encoding'] });
      })(),
    );
  });
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const total = assets.reduce((sum, a) => sum + a.bytes, 0);
  return { total, assets };
}

function report(name: string, r: { total: number; assets: { url: string; bytes: number; encoding?: string }[] }) {
  console.log(`${name}: ${(r.total / 1024).toFixed(1)} KB JS+CSS transferred`);
  for (const a of r.assets) console.log(`  ${a.url} ${(a.bytes / 1024).toFixed(1)} KB ${a.encoding ?? 'identity'}`);
}

test('the log-in page loads at most 200 KB of JavaScript and CSS, compressed', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  const r = await firstLoadBytes(page, '/app/login', () => expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible());
  report('log-in', r);
  expect(r.assets.length).toBeGreaterThan(0);
  for (const a of r.assets) expect(a.encoding, a.url).toBe('br');
  expect(r.total).toBeLessThanOrEqual(budget);
  await context.close();
});

test("a member's home loads at most 200 KB of JavaScript and CSS, compressed", async ({ page, browser }) => {
  const member = await createMember(page, 'budget');
  const context = await signedInContext(browser, member);
  const mp = await context.newPage();
  const r = await firstLoadBytes(mp, '/app/', () => expect(mp.getByTestId('my-institution')).toContainText('Dinas Uji budget'));
  report('member home', r);
  for (const a of r.assets) expect(a.encoding, a.url).toBe('br');
  expect(r.total).toBeLessThanOrEqual(budget);
  await context.close();
});
