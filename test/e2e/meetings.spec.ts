import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

/**
 * The committee creates a meeting for an activity, invites every regency and city in one action, downloads a
 * letter and sends the invitations; an invitee answers the RSVP on a 360-px phone.
 */
test('committee invites, an invitee answers the RSVP on a phone', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginAsAdmin(page);
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  const activities = await (await page.request.get('/api/activities?year=2019')).json();
  const source = activities.items.find((a: { title: string }) => a.title === 'Koordinasi Kehumasan');
  // A future year of its own, so the RSVP link is still valid.
  const copy = await page.request.post(`/api/activities/${source.id}/copy`, { headers, data: { fiscalYear: 2032 } });
  expect(copy.status(), await copy.text()).toBe(201);
  const activityId = (await copy.json()).id;

  await page.goto(`/app/meetings?activityId=${activityId}`);
  await expect(page.getByRole('heading', { name: 'Rapat', exact: true })).toBeVisible();
  await page.getByLabel('Tanggal (YYYY-MM-DD)').fill('2032-03-11');
  await page.getByRole('button', { name: 'Buat rapat' }).click();
  await page.getByRole('link', { name: 'Rapat Koordinasi Kehumasan' }).click();
  await expect(page.getByText('Kamis, 11 Maret 2032')).toBeVisible();

  await page.getByLabel('Mulai').fill('08:00');
  await page.getByLabel('Selesai').fill('09:00');
  await page.getByLabel('Acara').fill('Pembukaan');
  await page.getByRole('button', { name: 'Tambah sesi' }).click();
  await expect(page.getByRole('cell', { name: 'Pembukaan' })).toBeVisible();

  await page.getByRole('button', { name: 'Undang', exact: true }).click();
  await expect(page.getByTestId('invitation-row')).toHaveCount(19);
  await expect(page.getByTestId('invitation-row').first()).toContainText('Yth. Bupati');

  const download = page.waitForEvent('download');
  await page.getByTestId('invitation-row').first().getByRole('link', { name: 'DOCX' }).click();
  expect((await download).suggestedFilename()).toMatch(/^Undangan - Pemerintah .+\.docx$/);

  await page.getByRole('button', { name: 'Kirim undangan yang belum terkirim' }).click();
  await expect(page.getByText('Tautan WhatsApp (tautan RSVP baru)')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).locator('..').getByText('Undangan terkirim')).toBeVisible();

  // The RSVP link of one institution (a resend issues it again, as the committee would copy it).
  const meetingId = page.url().split('/').pop()!;
  const detail = await (await page.request.get(`/api/meetings/${meetingId}`)).json();
  const invitations = await (await page.request.get(`/api/meetings/${meetingId}/invitations`)).json();
  const sent = await page.request.post(`/api/meetings/${meetingId}/send`, {
    headers,
    data: { version: detail.version, invitationIds: [invitations.items[0].id] },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  const rsvpUrl = new URL((await sent.json()).queued[0].rsvpUrl);

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const p = await phone.newPage();
  await p.goto(rsvpUrl.pathname);
  await expect(p.getByText('Kuota: 2 orang')).toBeVisible();
  await p.getByLabel(/^Nama/).fill('Dedi Saputra');
  await p.getByLabel('Nomor HP/WhatsApp').fill('0812-3456-7890');
  await p.getByRole('button', { name: 'Tambah peserta' }).click();
  await p.getByLabel(/^Nama/).nth(1).fill('Rina Marlina');
  await p.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(p.getByText('Jawaban tersimpan.')).toBeVisible();
  await expect(p.getByText('Hadir', { exact: true })).toBeVisible();
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await phone.close();

  const delegates = await (await page.request.get(`/api/meetings/${meetingId}/delegates`)).json();
  expect(delegates.items.map((d: { name: string }) => d.name).sort()).toEqual(['Dedi Saputra', 'Rina Marlina']);
});
