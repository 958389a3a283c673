import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

test('the bureau writes a session discussion in bold, saves, sees it after a reload, and downloads the minutes as PDF', async ({
  page,
}) => {
  test.setTimeout(300_000); // a loaded machine; axe runs on every page at two widths
  await loginAsAdmin(page);
  const meetings = await (await page.request.get('/api/meetings?limit=50')).json();
  const demo = meetings.items.find((m: { startDate: string }) => m.startDate === '2019-03-14');
  await page.goto(`/app/meetings/${demo.id}`);
  await page.getByRole('link', { name: 'Notulen', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Notulen rapat' })).toBeVisible();
  // The demo minutes: chair, attendance from the check-ins.
  await expect(page.getByRole('textbox', { name: 'Nama pimpinan rapat' })).toHaveValue('Drs. Hendra Contoh, M.Si');
  await expect(page.getByTestId('attendance-total')).toContainText('orang hadir');

  const body = page.getByRole('textbox', { name: 'Pembahasan: 09.00–10.30 Isu kehumasan terkini' });
  await body.click();
  await body.press('Control+End');
  await body.press('Enter');
  await body.press('Control+b');
  await body.pressSequentially('Disepakati grup koordinasi humas');
  await body.press('Control+b');
  await page.getByRole('button', { name: 'Simpan notulen' }).click();
  await expect(page.getByText('Notulen tersimpan')).toBeVisible();

  await page.reload();
  const again = page.getByRole('textbox', { name: 'Pembahasan: 09.00–10.30 Isu kehumasan terkini' });
  await expect(again.locator('strong', { hasText: 'Disepakati grup koordinasi humas' })).toBeVisible();

  // The download link answers a PDF.
  const href = await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Usable on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('button', { name: 'Simpan notulen' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath('minutes-360.png') });
});
