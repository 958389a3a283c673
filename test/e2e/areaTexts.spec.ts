import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { createMember, signedInContext, writeAs } from './member';

// The texts of activities, meetings, check-in and outcomes load with those areas' own chunks, not with the
// first load (test/e2e/budget.spec.ts); in English their English chunk is fetched on first use.

test('in English, the areas whose texts load lazily show English: activities, meetings, check-in, outcomes, the user menu', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await loginAsAdmin(page);
  const activities = await (await page.request.get('/api/activities?year=2019')).json();
  const source = activities.items.find((a: { title: string }) => a.title === 'Koordinasi Kehumasan');
  const copy = await writeAs(page, 'POST', `/api/activities/${source.id}/copy`, { fiscalYear: 2034 });
  const meeting = await writeAs(page, 'POST', '/api/meetings', {
    activityId: copy.id,
    title: 'Rapat Uji Bahasa',
    startDate: '2034-03-10',
    startTime: '08:00',
    endTime: '12:00',
    venue: 'Aula',
  });

  await page.getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
  await page.getByRole('link', { name: 'Activities & KAK' }).first().click();
  await expect(page.getByRole('heading', { name: 'Activities & KAK' })).toBeVisible();

  // A cold load in English (the remembered choice): the area's English chunk comes before the page renders.
  await page.goto(`/app/meetings/${meeting.id}/outcomes`);
  await expect(page.getByRole('heading', { name: 'Resolutions and follow-ups' })).toBeVisible();
  await page.goto(`/app/meetings/${meeting.id}/checkin`);
  await expect(page.getByRole('heading', { name: 'Participant check-in' })).toBeVisible();

  // The user menu's code loads on first use; it opens at once, in English.
  await page.goto('/app/');
  await page.getByRole('button', { name: 'User menu' }).click();
  await expect(page.getByRole('menuitem', { name: 'My account' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: 'My account' })).toBeHidden();
  await page.getByText('ID', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Rapat', exact: true })).toBeVisible();
});

test("a member's home in English: the follow-ups card fetches its English texts", async ({ page, browser }) => {
  const member = await createMember(page, 'english');
  const context = await signedInContext(browser, member);
  await context.addInitScript(() => localStorage.setItem('simpul.lang', 'en'));
  const mp = await context.newPage();
  await mp.goto('/app/');
  await expect(mp.getByTestId('my-institution')).toContainText('Dinas Uji english');
  await expect(mp.getByRole('heading', { name: "Your institution's follow-ups" })).toBeVisible();
  await mp.getByRole('link', { name: 'Follow-ups', exact: true }).click();
  await expect(mp.getByRole('heading', { name: 'Follow-ups of meeting resolutions' })).toBeVisible();
  await context.close();
});
