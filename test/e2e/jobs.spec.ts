import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { waitForMail } from './mailbox';

test('an administrator watches the background jobs: queues with counts, and the mail log filtered by recipient and state', async ({
  page,
}) => {
  await loginAsAdmin(page);
  // A mail to follow: an invitation (sent by the mail queue after the answer).
  await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
  await page.getByRole('button', { name: 'Undang pengguna' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('E-mail').fill('antrean.surel@example.org');
  await dialog.getByLabel('Nama').fill('Tami Antrean');
  await dialog.getByRole('textbox', { name: 'Peran' }).click();
  await page.getByRole('option', { name: 'Panitia' }).click();
  await dialog.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(dialog).toBeHidden();
  await waitForMail('antrean.surel@example.org', /Undangan/);

  await page.getByRole('navigation').getByRole('link', { name: 'Pekerjaan latar belakang' }).click();
  await expect(page.getByRole('heading', { name: 'Pekerjaan latar belakang' })).toBeVisible();
  // Each queue with its counts by state; housekeeping runs on a schedule in WIB.
  const queues = page.getByRole('table', { name: 'Antrean' });
  const mailQueue = queues.getByRole('row', { name: /Pengiriman e-mail/ });
  await expect(mailQueue).toBeVisible();
  await expect(mailQueue.locator('[data-state="completed"]')).not.toHaveText('0');
  await expect(queues.getByRole('row', { name: /Pembersihan berkala/ })).toContainText('cron 7 * * * * (Asia/Jakarta)');
  await expect(page.getByText('Tidak ada pekerjaan yang gagal.')).toBeVisible();

  // The mail log, by recipient and state.
  const log = page.getByRole('table', { name: 'Log e-mail' });
  await page.getByRole('textbox', { name: 'Penerima' }).fill('antrean.surel');
  const row = log.getByRole('row', { name: /antrean\.surel@example\.org/ });
  await expect(row).toContainText('Undangan bergabung');
  await expect(row).toContainText('Terkirim');
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Gagal' }).click();
  await expect(row).toBeHidden();
  await expect(log.getByText('Tidak ada data')).toBeVisible();
});
