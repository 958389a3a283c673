import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
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
  await expect(page.getByRole('cell', { name: 'Pembukaan', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Undang', exact: true }).click();
  await expect(page.getByTestId('invitation-row')).toHaveCount(19);
  await expect(page.getByTestId('invitation-row').first()).toContainText('Yth. Bupati');

  const download = page.waitForEvent('download');
  await page.getByTestId('invitation-row').first().getByRole('link', { name: 'DOCX' }).click();
  expect((await download).suggestedFilename()).toMatch(/^Undangan - Pemerintah .+\.docx$/);

  await page.getByRole('button', { name: 'Kirim undangan yang belum terkirim' }).click();
  // Nineteen letters are rendered and queued: allow for a loaded machine.
  await expect(page.getByText('Tautan WhatsApp (tautan RSVP baru)')).toBeVisible({ timeout: 30_000 });
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

/**
 * The meeting page on a committee desk: agenda with speakers and moderator picked from the activity's speakers,
 * the server's checks shown next to the fields, reordering; one institution invited with its quota, the quota and
 * addressee changed; a walk-in over the quota refused until the override is ticked. Checked with axe at 1280 and
 * 360 px (the fixture checks every page at both widths too).
 */
test('agenda with speaker pickers and checks, one institution invited and edited, a walk-in over quota', async ({ page }) => {
  test.setTimeout(150_000);
  await loginAsAdmin(page);
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  const activities = await (await page.request.get('/api/activities?year=2019')).json();
  const source = activities.items.find((a: { title: string }) => a.title === 'Koordinasi Kehumasan');
  const copy = await page.request.post(`/api/activities/${source.id}/copy`, { headers, data: { fiscalYear: 2033 } });
  expect(copy.status(), await copy.text()).toBe(201);
  const created = await page.request.post('/api/meetings', {
    headers,
    data: {
      activityId: (await copy.json()).id,
      title: 'Rapat Koordinasi Kehumasan',
      startDate: '2033-03-10',
      startTime: '08:00',
      endTime: '12:00',
      venue: 'Aula Kantor Gubernur',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const meetingId = (await created.json()).id;

  await page.goto(`/app/meetings/${meetingId}`);
  const agenda = page.getByTestId('agenda-form');
  const addSession = async (start: string, end: string, title: string, speaker?: string) => {
    await agenda.getByLabel('Mulai').fill(start);
    await agenda.getByLabel('Selesai').fill(end);
    await agenda.getByLabel('Acara').fill(title);
    if (speaker) {
      await agenda.getByRole('textbox', { name: 'Narasumber' }).click();
      await page.getByRole('option', { name: new RegExp(`^${speaker}`) }).click();
      await page.keyboard.press('Escape');
    }
    await agenda.getByRole('button', { name: 'Tambah sesi' }).click();
  };
  await addSession('08:00', '08:30', 'Pembukaan');
  await expect(page.getByTestId('agenda-row')).toHaveCount(1);
  await addSession('08:30', '09:30', 'Paparan kebijakan', 'Dr. Andi Contoh');
  await expect(page.getByTestId('agenda-row')).toHaveCount(2);
  await expect(page.getByTestId('agenda-row').nth(1)).toContainText('Narasumber: Dr. Andi Contoh, M.I.Kom');

  // The same speaker at the same time, then a session outside the meeting's hours: refused beside the fields.
  await addSession('09:00', '10:00', 'Tanya jawab', 'Dr. Andi Contoh');
  await expect(agenda.getByText(/Dr\. Andi Contoh, M\.I\.Kom sudah menjadi narasumber sesi "Paparan kebijakan"/)).toBeVisible();
  await expect(page.getByTestId('agenda-row')).toHaveCount(2);
  await agenda.getByLabel('Mulai').fill('11:30');
  await agenda.getByLabel('Selesai').fill('12:30');
  await agenda.getByRole('button', { name: 'Tambah sesi' }).click();
  await expect(agenda.getByText(/di luar jam rapat \(08\.00–12\.00 WIB\)/)).toBeVisible();
  await agenda.getByLabel('Mulai').fill('09:30');
  await agenda.getByLabel('Selesai').fill('10:00');
  await agenda.getByRole('textbox', { name: 'Moderator' }).click();
  await page.getByRole('option', { name: 'Maya Contoh, S.Sos., M.Si.' }).click();
  await agenda.getByRole('button', { name: 'Tambah sesi' }).click();
  await expect(page.getByTestId('agenda-row')).toHaveCount(3);
  await expect(page.getByTestId('agenda-row').nth(2)).toContainText('Moderator: Maya Contoh, S.Sos., M.Si.');

  // Reorder with the arrows.
  await page.getByRole('button', { name: 'Turunkan Pembukaan' }).click();
  await expect(page.getByTestId('agenda-row').nth(0)).toContainText('Paparan kebijakan');
  await expect(page.getByTestId('agenda-row').nth(1)).toContainText('Pembukaan');

  // One institution, with a quota of 1; then its quota and addressee changed.
  const quota = page.getByRole('textbox', { name: 'Kuota' }).first();
  await quota.fill('1');
  await page.getByRole('textbox', { name: 'Undang satu instansi' }).fill('Kabupaten Agam');
  await page.getByRole('option', { name: 'Pemerintah Kabupaten Agam', exact: true }).click();
  await page.getByRole('button', { name: 'Undang instansi' }).click();
  await expect(page.getByTestId('invitation-row')).toHaveCount(1);
  await expect(page.getByTestId('invitation-row')).toContainText('0/1');
  await page.getByRole('button', { name: 'Ubah kuota dan alamat Pemerintah Kabupaten Agam' }).click();
  const edit = page.getByTestId('invitation-edit');
  await edit.getByRole('textbox', { name: 'Kuota' }).fill('2');
  await edit.getByLabel('Yth.').fill('Bupati Agam c.q. Kepala Dinas Kominfo');
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('invitation-row')).toContainText('Yth. Bupati Agam c.q. Kepala Dinas Kominfo');
  await expect(page.getByTestId('invitation-row')).toContainText('0/2');
  await expectAccessible(page, 'meeting page (1280 px)');

  // Walk-ins (invitations out): two fill the quota, the third is refused until the override is ticked.
  const detail = await (await page.request.get(`/api/meetings/${meetingId}`)).json();
  const moved = await page.request.post(`/api/meetings/${meetingId}/status`, {
    headers,
    data: { version: detail.version, status: 'invitations_sent' },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  await page.reload();
  await page.getByRole('button', { name: 'Daftarkan peserta langsung' }).click();
  const form = page.getByTestId('walk-in-form');
  const walkIn = async (name: string) => {
    await form.getByRole('textbox', { name: 'Instansi' }).click();
    await page.getByRole('option', { name: /^Pemerintah Kabupaten Agam/ }).click();
    await form.getByLabel(/^Nama/).fill(name);
    await form.getByRole('button', { name: 'Daftarkan' }).click();
  };
  await walkIn('Budi Datang');
  await expect(form.getByTestId('walk-in-done')).toContainText('Budi Datang terdaftar');
  await walkIn('Citra Datang');
  await expect(form.getByTestId('walk-in-done')).toContainText('Citra Datang terdaftar');
  await walkIn('Dodi Datang');
  await expect(form.getByText('Kuota Kabupaten Agam 2 orang sudah terisi', { exact: false })).toBeVisible();
  await form.getByLabel('Lewati kuota (izin panitia)').check();
  await form.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(form.getByTestId('walk-in-done')).toContainText('Dodi Datang terdaftar');
  await expect(page.getByTestId('delegate-row').filter({ hasText: 'Dodi Datang' })).toContainText('Datang langsung (lewati kuota)');
  await expect(page.getByTestId('delegate-row')).toHaveCount(3);

  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page, 'meeting page (360 px)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
