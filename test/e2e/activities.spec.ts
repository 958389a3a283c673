import { statSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { accountCodeMessage } from '../../src/shared/accountCode';
import { loginAsAdmin } from './login';

/** From the navigation to the 2019 reference activity of the demo, through the year selector of the list. */
async function open2019(page: Page) {
  await loginAsAdmin(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Kegiatan & KAK' }).click();
  await expect(page.getByRole('heading', { name: 'Kegiatan & KAK' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Tahun anggaran' }).click();
  await page.getByRole('option', { name: '2019' }).click();
  const row = page.getByRole('row', { name: /Koordinasi Kehumasan/ });
  await expect(row).toContainText('Selesai');
  await expect(row).toContainText('Rp 48.357.960');
  await row.getByRole('link', { name: 'Koordinasi Kehumasan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Koordinasi Kehumasan' })).toBeVisible();
  await expect(page.getByTestId('activity-year')).toHaveText('TA 2019');
}

/**
 * A fresh draft copy of the 2019 activity, opened: the 2019 one is done, so its KAK is no longer edited
 * (each test gets its own draft, so tests do not see each other's edits).
 */
async function openDraftOf2019(page: Page, opts: { loggedIn?: boolean } = {}) {
  if (!opts.loggedIn) await open2019(page);
  const id = page.url().split('/').pop()!;
  const me = await (await page.request.get('/api/auth/me')).json();
  // Into a year of their own, so the list of 2020 holds only what the copy test makes.
  const copy = await page.request.post(`/api/activities/${id}/copy`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { fiscalYear: 2031 },
  });
  expect(copy.status(), await copy.text()).toBe(201);
  await page.goto(`/app/activities/${(await copy.json()).id}`);
  await expect(page.getByTestId('activity-status')).toHaveText('Draf');
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('activity page screenshots, desktop and phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open2019(page);
  await expect(page.getByTestId('timeline-bar')).toHaveCount(4);
  // From the header down to the end of the schedule timeline.
  const schedule = await region(page, 'D. Jadwal Kegiatan').boundingBox();
  await page.setViewportSize({ width: 1280, height: Math.ceil(schedule!.y + schedule!.height + 16) });
  await page.waitForTimeout(300); // the navigation bar follows the new height
  await page.screenshot({ path: 'docs/screenshots/activity.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Menu navigasi' })).toBeVisible();
  await expect(page.getByTestId('timeline-bar')).toHaveCount(4);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await region(page, 'D. Jadwal Kegiatan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/activity-phone.png' });
});

test('the 2019 activity: schedule timeline, funding total, KAK downloads, and the DOCX imported back as a draft', async ({
  page,
}, info) => {
  await open2019(page);
  const schedule = region(page, 'D. Jadwal Kegiatan');
  const timeline = schedule.getByTestId('schedule-timeline');
  await expect(timeline.getByRole('columnheader')).toHaveText([
    'Tahapan',
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'Mei',
    'Jun',
    'Jul',
    'Agu',
    'Sep',
    'Okt',
    'Nov',
    'Des',
  ]);
  await expect(timeline.getByRole('rowheader')).toHaveCount(4);
  await expect(timeline.getByTestId('timeline-bar')).toHaveCount(4);
  await expect(timeline.getByRole('rowheader').nth(1)).toContainText('Penentuan narasumber');
  await expect(timeline.getByRole('rowheader').nth(1)).toContainText('Februari – Maret');
  await expect(timeline.getByRole('rowheader').nth(3)).toContainText('Rapat');
  await expect(timeline.getByTestId('timeline-bar').nth(3)).toHaveAttribute('data-status', 'done');

  await expect(region(page, 'G. Pembiayaan').getByTestId('funding-total')).toHaveText('Rp 48.357.960');
  await expect(region(page, 'G. Pembiayaan')).toContainText(
    'Empat puluh delapan juta tiga ratus lima puluh tujuh ribu sembilan ratus enam puluh rupiah',
  );
  const budget = region(page, 'Rincian anggaran per triwulan');
  await expect(budget.getByTestId('budget-total')).toHaveText('Rp 48.357.960');
  await expect(budget.getByTestId('budget-comparison').getByRole('row', { name: /^TW II / })).toContainText('Rp 1.624.960');
  await expect(page.getByTestId('checks-summary')).toContainText('Tidak ada kesalahan');

  let docx = '';
  for (const ext of ['docx', 'pdf'] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: `Unduh KAK (${ext.toUpperCase()})` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`KAK-Koordinasi-Kehumasan-2019.${ext}`);
    const saved = info.outputPath(file.suggestedFilename());
    await file.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(2000);
    if (ext === 'docx') docx = saved;
  }

  // The downloaded Word file goes back in through "Impor dari Word".
  await page.getByRole('link', { name: /Kembali ke daftar kegiatan/ }).click();
  await page.getByRole('button', { name: 'Impor dari Word' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles(docx);
  await dialog.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(dialog.getByTestId('import-recognised')).toContainText('Latar Belakang');
  await expect(dialog.getByText('Tidak dikenali atau diubah (periksa manual)')).toBeVisible();
  await dialog.getByRole('button', { name: 'Buka draf' }).click();
  await expect(page.getByTestId('activity-status')).toHaveText('Draf');
  await expect(page.getByTestId('activity-year')).toHaveText('TA 2019');
  await expect(region(page, 'D. Jadwal Kegiatan').getByTestId('timeline-bar')).toHaveCount(4);
  // The imported draft is removed again so that the 2019 list keeps the reference activity alone.
  await page.getByRole('button', { name: 'Hapus draf' }).click();
  await page.getByRole('button', { name: 'Ya', exact: true }).click();
  await expect(page).toHaveURL(/\/app\/activities\?year=2019$/);
  await expect(page.getByRole('row', { name: /Koordinasi Kehumasan/ })).toHaveCount(1);
});

test('an objective is edited and saved; the change is there after a reload', async ({ page }) => {
  await openDraftOf2019(page);
  const b = region(page, 'B. Maksud dan Tujuan');
  await b.getByRole('button', { name: 'Ubah' }).click();
  const changed = 'Merencanakan dan melaksanakan kegiatan kehumasan yang berkelanjutan dan terukur dalam mencapai humas yang profesional.';
  await b.getByRole('textbox', { name: 'Tujuan 3', exact: true }).fill(changed);
  await b.getByRole('button', { name: 'Simpan' }).click();
  await expect(b.getByTestId('objectives').getByRole('listitem').nth(2)).toHaveText(changed);
  await expect(b.getByRole('button', { name: 'Simpan' })).toHaveCount(0);

  await page.reload();
  await expect(region(page, 'B. Maksud dan Tujuan').getByTestId('objectives').getByRole('listitem')).toHaveCount(3);
  await expect(region(page, 'B. Maksud dan Tujuan').getByTestId('objectives').getByRole('listitem').nth(2)).toHaveText(changed);
});

test("a schedule step saved without its name gets the server's message under that field (kak.schedule.1.step)", async ({ page }) => {
  await openDraftOf2019(page);
  const schedule = region(page, 'D. Jadwal Kegiatan');
  await schedule.getByRole('button', { name: 'Ubah' }).click();
  const second = schedule.getByTestId('schedule-row').nth(1);
  await second.getByRole('textbox', { name: 'Tahapan', exact: true }).fill('');
  await second.getByRole('combobox', { name: 'Bulan selesai' }).selectOption('Mei');
  // The preview follows the form: the second bar now runs from February to May.
  await expect(schedule.getByTestId('timeline-bar').nth(1)).toHaveAttribute('title', /Februari – Mei/);
  await schedule.getByRole('button', { name: 'Simpan' }).click();
  await expect(second.getByRole('textbox', { name: 'Tahapan', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(second.getByText('Tahapan wajib diisi')).toBeVisible();
  await expect(schedule.getByTestId('schedule-row').nth(0).getByRole('textbox', { name: 'Tahapan', exact: true })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(schedule.getByRole('alert')).toContainText('Periksa kembali isian yang ditandai merah');
  await schedule.getByRole('button', { name: 'Batal' }).click();
  await expect(schedule.getByRole('rowheader').nth(1)).toContainText('Februari – Maret');
});

test("a save on top of someone else's change shows the conflict, reloads, and keeps the typed text to copy", async ({ page }) => {
  await openDraftOf2019(page);
  const a = region(page, 'A. Latar Belakang');
  await a.getByRole('button', { name: 'Ubah' }).click();
  const mine = 'Paragraf tambahan yang saya ketik sebelum orang lain menyimpan.';
  await a.getByRole('button', { name: '+ Tambah paragraf' }).click();
  await a.getByRole('textbox', { name: 'Paragraf 5', exact: true }).fill(mine);

  // Someone else changes section A meanwhile (same session, through the API).
  const id = page.url().split('/').pop()!;
  const me = await (await page.request.get('/api/auth/me')).json();
  const current = await (await page.request.get(`/api/activities/${id}`)).json();
  const theirs = [...current.kak.background.slice(0, 3), 'Paragraf keempat diganti oleh pengguna lain.'];
  const other = await page.request.patch(`/api/activities/${id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { version: current.version, kak: { background: theirs } },
  });
  expect(other.status()).toBe(200);

  await a.getByRole('button', { name: 'Simpan' }).click();
  const alert = a.getByRole('alert');
  await expect(alert).toContainText('Data ini telah diubah oleh pengguna lain');
  await expect(a.getByRole('textbox', { name: 'Isian Anda yang belum tersimpan' })).toHaveValue(new RegExp(mine));
  await alert.getByRole('button', { name: 'Muat ulang' }).click();
  // The form now holds the latest text; what was typed stays readable.
  await expect(a.getByRole('textbox', { name: 'Paragraf 4', exact: true })).toHaveValue('Paragraf keempat diganti oleh pengguna lain.');
  await expect(a.getByRole('textbox', { name: 'Paragraf 5', exact: true })).toHaveCount(0);
  await expect(a.getByRole('textbox', { name: 'Isian Anda yang belum tersimpan' })).toHaveValue(new RegExp(mine));
  // Saving again now works.
  await a.getByRole('button', { name: '+ Tambah paragraf' }).click();
  await a.getByRole('textbox', { name: 'Paragraf 5', exact: true }).fill(mine);
  await a.getByRole('button', { name: 'Simpan' }).click();
  await expect(a.getByRole('button', { name: 'Simpan' })).toHaveCount(0);
  await expect(a.getByText(mine)).toBeVisible();
  await expect(a.getByText('Paragraf keempat diganti oleh pengguna lain.')).toBeVisible();
});

test('a budget line with a bad account code gets the field error; the corrected line is added and counted', async ({ page }) => {
  await openDraftOf2019(page);
  const budget = region(page, 'Rincian anggaran per triwulan');
  await budget.getByRole('button', { name: '+ Tambah rincian' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Kode rekening').fill('5.1.2.2.1.3');
  await dialog.getByLabel('Uraian').fill('Sewa pengeras suara');
  await dialog.getByLabel('Volume').fill('2');
  await dialog.getByRole('textbox', { name: 'Satuan', exact: true }).fill('hari');
  await dialog.getByLabel('Harga satuan').fill('750000');
  await expect(dialog.getByTestId('line-amount')).toHaveText('Jumlah: Rp 1.500.000');
  await dialog.getByRole('button', { name: 'Isi sisa ke Triwulan I', exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'Triwulan I', exact: true })).toHaveValue('Rp 1.500.000');
  await dialog.getByRole('button', { name: 'Simpan' }).click();

  const code = dialog.getByLabel('Kode rekening');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(accountCodeMessage)).toBeVisible();
  await expect(dialog.getByLabel('Uraian')).not.toHaveAttribute('aria-invalid', 'true');

  await code.fill('5.1.02.02.01.0004');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(budget.getByRole('row', { name: /Sewa pengeras suara/ })).toContainText('Rp 1.500.000');
  await expect(budget.getByTestId('budget-total')).toHaveText('Rp 49.857.960');
  // The funding plan is now exceeded: the difference is highlighted and the checks say so.
  await expect(budget.getByTestId('budget-comparison').getByRole('row', { name: /^Jumlah/ })).toContainText('+Rp 1.500.000');
  await expect(budget.getByTestId('panel-errors')).toContainText('lebih besar dari total pembiayaan');

  await budget.getByRole('button', { name: 'Hapus: Sewa pengeras suara' }).click();
  await page.getByRole('button', { name: 'Ya', exact: true }).click();
  await expect(budget.getByRole('row', { name: /Sewa pengeras suara/ })).toHaveCount(0);
  await expect(budget.getByTestId('budget-total')).toHaveText('Rp 48.357.960');
  await expect(budget.getByTestId('panel-errors')).toHaveCount(0);
});

test("a new activity cannot be approved while its KAK is empty: the server's blocking errors are shown", async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/app/activities?year=2021');
  await expect(page.getByText('Belum ada kegiatan pada tahun anggaran 2021.')).toBeVisible();
  await page.getByRole('button', { name: 'Kegiatan baru' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Tahun anggaran')).toHaveValue('2021');
  await dialog.getByLabel('Judul kegiatan').fill('Rapat Uji Persetujuan');
  await dialog.getByLabel('NIP PPTK').fill('123');
  await dialog.getByRole('button', { name: 'Buat draf' }).click();
  await expect(dialog.getByText('NIP harus 18 digit angka')).toBeVisible();
  await dialog.getByLabel('NIP PPTK').fill('');
  await dialog.getByRole('button', { name: 'Buat draf' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rapat Uji Persetujuan' })).toBeVisible();
  await expect(page.getByTestId('activity-status')).toHaveText('Draf');
  await expect(page.getByTestId('checks-summary')).toContainText('kesalahan');

  await page.getByRole('button', { name: 'Setujui KAK' }).click();
  const blocked = page.getByRole('alert').filter({ hasText: 'KAK belum dapat disetujui' });
  await expect(blocked).toContainText('Latar belakang (bagian A) wajib diisi');
  await expect(blocked).toContainText('Nama PPTK wajib diisi');
  await expect(page.getByTestId('activity-status')).toHaveText('Draf');
  await expect(region(page, 'A. Latar Belakang').getByTestId('panel-errors')).toContainText('Latar belakang (bagian A) wajib diisi');
});

test('a done activity offers no edits, only the moves the server allows; a draft offers them again', async ({ page }) => {
  await open2019(page);
  await expect(page.getByTestId('activity-status')).toHaveText('Selesai');
  await expect(page.getByRole('button', { name: 'Ubah' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^\+ Tambah/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hapus draf' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Salin ke tahun berikutnya' })).toBeVisible();
  // The server refuses the edit all the same, with a message that says what to do.
  const id = page.url().split('/').pop()!;
  const me = await (await page.request.get('/api/auth/me')).json();
  const current = await (await page.request.get(`/api/activities/${id}`)).json();
  const refused = await page.request.patch(`/api/activities/${id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { version: current.version, title: 'Diubah' },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toContain('Kembalikan statusnya ke Draf');
  await openDraftOf2019(page, { loggedIn: true });
  await expect(region(page, 'A. Latar Belakang').getByRole('button', { name: 'Ubah' })).toBeVisible();
});

test('copy to next year lands on the 2020 draft', async ({ page }) => {
  await open2019(page);
  await page.getByRole('button', { name: 'Salin ke tahun berikutnya' }).click();
  await page.getByRole('button', { name: 'Ya', exact: true }).click();
  await expect(page.getByTestId('activity-year')).toHaveText('TA 2020');
  await expect(page.getByTestId('activity-status')).toHaveText('Draf');
  await expect(page.getByRole('heading', { level: 2, name: 'Koordinasi Kehumasan' })).toBeVisible();
  await expect(region(page, 'D. Jadwal Kegiatan').getByTestId('timeline-bar')).toHaveCount(4);
  // Steps are planned again in the copy.
  await expect(region(page, 'D. Jadwal Kegiatan').getByTestId('timeline-bar').first()).toHaveAttribute('data-status', 'planned');
  await expect(region(page, 'G. Pembiayaan').getByTestId('funding-total')).toHaveText('Rp 48.357.960');
  await page.getByRole('link', { name: /Kembali ke daftar kegiatan/ }).click();
  await expect(page).toHaveURL(/year=2020/);
  await expect(page.getByRole('row', { name: /Koordinasi Kehumasan/ })).toContainText('Draf');
});

test('committee and speakers: a member with a bad NIP gets the field error, a speaker is linked to a budget line, both removed again', async ({
  page,
}) => {
  await openDraftOf2019(page);
  const committee = region(page, 'Panitia pelaksana');
  await committee.getByRole('button', { name: '+ Tambah anggota panitia' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Peran' }).selectOption('Sekretaris');
  await dialog.getByRole('textbox', { name: 'Nama', exact: true }).fill('Lina Uji Panitia');
  await dialog.getByRole('textbox', { name: 'NIP', exact: true }).fill('1980');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByRole('textbox', { name: 'NIP', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('NIP harus 18 digit angka')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'NIP', exact: true }).fill('198001012005012002');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(committee.getByRole('row', { name: /Lina Uji Panitia/ })).toContainText('Sekretaris');

  const speakers = region(page, 'Narasumber');
  await speakers.getByRole('button', { name: '+ Tambah narasumber' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nama narasumber' }).fill('Dr. Uji Narasumber');
  await dialog.getByRole('textbox', { name: 'Topik' }).fill('Krisis komunikasi di media sosial');
  await dialog.getByRole('combobox', { name: 'Status' }).selectOption('Diundang');
  await dialog.getByRole('textbox', { name: 'Honorarium' }).fill('1700000');
  await dialog
    .getByRole('combobox', { name: 'Dibayar dari rincian anggaran' })
    .selectOption({ label: '5.1.02.02.01.0003 · Honorarium narasumber' });
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const row = speakers.getByRole('row', { name: /Dr. Uji Narasumber/ });
  await expect(row).toContainText('Diundang');
  await expect(row).toContainText('Rp 1.700.000');
  await expect(row).toContainText('Honorarium narasumber');

  await speakers.getByRole('button', { name: 'Hapus: Dr. Uji Narasumber' }).click();
  await page.getByRole('button', { name: 'Ya', exact: true }).click();
  await expect(row).toHaveCount(0);
  await committee.getByRole('button', { name: 'Hapus: Lina Uji Panitia' }).click();
  await page.getByRole('button', { name: 'Ya', exact: true }).click();
  await expect(committee.getByRole('row', { name: /Lina Uji Panitia/ })).toHaveCount(0);
});
