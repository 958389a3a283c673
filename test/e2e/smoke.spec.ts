import { expect, test } from './fixtures';
import { e2eAdmin } from './env';

test('the web app loads in Indonesian and sends a visitor to the login page', async ({ page }) => {
  await page.goto('/app/directory');
  await expect(page).toHaveURL(/\/app\/login\?next=%2Fdirectory$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
});

test('the language switch turns the app to English and is remembered', async ({ page }) => {
  await page.goto('/app/login');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await page.getByText('ID', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
});

test('a wrong password is refused with the server message, the right one logs in and back out', async ({ page }) => {
  await page.goto('/app/login?next=%2Faccount');
  await page.getByLabel('E-mail').fill(e2eAdmin.email);
  await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('E-mail atau kata sandi salah');

  await page.getByLabel('Kata sandi').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/app\/account$/);
  await expect(page.getByRole('heading', { name: 'Akun saya' })).toBeVisible();

  await page.getByRole('button', { name: 'Menu pengguna' }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/app\/login$/);
  await page.goto('/app/account');
  await expect(page).toHaveURL(/\/app\/login\?next=%2Faccount$/);
});
