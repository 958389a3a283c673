import { type Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { appLink, waitForMail } from './mailbox';

const member = { email: 'mira.anggota@example.org', name: 'Mira Anggota', password: 'kata-sandi-mira-1' };

async function loggedOutPage(browser: Browser) {
  const context = await browser.newContext({ locale: 'id-ID' });
  return context.newPage();
}

test.describe
  .serial('a member officer, from invitation to what they may do', () => {
    test('the administrator invites a member officer of Pemerintah Kota Padang; the e-mailed link activates the account', async ({
      page,
      browser,
    }) => {
      await loginAsAdmin(page, '/app/users');
      await page.getByRole('button', { name: 'Undang pengguna' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('E-mail').fill(member.email);
      await dialog.getByLabel('Nama').fill(member.name);
      // A member officer must belong to an institution: the server says so next to the field.
      await dialog.getByRole('button', { name: 'Kirim undangan' }).click();
      await expect(dialog.getByText('Petugas humas anggota harus terhubung ke satu lembaga')).toBeVisible();
      await dialog.getByRole('textbox', { name: 'Lembaga' }).fill('kota padang');
      await page.getByRole('option', { name: 'Pemerintah Kota Padang', exact: true }).click();
      await dialog.getByRole('button', { name: 'Kirim undangan' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('row', { name: /Mira Anggota/ })).toContainText('Pemerintah Kota Padang');

      const mail = await waitForMail(member.email, /Undangan/);
      const invited = await loggedOutPage(browser);
      await invited.goto(appLink(mail));
      await expect(invited.getByRole('heading', { name: 'Terima undangan' })).toBeVisible();
      // The page says whom the invitation is for, and where.
      await expect(invited.getByTestId('invitation-summary')).toContainText(`Undangan untuk ${member.name} (${member.email})`);
      await expect(invited.getByTestId('invitation-summary')).toContainText('sebagai Petugas humas anggota di Pemerintah Kota Padang');
      await invited.getByLabel('Kata sandi baru').fill(member.password);
      await invited.getByLabel('Ulangi kata sandi').fill('bukan-yang-sama-1');
      await invited.getByRole('button', { name: 'Aktifkan akun' }).click();
      await expect(invited.getByText('Kedua kata sandi tidak sama')).toBeVisible();
      await invited.getByLabel('Ulangi kata sandi').fill(member.password);
      await invited.getByRole('button', { name: 'Aktifkan akun' }).click();
      await expect(invited.getByText('Akun Anda sudah aktif. Silakan masuk.')).toBeVisible();

      await invited.getByRole('link', { name: 'Masuk' }).click();
      await expect(invited.getByLabel('E-mail')).toHaveValue(member.email);
      await invited.getByLabel('Kata sandi').fill(member.password);
      await invited.getByRole('button', { name: 'Masuk' }).click();
      await expect(invited.getByRole('heading', { name: `Selamat datang, ${member.name}` })).toBeVisible();

      // The same link does not work twice: the page says so instead of offering the form again.
      await invited.goto(appLink(mail));
      await expect(invited.getByRole('alert')).toContainText('Tautan undangan ini tidak berlaku lagi');
      await expect(invited.getByLabel('Kata sandi baru')).toHaveCount(0);
    });

    test('the member sees only what the server lets them do', async ({ browser }) => {
      const page = await loggedOutPage(browser);
      await page.goto('/app/login');
      await page.getByLabel('E-mail').fill(member.email);
      await page.getByLabel('Kata sandi').fill(member.password);
      await page.getByRole('button', { name: 'Masuk' }).click();
      const nav = page.getByRole('navigation');
      await expect(nav.getByRole('link', { name: 'Direktori anggota' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Akun saya' })).toBeVisible();
      for (const hidden of ['Pengguna', 'Jejak audit', 'Impor direktori'])
        await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);

      await nav.getByRole('link', { name: 'Direktori anggota' }).click();
      await expect(page.getByRole('row').nth(1)).toBeVisible();
      await expect(page.getByRole('link', { name: 'Tambah lembaga' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Impor' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Ekspor XLSX' })).toHaveCount(0);

      // Their own institution: editable (except its identity), officers visible and editable, no deactivation.
      await page.getByRole('searchbox', { name: 'Cari' }).fill('kota padang');
      await page.getByRole('link', { name: 'Pemerintah Kota Padang', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Tambah petugas' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Nonaktifkan lembaga' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Ubah', exact: true }).click();
      await expect(page.getByRole('dialog').getByLabel('Nama lembaga')).toBeDisabled();
      await page.getByRole('dialog').getByLabel('Telepon').fill('0751-31676');
      await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(page.getByText('+62 751 31676')).toBeVisible();

      // Another institution: read-only, its officers not shown.
      await page.goto('/app/directory?q=semen+padang');
      await page.getByRole('link', { name: 'PT Semen Padang' }).click();
      await expect(page.getByRole('heading', { name: 'PT Semen Padang' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Ubah' })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Petugas humas' })).toHaveCount(0);

      await page.goto('/app/users');
      await expect(page.getByText('Anda tidak berhak membuka halaman ini.')).toBeVisible();
    });

    test('a forgotten password is reset through the e-mailed link', async ({ browser }) => {
      const page = await loggedOutPage(browser);
      await page.goto('/app/login');
      await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
      await page.getByLabel('E-mail').fill(member.email);
      await page.getByRole('button', { name: 'Kirim tautan' }).click();
      await expect(page.getByText('Bila alamat itu terdaftar')).toBeVisible();

      const mail = await waitForMail(member.email, /Atur ulang/);
      await page.goto(appLink(mail));
      await page.getByLabel('Kata sandi baru').fill('pendek');
      await page.getByLabel('Ulangi kata sandi').fill('pendek');
      await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
      await expect(page.getByText('Kata sandi minimal 10 karakter')).toBeVisible();
      await page.getByLabel('Kata sandi baru').fill('sandi-baru-mira-2');
      await page.getByLabel('Ulangi kata sandi').fill('sandi-baru-mira-2');
      await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
      await expect(page.getByText('Kata sandi baru tersimpan. Silakan masuk.')).toBeVisible();

      await page.getByRole('link', { name: 'Masuk' }).click();
      await page.getByLabel('E-mail').fill(member.email);
      await page.getByLabel('Kata sandi').fill('sandi-baru-mira-2');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await expect(page.getByRole('heading', { name: `Selamat datang, ${member.name}` })).toBeVisible();
    });
  });
