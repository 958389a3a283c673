import { expect, test } from './fixtures';
import { createMember, signedInContext, writeAs } from './member';

test('a member officer updates a follow-up of their institution with evidence on a phone; the bureau sees it on the board', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000); // a loaded machine; axe runs on every page at two widths
  const member = await createMember(page, 'tindaklanjut'); // leaves `page` signed in as the administrator
  const meetings = await (await page.request.get('/api/meetings?limit=50')).json();
  const demo = meetings.items.find((m: { startDate: string }) => m.startDate === '2019-03-14');
  const board = await (await page.request.get(`/api/meetings/${demo.id}/outcomes`)).json();
  // A due date before the meeting is refused with a clear message.
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const early = await page.request.post(`/api/resolutions/${board.resolutions[0].id}/follow-ups`, {
    data: { action: 'Terlalu awal', dueDate: '2019-01-01', institutionIds: [member.institutionId] },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(early.status()).toBe(400);
  expect((await early.json()).error.message).toContain('tidak boleh sebelum tanggal rapat');
  await writeAs(page, 'POST', `/api/resolutions/${board.resolutions[0].id}/follow-ups`, {
    action: 'Melaporkan pejabat humas penghubung dinas',
    dueDate: '2030-06-30',
    institutionIds: [member.institutionId],
  });

  // The member officer, on a phone.
  const context = await signedInContext(browser, member, { viewport: { width: 360, height: 740 } });
  const mp = await context.newPage();
  await mp.goto('/app/');
  const card = mp.getByTestId('my-follow-ups');
  await expect(card).toContainText('Melaporkan pejabat humas penghubung dinas');
  // Only its own institution's follow-ups: none of the demo's.
  await expect(card).not.toContainText('SK penunjukan');
  await card.getByRole('link', { name: 'Melaporkan pejabat humas penghubung dinas' }).click();
  await expect(mp.getByRole('heading', { name: 'Perbarui tindak lanjut' })).toBeVisible();

  // Evidence: a file checked by its content.
  await mp.locator('input[type="file"]').setInputFiles({
    name: 'laporan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await mp.getByRole('button', { name: 'Unggah berkas' }).click();
  await expect(mp.getByTestId('evidence-file')).toContainText('laporan.pdf');

  await mp.getByRole('textbox', { name: 'Status' }).click();
  await mp.getByRole('option', { name: 'Selesai' }).click();
  await mp.getByLabel('Keterangan').fill('Surat penunjukan telah dikirim ke Biro Humas');
  await mp.getByLabel('Tautan bukti').fill('https://dinas.example.org/berita/pejabat-humas');
  await mp.getByRole('button', { name: 'Simpan' }).click();
  await expect(mp.getByText('Tersimpan').first()).toBeVisible();
  await expect(mp.getByText('Selesai', { exact: true }).first()).toBeVisible();

  // The bureau's board shows it done, with the demo's overdue follow-up flagged.
  await page.goto(`/app/meetings/${demo.id}/outcomes`);
  await expect(page.getByRole('heading', { name: 'Rumusan dan tindak lanjut' })).toBeVisible();
  await expect(page.getByText('Melaporkan pejabat humas penghubung dinas')).toBeVisible();
  await expect(page.getByText('Terlambat').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Sertifikat' }).click();
  await expect(page.getByText('001/SERT/HUMAS/2019')).toBeVisible();

  // A demo certificate verifies on its public page; a forged link does not.
  const certs = await (await page.request.get(`/api/meetings/${demo.id}/certificates`)).json();
  await page.goto(new URL(certs.items[0].verifyUrl).pathname);
  await expect(page.getByRole('heading', { name: 'Verifikasi sertifikat' })).toBeVisible();
  await expect(page.getByText('Sertifikat ini sah')).toBeVisible();
  await page.goto(`/sertifikat/${'Z'.repeat(22)}`);
  await expect(page.getByRole('heading', { name: 'Sertifikat tidak ditemukan' })).toBeVisible();
  await context.close();
});
