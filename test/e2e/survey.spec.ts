import { ticketKeyFrom, ticketToken } from '../../src/server/modules/meetings/tokens';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

// The server of this run keeps its data here and has no TICKET_SECRET: its ticket key is derived from the folder
// (modules/meetings/tokens.ts ticketKeyFrom), so the test can print a demo delegate's ticket link as the e-mail would.
const dataDir = `node_modules/.cache/simpul-e2e-data-${Number(process.env.E2E_PORT ?? 3107)}`;

test('a participant answers the feedback survey on a 360-px phone; the bureau sees the count and the XLSX', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await loginAsAdmin(page);
  const meetings = await (await page.request.get('/api/meetings?limit=50')).json();
  const demo = meetings.items.find((m: { startDate: string }) => m.startDate === '2019-03-14');
  const list = await (await page.request.get(`/api/meetings/${demo.id}/check-in/participants`)).json();
  const checkedIn = [...new Set<string>(list.checkIns.map((c: { registrationId: string }) => c.registrationId))];
  expect(checkedIn.length).toBeGreaterThan(0);
  const key = ticketKeyFrom({ DATA_DIR: dataDir } as NodeJS.ProcessEnv);
  let token: string | null = null;
  for (const id of checkedIn) {
    const candidate = ticketToken(id, key);
    const view = await page.request.get(`/api/tickets/${candidate}`);
    expect(view.status()).toBe(200);
    if ((await view.json()).survey.state === 'open') {
      token = candidate;
      break;
    }
  }
  expect(token, 'a checked-in demo delegate who has not answered yet').not.toBeNull();
  const before = (await (await page.request.get(`/api/meetings/${demo.id}/survey`)).json()).responses;

  // The participant, on a phone, without an account.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  const phone = await context.newPage();
  await phone.goto(`/app/tiket/${token}`);
  await expect(phone.getByRole('heading', { level: 1 })).toContainText('Rapat Koordinasi');
  await expect(phone.getByText('Sudah check-in')).toBeVisible();
  await expect(phone.getByRole('img', { name: /Kode QR tiket/ })).toBeVisible();
  // A star is chosen by tapping it (the label of its radio input), as on a phone.
  const tapStar = async (name: string | RegExp) => {
    const radio = phone.getByRole('radio', { name });
    await phone.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
    await expect(radio).toBeChecked();
  };
  await tapStar('Seberapa bermanfaat rapat ini bagi Anda?: 4 dari 5');
  await tapStar(/Strategi komunikasi publik.*: 5 dari 5/);
  await phone.getByLabel('Saran untuk panitia').fill('Mohon daftar hadir daring dibuka lebih awal.');
  await phone.screenshot({ path: 'test-results/survey-form-360.png', fullPage: true });
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(360);
  await phone.getByRole('button', { name: 'Kirim survei' }).click();
  await expect(phone.getByText('Terima kasih!')).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Kirim survei' })).toHaveCount(0);
  await phone.screenshot({ path: `test-results/survey-ticket-360.png`, fullPage: true });

  // The bureau's results page counts the new answer.
  await page.goto(`/app/rapat/${demo.id}/survei`);
  await expect(page.getByRole('heading', { name: 'Hasil survei' })).toBeVisible();
  await expect(page.getByTestId('survey-count')).toHaveText(`${before + 1} dari 12 peserta hadir`);
  await expect(page.getByText('Mohon daftar hadir daring dibuka lebih awal.')).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByTestId('survey-count')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'test-results/survey-results-360.png', fullPage: true });
  const href = await page.getByRole('link', { name: 'Unduh XLSX' }).getAttribute('href');
  expect((await page.request.get(href!)).headers()['content-type']).toContain('spreadsheetml');
  await context.close();
});
