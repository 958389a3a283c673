import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { createMember } from './member';

/**
 * Press releases after publication (issue 14), in the SPA and on the public portal: an attachment uploaded on the
 * writing screen and downloaded by a visitor; a significant correction (revision 2, "Diperbarui pada ..." with its
 * note on the public page); unpublishing (the page and the attachment gone for the public); an embargo moved to
 * another day with the WIB date-time picker, then brought forward to "now"; the administrators' switch
 * "Editor rilis" on the users screen. The administrator is an editor of every institution.
 */

const desktop = { width: 1280, height: 900 };
const phone = { width: 360, height: 740 };
const day = 24 * 3600_000;

/** A small but real PDF (checked by content on upload). */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function accessibleAtBothWidths(page: Page, label: string) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await expectAccessible(page, `${label} at 1280 px`);
  await page.setViewportSize(phone);
  await page.waitForTimeout(150);
  await expectAccessible(page, `${label} at 360 px`);
  await page.screenshot({ path: `test-results/releases-editing-${label.replace(/\W+/g, '-')}.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

/** A draft bureau release through the API (the writing screen is covered by releases.spec.ts). */
async function draftRelease(page: Page, title: string) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const meta = await (await page.request.get('/api/releases/meta')).json();
  const created = await page.request.post('/api/releases', {
    headers,
    data: {
      title,
      summary: 'Seratus peserta mengikuti pelatihan.',
      body: '<p>Pelatihan diikuti seratus peserta dari 19 kabupaten dan kota.</p>',
      category: 'pengumuman',
      institutionId: meta.institutions[0].id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { release: await created.json(), headers };
}

async function post(page: Page, url: string, headers: Record<string, string>, data: unknown) {
  const res = await page.request.post(url, { headers, data });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

test('an attachment is downloaded by the public; a significant correction shows on the page; unpublishing removes it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize(desktop);
  await loginAsAdmin(page);
  const title = `Pelatihan Juru Bicara ${Date.now().toString(36)}`;
  const { release, headers } = await draftRelease(page, title);

  // The attachment is added on the writing screen while the release is a draft.
  const draft = await (await page.request.get(`/api/releases/${release.id}`)).json();
  expect(draft.status).toBe('draft');
  await page.goto(`/app/rilis/${release.id}/ubah`);
  const section = page.locator('section[aria-labelledby="release-attachments-title"]');
  await expect(section.getByText('Belum ada lampiran.')).toBeVisible();
  await section.locator('input[type="file"]').setInputFiles({ name: 'jadwal-pelatihan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await section.getByRole('textbox', { name: 'Judul lampiran (opsional)' }).fill('Jadwal pelatihan');
  await section.getByRole('button', { name: 'Unggah lampiran' }).click();
  await expect(section.getByRole('link', { name: 'Jadwal pelatihan' })).toBeVisible({ timeout: 20_000 });

  let current = await (await page.request.get(`/api/releases/${release.id}`)).json();
  current = await post(page, `/api/releases/${release.id}/submit`, headers, { version: current.version });
  current = await post(page, `/api/releases/${release.id}/approve`, headers, { version: current.version, publishNow: true });
  expect(current.status).toBe('published');
  const path = current.path as string;

  // A visitor reads the page and downloads the attachment.
  const visitor = await browser.newContext({ locale: 'id-ID' });
  const publicPage = await visitor.newPage();
  await publicPage.goto(path);
  await expect(publicPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const link = publicPage.getByRole('link', { name: 'Jadwal pelatihan' });
  const href = (await link.getAttribute('href'))!;
  const download = await visitor.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('application/pdf');
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(publicPage.getByText(/Diperbarui pada/)).toHaveCount(0);

  // A significant correction through the SPA: revision 2 in the history, "Diperbarui pada ..." on the public page.
  await page.goto(`/app/rilis/${release.id}`);
  await page.getByRole('link', { name: 'Koreksi' }).click();
  await expect(page.getByRole('heading', { name: 'Koreksi rilis yang sudah terbit' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Ringkasan' }).fill('Seratus dua puluh peserta mengikuti pelatihan.');
  await page.getByRole('checkbox', { name: /Perubahan penting/ }).check();
  await page.getByRole('textbox', { name: /Catatan perubahan/ }).fill('Jumlah peserta diperbaiki menjadi 120 orang.');
  await accessibleAtBothWidths(page, 'correction screen');
  await page.getByRole('button', { name: 'Simpan koreksi' }).click();
  await expect(page).toHaveURL(new RegExp(`/app/rilis/${release.id}$`), { timeout: 20_000 });
  await expect(page.getByTestId('revision-history')).toContainText('Revisi 2');
  await publicPage.reload();
  const updated = publicPage.locator('.release-updated');
  await expect(updated).toContainText(/Diperbarui pada \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
  await expect(updated).toContainText('Jumlah peserta diperbaiki menjadi 120 orang.');
  await expect(publicPage.getByText('Seratus dua puluh peserta mengikuti pelatihan.').first()).toBeVisible();

  // Unpublish: the page and the attachment are gone for the public at once.
  await page.getByRole('button', { name: 'Tarik dari portal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tarik dari portal' });
  await dialog.getByRole('textbox', { name: 'Alasan penarikan' }).fill('Acara ditunda oleh penyelenggara.');
  await dialog.getByRole('button', { name: 'Tarik dari portal' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText('Ditarik', { exact: true }).first()).toBeVisible();
  const gone = await visitor.request.get(path, { headers: { accept: 'text/html' } });
  expect([404, 410]).toContain(gone.status());
  expect(await gone.text()).not.toContain('Seratus dua puluh peserta');
  expect([404, 410]).toContain((await visitor.request.get(href)).status());
  await visitor.close();
});

test('an embargo is moved to another day with the WIB picker, then brought forward to now', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(desktop);
  await loginAsAdmin(page);
  const title = `Peluncuran Aplikasi Nagari ${Date.now().toString(36)}`;
  const { release, headers } = await draftRelease(page, title);
  // 10.00 WIB three days from now (WIB date), scheduled at approval.
  const wibToday = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const embargo = new Date(Date.parse(`${wibToday}T03:00:00Z`) + 3 * day);
  let current = await post(page, `/api/releases/${release.id}/submit`, headers, { version: release.version });
  current = await post(page, `/api/releases/${release.id}/approve`, headers, {
    version: current.version,
    publishAt: embargo.toISOString(),
  });
  expect(current.status).toBe('scheduled');
  const path = current.path as string;
  const visitor = await browser.newContext({ locale: 'id-ID' });
  expect((await visitor.request.get(path)).status()).toBe(404);

  // One day earlier, same time: pick the day in the calendar, keep 10.00, apply.
  await page.goto(`/app/rilis/${release.id}`);
  await page.getByRole('button', { name: 'Ubah jadwal terbit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Terbitkan' });
  await expect(dialog.getByRole('radio', { name: 'Pada waktu tertentu (embargo)' })).toBeChecked();
  const picker = dialog.getByRole('button', { name: /Waktu terbit \(WIB\)/ });
  await expect(picker).toContainText('10.00 WIB');
  await picker.click();
  const earlier = new Date(embargo.getTime() - day);
  const label = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(
    earlier,
  );
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(picker).toContainText(label.replace(/^0/, ''));
  await accessibleAtBothWidths(page, 'reschedule dialog');
  await dialog.getByRole('button', { name: 'Pada waktu tertentu (embargo)' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const moved = await (await page.request.get(`/api/releases/${release.id}`)).json();
  expect(moved.status).toBe('scheduled');
  expect(Date.parse(moved.publishAt)).toBe(earlier.getTime());
  expect((await visitor.request.get(path)).status()).toBe(404);

  // Brought forward: published now, public at once.
  await page.getByRole('button', { name: 'Ubah jadwal terbit' }).click();
  await dialog.getByRole('radio', { name: 'Segera setelah disetujui' }).check();
  await dialog.getByRole('button', { name: 'Terbitkan sekarang' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const live = await visitor.request.get(path);
  expect(live.status()).toBe(200);
  expect(await live.text()).toContain(title);
  await visitor.close();
});

test('administrators switch the release editor flag of a member officer on the users screen', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(desktop);
  const member = await createMember(page, 'editor-rilis');
  const name = 'Anggota editor-rilis';
  const editors = async () =>
    ((await (await page.request.get('/api/releases/editors?limit=200')).json()).items as { email: string }[]).map((e) => e.email);
  expect(await editors()).not.toContain(member.email);

  await page.goto('/app/users');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).not.toContainText('Editor rilis');
  await row.getByRole('button', { name: `Ubah ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Ubah pengguna' });
  const flag = dialog.getByRole('switch', { name: 'Editor rilis' });
  await expect(flag).not.toBeChecked();
  await flag.click();
  await expect(page.getByText(`${name} sekarang editor rilis.`)).toBeVisible({ timeout: 20_000 });
  await expect(flag).toBeChecked();
  await accessibleAtBothWidths(page, 'user dialog with the editor switch');
  expect(await editors()).toContain(member.email);
  await page.keyboard.press('Escape');
  await expect(row).toContainText('Editor rilis');

  // Cleared again: the flag is gone on the server too.
  await row.getByRole('button', { name: `Ubah ${name}` }).click();
  await dialog.getByRole('switch', { name: 'Editor rilis' }).click();
  await expect(page.getByText(`Hak editor rilis ${name} dicabut.`)).toBeVisible({ timeout: 20_000 });
  expect(await editors()).not.toContain(member.email);

  // An administrator account has no switch (administrators are always editors): the dialog says so.
  await page.keyboard.press('Escape');
  const admin = page.getByRole('row', { name: /Administrator/ }).first();
  await admin.getByRole('button', { name: /^Ubah / }).click();
  await expect(dialog.getByText('administrator selalu editor')).toBeVisible();
  await expect(dialog.getByRole('switch', { name: 'Editor rilis' })).toHaveCount(0);
});
