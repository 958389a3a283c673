import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

const csv = [
  'Jenis,Nama,Singkatan,Kategori,Kode Wilayah,E-mail,Telepon,Lembaga,Jabatan',
  'lembaga,Universitas Uji Impor,UUI,Perguruan Tinggi,,humas@uui.ac.id,,,',
  'petugas,Andi Uji Impor,,,,andi.impor@example.org,081234567890,Universitas Uji Impor,Kepala Humas',
  'lembaga,Lembaga Uji Salah Kategori,,Kategori Ngawur,,,,,',
].join('\n');

test('importing a CSV with one bad row: the preview shows its problem, "import valid rows" saves the others', async ({ page }) => {
  await loginAsAdmin(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Impor direktori' }).click();
  await expect(page.getByRole('link', { name: 'Unduh templat XLSX' })).toHaveAttribute('href', '/api/directory/import/template');
  await page.locator('input[type=file]').setInputFiles({ name: 'anggota-baru.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByText('3 baris')).toBeVisible();
  await expect(page.getByText('2 valid')).toBeVisible();
  await expect(page.getByText('1 bermasalah')).toBeVisible();
  const bad = preview.locator('tr[data-invalid]');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('Lembaga Uji Salah Kategori');
  await expect(bad).toContainText('Kategori "Kategori Ngawur" tidak dikenal');
  // The cell at fault is marked, not only the row.
  await expect(bad.locator('td[data-problem]')).toHaveText(['Kategori Ngawur']);

  await page.getByRole('button', { name: 'Impor baris yang valid' }).click();
  await expect(page.getByRole('status')).toContainText('1 lembaga dan 1 petugas humas disimpan; 1 baris bermasalah dilewati.');

  await page.getByRole('link', { name: 'Lihat direktori' }).click();
  await page.getByRole('searchbox', { name: 'Cari' }).fill('uji impor');
  const row = page.getByRole('row', { name: /Universitas Uji Impor/ });
  await expect(row).toContainText('Perguruan Tinggi');
  await expect(row).toContainText('1'); // its officer
  await page.getByRole('searchbox', { name: 'Cari' }).fill('salah kategori');
  await expect(page.getByText('Tidak ada lembaga yang cocok dengan pencarian ini.')).toBeVisible();
});

test('"import all" refuses a file with a bad row and saves nothing', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/app/directory/import');
  const file = csv.replaceAll('Uji Impor', 'Uji Semua').replace('andi.impor@', 'andi.semua@');
  await page.locator('input[type=file]').setInputFiles({ name: 'semua.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await expect(page.getByText('1 bermasalah')).toBeVisible();
  await page.getByRole('button', { name: 'Impor semua (batal bila ada yang salah)' }).click();
  await expect(page.getByRole('alert')).toContainText('1 dari 3 baris bermasalah, jadi tidak ada data yang disimpan');
  await page.goto('/app/directory?q=uji+semua');
  await expect(page.getByText('Tidak ada lembaga yang cocok dengan pencarian ini.')).toBeVisible();
});

test('the export button downloads the filtered directory as XLSX', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/app/directory?category=university');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ekspor XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container, as XLSX is
});

test('re-importing the exported directory: unchanged rows are recognised, a changed phone shows as the one change and is saved', async ({
  page,
}) => {
  const ExcelJS = (await import('exceljs')).default;
  await loginAsAdmin(page);
  const exported = await page.request.get('/api/directory/export.xlsx?q=balai+monitor');
  expect(exported.ok()).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
  const file = async () => ({
    name: 'ekspor.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });

  await page.goto('/app/directory/import');
  await page.locator('input[type=file]').setInputFiles(await file());
  await expect(page.getByRole('status')).toContainText('Semua baris valid sama dengan data tersimpan');
  await expect(page.getByText('0 berubah')).toBeVisible();

  // Change the first officer's phone in the file.
  const sheet = wb.getWorksheet('Petugas')!;
  const phoneCol = (sheet.getRow(1).values as string[]).indexOf('Telepon');
  const officerName = String(sheet.getRow(2).getCell(1).value);
  sheet.getRow(2).getCell(phoneCol).value = '0813-9999-0001';
  await page.locator('input[type=file]').setInputFiles(await file());
  await expect(page.getByText('1 berubah')).toBeVisible();
  const changed = page.getByTestId('import-preview').locator('tr[data-status=changed]');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText(officerName);
  await expect(changed.locator('[data-change=phone]')).toContainText('Telepon:');
  await expect(changed.locator('[data-change=phone]')).toContainText('+62 813 9999 0001');
  await page.getByRole('button', { name: 'Impor semua (batal bila ada yang salah)' }).click();
  await expect(page.getByRole('status')).toContainText('0 lembaga dan 1 petugas humas diperbarui');

  await page.goto('/app/directory?q=balai+monitor');
  await page
    .getByRole('link', { name: /Balai Monitor/ })
    .first()
    .click();
  await expect(page.getByRole('row', { name: new RegExp(officerName) })).toContainText('+62 813 9999 0001');
});
