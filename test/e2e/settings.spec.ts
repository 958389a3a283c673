import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

const url = '/api/settings/organisation';
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** A write through the browser's own session (cookie) with its CSRF token, as the SPA does. */
async function putSettings(page: Page, body: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  return page.request.put(url, { data: body, headers: { 'x-csrf-token': me.csrfToken } });
}

test('an administrator edits the letterhead with a live preview; the KAK PDF prints it', async ({ page }) => {
  await loginAsAdmin(page);
  // The e2e server is shared by every spec: put the settings back as they were, whatever happens below.
  const original = await (await page.request.get(url)).json();
  try {
    await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan' }).click();
    await expect(page.getByRole('heading', { name: 'Pengaturan organisasi' })).toBeVisible();

    const preview = page.getByTestId('letterhead-preview');
    const lines = preview.getByTestId('letterhead-line');
    await expect(lines).toHaveText(original.unitNameLines);
    await expect(field(page, 'Baris 3')).toHaveValue(original.unitNameLines[2]);

    // The preview follows the typing, before anything is saved.
    await field(page, 'Baris 3').fill('BIRO HUBUNGAN MASYARAKAT');
    await expect(lines.nth(2)).toHaveText('BIRO HUBUNGAN MASYARAKAT');
    await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeVisible();
    await field(page, 'Situs web').fill('humas.sumbarprov.go.id');
    await expect(preview.getByTestId('letterhead-detail').last()).toContainText('Website: humas.sumbarprov.go.id');
    await page.getByRole('radio', { name: /^Rp — / }).check();
    await expect(page.getByTestId('rupiah-example')).toHaveText('Rp 48.357.960');
    await page.getByRole('radio', { name: /^Rp\. — / }).check();
    await expect(page.getByTestId('rupiah-example')).toHaveText('Rp. 48.357.960,-');

    // The server's field message appears at the field, and nothing is saved.
    await field(page, 'E-mail').fill('bukan-email');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(field(page, 'E-mail')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Alamat e-mail tidak valid')).toBeVisible();
    expect((await (await page.request.get(url)).json()).unitNameLines[2]).toBe(original.unitNameLines[2]);

    await field(page, 'E-mail').fill('humas@sumbarprov.go.id');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText(/Pengaturan disimpan/)).toBeVisible();
    await expect(page.getByText('Ada perubahan yang belum disimpan.')).toHaveCount(0);

    // A logo: stored at once, shown beside the field and in the preview.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Unggah logo|Ganti logo/ }).click();
    await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: readFileSync('test/fixtures/logo-contoh.png') });
    await expect(page.getByText('Logo disimpan')).toBeVisible();
    const previewLogo = preview.getByRole('img', { name: 'Logo kop surat' });
    await expect(previewLogo).toBeVisible();
    await expect.poll(() => previewLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    await page.reload();
    await expect(page.getByTestId('letterhead-preview').getByTestId('letterhead-line').nth(2)).toHaveText('BIRO HUBUNGAN MASYARAKAT');

    // The KAK of the 2019 reference activity prints the new letterhead.
    const list = await (await page.request.get('/api/activities', { params: { year: 2019 } })).json();
    const activity = list.items.find((a: { title: string; status: string }) => a.title === 'Koordinasi Kehumasan' && a.status === 'done');
    expect(activity).toBeTruthy();
    const pdf = await page.request.get(`/api/activities/${activity.id}/kak.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-l', '1', '-', '-'], { input: body }).toString();
    expect(text).toContain('BIRO HUBUNGAN MASYARAKAT');
    expect(text).toContain('humas.sumbarprov.go.id');
  } finally {
    const restored = await putSettings(page, original);
    expect(restored.status()).toBe(200);
  }
});
