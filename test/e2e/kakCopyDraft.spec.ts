import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

/** The copy dialog asks for the fiscal year; a draft's download first says it carries the DRAF mark. */
test('copy to a chosen year replaces the fiscal year in the KAK, and a draft download warns about the DRAF mark', async ({ page }) => {
  await loginAsAdmin(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Kegiatan & KAK' }).click();
  await page.getByRole('textbox', { name: 'Tahun anggaran' }).click();
  await page.getByRole('option', { name: '2019' }).click();
  await page
    .getByRole('row', { name: /Koordinasi Kehumasan/ })
    .getByRole('link', { name: 'Koordinasi Kehumasan' })
    .click();
  await expect(page.getByTestId('activity-year')).toHaveText('TA 2019');
  // The 2019 activity is done: its downloads are final and start at once.
  await expect(page.getByRole('link', { name: 'Unduh KAK (PDF)' })).toBeVisible();

  await page.getByRole('button', { name: 'Salin ke tahun berikutnya' }).click();
  const year = page.getByRole('textbox', { name: 'Tahun anggaran salinan' });
  await expect(year).toHaveValue('2020');
  await year.fill('2032');
  await expect(page.getByText('Buat draf tahun anggaran 2032 dari kegiatan ini?')).toBeVisible();
  await page.getByRole('button', { name: 'Ya', exact: true }).click();
  await expect(page.getByTestId('activity-year')).toHaveText('TA 2032');
  await expect(page.getByTestId('activity-status')).toHaveText('Draf');
  await expect(page.getByRole('region', { name: 'C. Dasar Hukum', exact: true })).toContainText('Tahun Anggaran 2032');
  await expect(page.getByRole('region', { name: 'C. Dasar Hukum', exact: true })).toContainText('Nomor 8 Tahun 2016');

  // The bureau may share the activity's personal data with members; off by default.
  const sharing = page.getByRole('switch', { name: 'Bagikan data pribadi kepada anggota' });
  await expect(sharing).not.toBeChecked();
  await sharing.click({ force: true });
  await expect(page.getByText('Data pribadi kegiatan ini kini terlihat oleh anggota')).toBeVisible();
  await expect(sharing).toBeChecked();

  // A draft: the download first says what the document will carry.
  await page.getByRole('button', { name: 'Unduh KAK (PDF)' }).click();
  const notice = page.getByTestId('download-notice');
  await expect(notice).toContainText('KAK ini masih draf: setiap halaman dicetak dengan tanda "DRAF — belum disetujui".');
  const download = page.waitForEvent('download');
  await notice.getByRole('link', { name: 'Unduh (PDF)' }).click();
  expect((await download).suggestedFilename()).toBe('KAK-Koordinasi-Kehumasan-2032.pdf');
});
