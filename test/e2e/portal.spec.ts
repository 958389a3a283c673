import { expectAccessible } from './axe';
import { expect, test } from './fixtures';

// The public portal (issue 14), server-rendered from the demo data: no JavaScript needed, WCAG 2.1 AA basics.
// Run: E2E_PORT=3137 npx playwright test test/e2e/portal.spec.ts

const phone = { width: 360, height: 740 };

test('the portal home: Indonesian, skip link first, one h1, headings in order, accessible at 1280 and 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Rilis terbaru' })).toBeVisible();
  // The skip link is the first thing the keyboard reaches and moves to the main region.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Langsung ke isi' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page).toHaveURL(/#isi$/);
  // Heading levels never skip (h1 -> h2 -> h3).
  const levels = await page.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  await expectAccessible(page, 'home 1280');
  await page.setViewportSize(phone);
  await expectAccessible(page, 'home 360');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
});

test('a release page: article with image alt text, correction note where given, structured data, print style', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/rilis');
  await expect(page.getByRole('heading', { level: 1, name: 'Semua rilis' })).toBeVisible();
  const first = page.locator('.cards h2 a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/rilis\/\d{4}\/\d{2}\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${new URL(page.url()).pathname}$`));
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld['@type']).toBe('NewsArticle');
  expect(ld.headline).toBe(title.slice(0, 110));
  for (const alt of await page.locator('article img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))) {
    expect(alt?.trim()).toBeTruthy();
  }
  await expectAccessible(page, 'release 1280');
  await page.setViewportSize(phone);
  await expectAccessible(page, 'release 360');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  // Printing leaves out the navigation and the search box.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header nav')).toBeHidden();
  await expect(page.locator('form.search')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('search works without JavaScript (a plain GET form); operators alone find nothing', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Cari rilis').fill('padang');
  await page.getByRole('button', { name: 'Cari' }).first().click();
  await expect(page).toHaveURL(/\/cari\?q=padang$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hasil pencarian');
  await expect(page.locator('.cards li').first()).toBeVisible();
  await context.close();
  const empty = await browser.newContext();
  const other = await empty.newPage();
  await other.goto('/cari?q=-');
  await expect(other.getByText('Tidak ada rilis yang cocok')).toBeVisible();
  await empty.close();
});

test('lists by institution and category, and the member list', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/lembaga');
  await page.locator('.members a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rilis ');
  await page.goto('/kategori/pemerintahan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rilis kategori Pemerintahan');
  await page.goto('/anggota');
  await expect(page.getByRole('heading', { level: 1, name: 'Lembaga anggota' })).toBeVisible();
});

test('feeds answer, and a missing release is a 404 page', async ({ page }) => {
  const feed = await page.request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  expect(await feed.text()).toContain('<rss');
  const missing = await page.goto('/rilis/2020/01/tidak-ada-rilis-ini');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Tidak ditemukan' })).toBeVisible();
});
