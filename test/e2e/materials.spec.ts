import { ticketKeyFrom, ticketToken } from '../../src/server/modules/meetings/tokens';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { appLink, waitForMail } from './mailbox';
import { signedInContext, writeAs } from './member';

// This run's server has no TICKET_SECRET: its ticket key comes from its data folder (as in survey.spec.ts).
const dataDir = `node_modules/.cache/simpul-e2e-data-${Number(process.env.E2E_PORT ?? 3107)}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('a committee member uploads a session material, downloads it, and reads the materials page on a phone', async ({ page, browser }) => {
  test.setTimeout(300_000); // a loaded machine; axe runs on every page at two widths
  await loginAsAdmin(page);
  // A committee account (invited and activated) that manages a new meeting of the demo activity with one session.
  const committee = { email: 'panitia.materi@example.org', password: 'kata-sandi-materi-1' };
  const user = await writeAs(page, 'POST', '/api/users', { email: committee.email, name: 'Panitia Materi', role: 'committee' });
  const token = new URL(appLink(await waitForMail(committee.email, /Undangan/)), 'http://x').searchParams.get('token');
  await writeAs(page, 'POST', '/api/auth/invitation/accept', { token, password: committee.password });
  const meetings = await (await page.request.get('/api/meetings?limit=50')).json();
  const demo = meetings.items.find((m: { startDate: string }) => m.startDate === '2019-03-14');
  const meeting = await writeAs(page, 'POST', '/api/meetings', {
    activityId: demo.activityId,
    title: 'Rapat Evaluasi Kehumasan',
    startDate: '2019-06-10',
    startTime: '09:00',
    endTime: '12:00',
    venue: 'Aula Kantor Gubernur',
    managerIds: [user.id],
  });
  await writeAs(page, 'POST', `/api/meetings/${meeting.id}/agenda`, {
    version: meeting.version,
    startTime: '09:00',
    endTime: '10:00',
    title: 'Evaluasi penyebarluasan informasi',
  });

  const context = await signedInContext(browser, committee);
  const cp = await context.newPage();
  await cp.goto(`/app/meetings/${meeting.id}`);
  const card = cp.getByTestId('materials-card');
  await expect(card.getByRole('heading', { name: 'Materi per sesi' })).toBeVisible();
  // One session to choose from: it is chosen already.
  await card.getByLabel('Judul materi').fill('Paparan evaluasi');
  await card.locator('input[type="file"]').setInputFiles({ name: 'paparan evaluasi.pdf', mimeType: 'application/pdf', buffer: pdf });
  await card.getByRole('button', { name: 'Unggah' }).click();
  const row = card.getByTestId('material-row');
  await expect(row).toContainText('Paparan evaluasi');
  await expect(row).toContainText('paparan evaluasi.pdf');

  // A renamed HTML file is refused with the server's message.
  await card.getByLabel('Judul materi').fill('Bukan PDF');
  await card
    .locator('input[type="file"]')
    .setInputFiles({ name: 'palsu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html></html>') });
  await card.getByRole('button', { name: 'Unggah' }).click();
  await expect(card.getByRole('alert')).toContainText('Jenis berkas tidak diizinkan');

  const download = cp.waitForEvent('download');
  await row.getByRole('link', { name: 'Unduh Paparan evaluasi' }).click();
  expect((await download).suggestedFilename()).toBe('paparan evaluasi.pdf');
  await context.close();

  // The materials page on a phone (as the administrator).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/app/meetings/${meeting.id}/materials`);
  await expect(page.getByRole('heading', { name: 'Materi: Rapat Evaluasi Kehumasan' })).toBeVisible();
  await expect(page.getByTestId('material-session')).toContainText('Evaluasi penyebarluasan informasi');
  await expect(page.getByTestId('material-row')).toContainText('Paparan evaluasi');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'test-results/materials-phone.png', fullPage: true });
});

test("a participant downloads the demo meeting's materials from the ticket page on a phone; a forged ticket finds nothing", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await loginAsAdmin(page);
  const meetings = await (await page.request.get('/api/meetings?limit=50')).json();
  const demo = meetings.items.find((m: { startDate: string }) => m.startDate === '2019-03-14');
  const list = await (await page.request.get(`/api/meetings/${demo.id}/check-in/participants`)).json();
  const registrationId = list.participants[0].id as string;
  const token = ticketToken(registrationId, ticketKeyFrom({ DATA_DIR: dataDir } as NodeJS.ProcessEnv));
  // The same list under the Indonesian address.
  await page.goto(`/app/rapat/${demo.id}/materi`);
  await expect(page.getByTestId('material-row').first()).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  const phone = await context.newPage();
  await phone.goto(`/app/tiket/${token}`);
  const card = phone.getByTestId('ticket-materials');
  await expect(card.getByRole('heading', { name: 'Materi rapat' })).toBeVisible();
  await expect(card).toContainText('Paparan: Isu kehumasan terkini');
  await expect(card).toContainText('Makalah Penanganan Hoaks.docx');
  await expect(card.getByRole('button', { name: /Hapus/ })).toHaveCount(0);
  const download = phone.waitForEvent('download');
  await card.getByRole('link', { name: 'Unduh Paparan: Isu kehumasan terkini' }).click();
  expect((await download).suggestedFilename()).toBe('Paparan Isu Kehumasan Terkini.pdf');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await phone.screenshot({ path: 'test-results/materials-ticket-360.png', fullPage: true });
  const forged = await context.request.get(`/api/tickets/${'A'.repeat(43)}/materials`);
  expect(forged.status()).toBe(404);
  await context.close();
});
