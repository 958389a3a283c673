import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

test('adding an institution: the server refuses a bad region code and e-mail next to those fields, then saves', async ({ page }) => {
  await loginAsAdmin(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Direktori anggota' }).click();
  await page.getByRole('link', { name: 'Tambah lembaga' }).click();
  await expect(page).toHaveURL(/\/app\/directory\/new$/);

  await page.getByLabel('Nama lembaga').fill('Universitas Uji Formulir');
  await page.getByRole('textbox', { name: 'Kategori' }).click();
  await page.getByRole('option', { name: 'Perguruan Tinggi' }).click();
  await page.getByLabel('Kode wilayah').fill('13-71');
  await page.getByLabel('E-mail').fill('humas@uji');
  await page.getByRole('button', { name: 'Simpan' }).click();

  // Both messages come from the server's validation and sit under their own fields.
  const regionCode = page.getByLabel('Kode wilayah');
  await expect(regionCode).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Kode wilayah harus berformat NN.NN (kode Kemendagri, mis. 13.71)')).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Alamat e-mail tidak valid')).toBeVisible();
  await expect(page.getByLabel('Nama lembaga')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/app\/directory\/new$/);

  await regionCode.fill('');
  await page.getByLabel('E-mail').fill('humas@uji-formulir.ac.id');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name: 'Universitas Uji Formulir' })).toBeVisible();
  await expect(page.getByText('humas@uji-formulir.ac.id')).toBeVisible();

  await page.getByRole('link', { name: 'Kembali ke direktori' }).click();
  await page.getByRole('searchbox', { name: 'Cari' }).fill('uji formulir');
  await expect(page.getByRole('row', { name: /Universitas Uji Formulir/ })).toContainText('Perguruan Tinggi');
  await expect(page.getByRole('row')).toHaveCount(2);
});

test('an officer is added to an institution and made its main contact', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/app/directory?q=balmon');
  await page.getByRole('link', { name: /Balai Monitor/ }).click();
  await page.getByRole('button', { name: 'Tambah petugas' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nama').fill('Dewi Uji Petugas');
  await dialog.getByLabel('NIP').fill('12345');
  await dialog.getByRole('textbox', { name: 'Jenjang Pranata Humas' }).click();
  await page.getByRole('option', { name: 'Ahli Muda' }).click();
  await dialog.getByLabel('Telepon/WhatsApp').fill('0812-3456-7890');
  await dialog.getByLabel('Kontak utama lembaga').check();
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('NIP harus 18 digit angka')).toBeVisible();

  await dialog.getByLabel('NIP').fill('19800101 200501 2 001');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Dewi Uji Petugas/ });
  await expect(row).toContainText('198001012005012001');
  await expect(row).toContainText('Ahli Muda');
  // Grouped for reading, with a WhatsApp link for the mobile number.
  await expect(row).toContainText('+62 812 3456 7890');
  await expect(row.getByRole('link', { name: 'Kirim WhatsApp ke +62 812 3456 7890' })).toHaveAttribute(
    'href',
    'https://wa.me/6281234567890',
  );
  await expect(row).toContainText('Kontak utama');
  // The previous main contact is no longer one.
  await expect(page.getByText('Kontak utama', { exact: true })).toHaveCount(1);
});

test('a stale edit is refused with the conflict message and the form offers to reload', async ({ page, request }) => {
  await loginAsAdmin(page);
  await page.goto('/app/directory?q=semen+padang');
  await page.getByRole('link', { name: 'PT Semen Padang' }).click();
  await page.getByRole('button', { name: 'Ubah' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Alamat').fill('Jl. Raya Indarung, Padang');

  // Someone else saves first (through the API with the same session).
  const id = page.url().split('/').pop()!;
  const me = await (await page.request.get('/api/auth/me')).json();
  const current = await (await page.request.get(`/api/institutions/${id}`)).json();
  const other = await page.request.patch(`/api/institutions/${id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { website: 'https://semenpadang.co.id', version: current.version },
  });
  expect(other.ok()).toBe(true);
  void request;

  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('telah diubah oleh pengguna lain');
  await dialog.getByRole('button', { name: 'Muat ulang data terbaru' }).click();
  await expect(dialog.getByLabel('Situs web')).toHaveValue('https://semenpadang.co.id');
  await dialog.getByLabel('Alamat').fill('Jl. Raya Indarung, Padang');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Jl. Raya Indarung, Padang')).toBeVisible();
});

// A 1x1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a logo is uploaded and shown; an institution is deactivated, leaves the active list, and comes back', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/app/directory?q=bank+nagari');
  await page.getByRole('link', { name: 'PT Bank Nagari' }).click();
  await expect(page.getByRole('img', { name: 'Logo lembaga' })).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Unggah logo' }).click();
  await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  const logo = page.getByRole('img', { name: 'Logo lembaga' });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  await page.getByRole('button', { name: 'Nonaktifkan lembaga' }).click();
  await page.getByRole('button', { name: 'Ya' }).click();
  await expect(page.getByText('Nonaktif', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Kembali ke direktori' }).click();
  await page.getByRole('searchbox', { name: 'Cari' }).fill('bank nagari');
  await expect(page.getByText('Tidak ada lembaga yang cocok dengan pencarian ini.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Nonaktif' }).click();
  await page.getByRole('link', { name: 'PT Bank Nagari' }).click();
  await page.getByRole('button', { name: 'Aktifkan lembaga' }).click();
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();
});
