import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { appLink, mailDir, type ReceivedMail } from './mailbox';

/** Every mail received for `address` so far, oldest first. */
function mailsTo(address: string): ReceivedMail[] {
  return readdirSync(mailDir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(mailDir, f), 'utf8')) as ReceivedMail)
    .filter((m) => m.to.includes(address));
}
async function mailNumber(address: string, n: number): Promise<ReceivedMail> {
  await expect.poll(() => mailsTo(address).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n);
  return mailsTo(address)[n - 1]!;
}

async function loggedOutPage(browser: Browser) {
  return (await browser.newContext({ locale: 'id-ID' })).newPage();
}

async function invite(page: Page, email: string, name: string, institution: string) {
  await page.getByRole('button', { name: 'Undang pengguna' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Nama').fill(name);
  await dialog.getByRole('textbox', { name: 'Lembaga' }).fill(institution);
  await page.getByRole('option', { name: institution, exact: true }).first().click();
  await dialog.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(dialog).toBeHidden();
}

test.describe
  .serial('an invitation whose e-mail went astray', () => {
    const lost = { email: 'rudi.hilang@example.org', name: 'Rudi Hilang', password: 'kata-sandi-rudi-1' };

    test('the administrator re-sends it and copies a fresh link; only the newest link works', async ({ page, browser }) => {
      await loginAsAdmin(page, '/app/users');
      await invite(page, lost.email, lost.name, 'Pemerintah Kabupaten Agam');
      const first = await mailNumber(lost.email, 1);

      const row = page.getByRole('row', { name: new RegExp(lost.name) });
      await expect(row).toContainText('Undangan tertunda');
      await row.getByRole('button', { name: `Kirim ulang undangan ${lost.name}` }).click();
      await expect(page.getByText(`Undangan dikirim ulang ke ${lost.email}`)).toBeVisible();
      const second = await mailNumber(lost.email, 2);
      expect(appLink(second)).not.toBe(appLink(first));

      await row.getByRole('button', { name: `Salin tautan undangan ${lost.name}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Tautan undangan' });
      await expect(dialog).toContainText(`Kirimkan tautan ini hanya kepada ${lost.name}`);
      const link = await dialog.getByRole('textbox', { name: 'Tautan undangan' }).inputValue();
      expect(link).toMatch(/\/app\/accept-invitation\?token=/);
      await dialog.getByRole('button', { name: 'Salin' }).click();
      await page.keyboard.press('Escape');

      const invited = await loggedOutPage(browser);
      // The mailed links were replaced by the copied one.
      await invited.goto(appLink(second));
      await expect(invited.getByText('Tautan undangan ini tidak berlaku lagi')).toBeVisible();
      await expect(invited.getByRole('link', { name: 'Minta undangan baru lewat "Lupa kata sandi"' })).toBeVisible();

      const u = new URL(link);
      await invited.goto(u.pathname + u.search);
      await expect(invited.getByTestId('invitation-summary')).toContainText(`Undangan untuk ${lost.name} (${lost.email})`);
      await expect(invited.getByTestId('invitation-summary')).toContainText('di Pemerintah Kabupaten Agam');
      await invited.getByLabel('Kata sandi baru').fill(lost.password);
      await invited.getByLabel('Ulangi kata sandi').fill(lost.password);
      await invited.getByRole('button', { name: 'Aktifkan akun' }).click();
      await expect(invited.getByText('Akun Anda sudah aktif. Silakan masuk.')).toBeVisible();

      await page.reload();
      await expect(
        page.getByRole('row', { name: new RegExp(lost.name) }).getByRole('button', { name: /Kirim ulang undangan/ }),
      ).toHaveCount(0);
    });

    test('"Lupa kata sandi" before accepting sends the invitation again', async ({ page, browser }) => {
      const late = { email: 'sari.lupa@example.org', name: 'Sari Lupa', password: 'kata-sandi-sari-1' };
      await loginAsAdmin(page, '/app/users');
      await invite(page, late.email, late.name, 'Pemerintah Kota Solok');
      await mailNumber(late.email, 1);

      const visitor = await loggedOutPage(browser);
      await visitor.goto('/app/forgot-password');
      await expect(visitor.getByText('Belum sempat menerima undangan?')).toBeVisible();
      await visitor.getByLabel('E-mail').fill(late.email);
      await visitor.getByRole('button', { name: 'Kirim tautan' }).click();
      await expect(visitor.getByText('Bila alamat itu terdaftar')).toBeVisible();
      const again = await mailNumber(late.email, 2);
      expect(again.subject).toMatch(/Undangan/);
      await visitor.goto(appLink(again));
      await expect(visitor.getByTestId('invitation-summary')).toContainText('di Pemerintah Kota Solok');
    });
  });
