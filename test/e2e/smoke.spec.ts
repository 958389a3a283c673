import { expect, test } from '@playwright/test';

test('the web app loads in Indonesian', async ({ page }) => {
  await page.goto('/app/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByText('Simpul')).toBeVisible();
});
