import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

// Screenshots for the README (docs/screenshots/), on the demo data.
test('directory list screenshots, desktop and phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loginAsAdmin(page);
  await page.goto('/app/directory');
  await expect(page.getByRole('row').nth(10)).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/directory.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Menu navigasi' })).toBeVisible();
  // Cards instead of a table on a phone, nothing wider than the screen.
  await expect(page.getByRole('table')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'docs/screenshots/directory-phone.png' });

  await page.getByRole('button', { name: 'Menu navigasi' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Jejak audit' })).toBeInViewport();
  await page.waitForTimeout(400); // let the drawer finish sliding in
  await page.screenshot({ path: 'docs/screenshots/navigation-phone.png' });
});
