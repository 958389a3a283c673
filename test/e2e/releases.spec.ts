import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { createMember, signedInContext } from './member';

/**
 * Press releases in the SPA (issue 14): a member writes a release with a cropped image and its alt text and
 * sends it for review; the administrator (an editor of every institution) approves and publishes it from the
 * review queue, and the public page shows it; a release sent back carries the reviewer's note to the writer,
 * who sends it again; an embargo time already past is refused next to the picker. axe runs on every screen at
 * 1280 and 360 px (the fixture, plus explicit checks after in-app navigation); phone screenshots go to
 * test-results/releases-*.png.
 */

const desktop = { width: 1280, height: 900 };
const phone = { width: 360, height: 740 };

/** A photo-like PNG (a gradient, 1600 x 1000) made on the spot. */
async function photo(): Promise<Buffer> {
  const width = 1600;
  const height = 1000;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = Math.round((x / width) * 255);
      raw[i + 1] = Math.round((y / height) * 200);
      raw[i + 2] = 120;
    }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** axe at the page's own width and at 360 px, for a screen reached by a click (the fixture checks on page.goto). */
async function accessibleAtBothWidths(page: Page, label: string) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await expectAccessible(page, `${label} at 1280 px`);
  const own = page.viewportSize();
  await page.setViewportSize(phone);
  await page.waitForTimeout(150);
  await expectAccessible(page, `${label} at 360 px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label}: no sideways scrolling at 360 px`).toBeLessThanOrEqual(1);
  if (own) await page.setViewportSize(own);
}

async function shot(page: Page, name: string) {
  const own = page.viewportSize();
  await page.setViewportSize(phone);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `test-results/releases-${name}.png`, fullPage: true });
  if (own) await page.setViewportSize(own);
}

async function releaseIdFrom(page: Page) {
  return /\/app\/rilis\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Fills the writing screen and saves the draft; answers the new release's id (the page is its writing screen). */
async function writeDraft(page: Page, title: string) {
  await page.goto('/app/rilis');
  await expect(page.getByRole('heading', { name: 'Rilis berita' })).toBeVisible();
  await page.getByRole('link', { name: 'Tulis rilis' }).click();
  await expect(page.getByRole('heading', { name: 'Rilis baru' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Ringkasan' }).fill('Pemerintah provinsi meresmikan jembatan baru di Kabupaten Agam.');
  const body = page.getByRole('textbox', { name: 'Isi rilis' });
  await body.click();
  await body.pressSequentially('Jembatan sepanjang 120 meter itu menghubungkan dua nagari.');
  await page.getByRole('textbox', { name: 'Kategori' }).click();
  await page.getByRole('option', { name: 'Pembangunan dan Infrastruktur' }).click();
  const tags = page.getByRole('textbox', { name: 'Tag' });
  await tags.fill('jembatan');
  await tags.press('Enter');
  await page.getByRole('textbox', { name: 'Nomor rilis' }).fill('012/HUMAS/XII/2026');
  await page.getByRole('textbox', { name: 'Narahubung', exact: true }).fill('Rina Marlina');
  await page.getByRole('textbox', { name: 'Telepon narahubung' }).fill('0812 6600 1234');
  // The live preview follows the form, laid out as the portal does.
  const preview = page.frameLocator('[data-testid="release-preview"]');
  await expect(preview.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(preview.locator('.release-body')).toContainText('120 meter');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page).toHaveURL(/\/app\/rilis\/[0-9a-f-]{36}\/ubah$/, { timeout: 20_000 });
  return releaseIdFrom(page);
}

async function memberContext(browser: Browser, member: { email: string; password: string }): Promise<[BrowserContext, Page]> {
  const context = await signedInContext(browser, member, { viewport: desktop });
  return [context, await context.newPage()];
}

test('a member writes a release with a cropped image, the editor approves and publishes it, the public sees it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize(desktop);
  const member = await createMember(page, 'rilis');
  const [context, mp] = await memberContext(browser, member);
  const title = `Jembatan Nagari Diresmikan ${Date.now().toString(36)}`;
  const id = await writeDraft(mp, title);

  // An image: choose, crop (16:9), alt text required.
  await mp.getByRole('button', { name: 'Tambah gambar' }).click();
  const dialog = mp.getByRole('dialog', { name: 'Tambah gambar' });
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'jembatan.png', mimeType: 'image/png', buffer: await photo() });
  await expect(dialog.getByTestId('image-cropper')).toBeVisible();
  await accessibleAtBothWidths(mp, 'image dialog');
  await dialog.getByRole('button', { name: 'Unggah gambar' }).click();
  // No alt text: the server refuses, its message sits under the field.
  const alt = dialog.getByRole('textbox', { name: 'Teks alternatif' });
  await expect(alt).toHaveAttribute('aria-invalid', 'true');
  await alt.fill('Jembatan beton berwarna abu-abu di atas sungai, dilihat dari tepi');
  await dialog.getByRole('textbox', { name: 'Keterangan gambar' }).fill('Jembatan Nagari yang baru diresmikan.');
  await dialog.getByRole('textbox', { name: 'Kredit foto' }).fill('Humas Agam');
  await dialog.getByRole('button', { name: 'Unggah gambar' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 }); // sharp makes six sizes on a busy machine
  await expect(mp.getByTestId('release-image')).toHaveCount(1);
  const saved = await (await mp.request.get(`/api/releases/${id}`)).json();
  expect(saved.images[0].alt).toContain('Jembatan beton');
  // Cropped to 16:9 in the browser before upload.
  expect(Math.abs(saved.images[0].width / saved.images[0].height - 16 / 9)).toBeLessThan(0.02);
  await expect(mp.frameLocator('[data-testid="release-preview"]').getByRole('img', { name: /Jembatan beton/ })).toBeVisible();
  await accessibleAtBothWidths(mp, 'writing screen');
  await shot(mp, 'editor');

  await mp.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
  await expect(mp).toHaveURL(new RegExp(`/app/rilis/${id}$`), { timeout: 20_000 });
  await expect(mp.getByText('Menunggu persetujuan').first()).toBeVisible();
  await accessibleAtBothWidths(mp, 'release detail (submitted)');
  await shot(mp, 'detail');
  await mp.goto('/app/rilis');
  await expect(mp.getByRole('row', { name: new RegExp(title) })).toContainText('Menunggu persetujuan');
  await shot(mp, 'list');

  // The editor (the administrator, signed in on `page` since createMember) approves and publishes now from the review queue.
  await page.setViewportSize(desktop);
  await page.goto('/app/rilis/tinjauan');
  await expect(page.getByRole('heading', { name: 'Antrean tinjauan' })).toBeVisible();
  await page.getByRole('button', { name: `Setujui: ${title}` }).click();
  const approve = page.getByRole('dialog', { name: 'Setujui' });
  await expect(approve.getByRole('radio', { name: 'Segera setelah disetujui' })).toBeChecked();
  await accessibleAtBothWidths(page, 'approve dialog');
  await approve.getByRole('button', { name: 'Setujui' }).click();
  await expect(approve).toBeHidden({ timeout: 30_000 });
  await shot(page, 'review-queue');
  await page.goto(`/app/rilis/${id}`);
  await expect(page.getByText('Terbit', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('revision-history')).toContainText('Terbit pertama');
  const published = await (await page.request.get(`/api/releases/${id}`)).json();
  expect(published.status).toBe('published');
  expect(published.path).toMatch(/^\/rilis\/\d{4}\/\d{2}\/jembatan-nagari-diresmikan/);

  // The public sees it on the portal's release page (a visitor without a session).
  const visitor = await browser.newContext({ locale: 'id-ID' });
  const pub = await visitor.request.get(published.path, { headers: { accept: 'text/html' } });
  expect(pub.status()).toBe(200);
  const html = await pub.text();
  expect(html).toContain(title);
  expect(html).toContain('Jembatan beton berwarna abu-abu');
  await visitor.close();
  await context.close();
});

test('a release sent back carries the reviewer note to the writer, who sends it again', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(desktop);
  const member = await createMember(page, 'rilis-tolak');
  const [context, mp] = await memberContext(browser, member);
  const title = `Pasar Murah Ramadan ${Date.now().toString(36)}`;
  const id = await writeDraft(mp, title);
  await mp.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
  await expect(mp).toHaveURL(new RegExp(`/app/rilis/${id}$`), { timeout: 20_000 });

  await page.goto('/app/rilis/tinjauan');
  await page.getByRole('button', { name: `Kembalikan: ${title}` }).click();
  const reject = page.getByRole('dialog', { name: 'Kembalikan rilis ke penulis' });
  // Without a note the server refuses, next to the field.
  await reject.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(reject.getByRole('textbox', { name: 'Catatan untuk penulis' })).toHaveAttribute('aria-invalid', 'true');
  await reject
    .getByRole('textbox', { name: 'Catatan untuk penulis' })
    .fill('Tambahkan kutipan Kepala Dinas dan jadwal lengkap pasar murah.');
  await accessibleAtBothWidths(page, 'reject dialog');
  await reject.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(reject).toBeHidden({ timeout: 30_000 });

  await mp.goto(`/app/rilis/${id}`);
  await expect(mp.getByTestId('rejection-note')).toContainText('Tambahkan kutipan Kepala Dinas');
  await expect(mp.getByText('Dikembalikan').first()).toBeVisible();
  await shot(mp, 'rejected');
  await mp.getByRole('link', { name: 'Ubah' }).click();
  await expect(mp.getByTestId('rejection-note')).toContainText('Tambahkan kutipan Kepala Dinas');
  const body = mp.getByRole('textbox', { name: 'Isi rilis' });
  await body.click();
  await body.press('End');
  await body.pressSequentially(' "Harga dijamin di bawah pasar," kata Kepala Dinas.');
  await mp.getByRole('button', { name: 'Ajukan kembali' }).click();
  await expect(mp).toHaveURL(new RegExp(`/app/rilis/${id}$`), { timeout: 20_000 });
  await expect(mp.getByText('Menunggu persetujuan').first()).toBeVisible();
  await context.close();
});

test('an embargo time already past is refused next to the date-time picker (WIB)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(desktop);
  await loginAsAdmin(page);
  // A draft of the bureau's own, sent and ready to approve (through the API: the writing screen is tested above).
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  const meta = await (await page.request.get('/api/releases/meta')).json();
  const created = await page.request.post('/api/releases', {
    headers,
    data: {
      title: `Embargo Uji ${Date.now().toString(36)}`,
      summary: 'Uji embargo.',
      body: '<p>Isi rilis embargo.</p>',
      category: 'pengumuman',
      institutionId: meta.institutions[0].id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  let release = await created.json();
  const submitted = await page.request.post(`/api/releases/${release.id}/submit`, { headers, data: { version: release.version } });
  expect(submitted.ok(), await submitted.text()).toBe(true);
  release = await submitted.json();

  // The browser's clock runs a day behind: its "next full hour" is a time the server knows is past.
  await page.clock.install({ time: new Date(Date.now() - 24 * 3600_000) });
  await page.goto(`/app/rilis/${release.id}`);
  await page.getByRole('button', { name: 'Setujui' }).click();
  const approve = page.getByRole('dialog', { name: 'Setujui' });
  await approve.getByRole('radio', { name: 'Pada waktu tertentu (embargo)' }).check();
  const picker = approve.getByRole('button', { name: /Waktu terbit \(WIB\)/ });
  await expect(picker).toContainText('WIB');
  await accessibleAtBothWidths(page, 'approve dialog with the date-time picker');
  await shot(page, 'schedule');
  await approve.getByRole('button', { name: 'Setujui' }).click();
  await expect(approve.getByText(/sudah lewat/)).toBeVisible({ timeout: 20_000 });
  const after = await (await page.request.get(`/api/releases/${release.id}`)).json();
  expect(after.status).toBe('submitted');
});
