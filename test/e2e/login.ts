import { expect, type Page } from '@playwright/test';
import { e2eAdmin } from './env';

/** Logs in through the login form as the e2e administrator and waits for the home page. */
export async function loginAsAdmin(page: Page, next = '/app/') {
  await page.goto(`/app/login${next !== '/app/' ? `?next=${encodeURIComponent(next.replace(/^\/app/, ''))}` : ''}`);
  await page.getByLabel('E-mail').fill(e2eAdmin.email);
  await page.getByLabel('Kata sandi').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('button', { name: 'Menu pengguna' })).toBeVisible();
}
