import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

/**
 * The Content-Security-Policy is always on, so every browser test runs under it; this one also fails on any
 * violation the browser reports (a blocked script, style, image or request) on the main screens and Swagger UI.
 */
function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  return violations;
}

test('the web app and the public pages run under the CSP without a violation', async ({ page }) => {
  const violations = collectViolations(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('h1').first()).toBeVisible();
  await loginAsAdmin(page);
  for (const path of ['/app/directory', '/app/activities', '/app/settings']) {
    await page.goto(path);
    await expect(page.getByRole('button', { name: 'Menu pengguna' })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});

test('Swagger UI works under the CSP', async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto('/api/docs');
  // The bundle is large: give a busy machine time to parse it and fetch the OpenAPI document.
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Simpul API', { timeout: 30_000 });
  await expect(page.locator('.opblock-tag').first()).toBeVisible();
  expect(violations).toEqual([]);
});
