import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { loginAsAdmin } from './login';
import { createMember, signedInContext } from './member';

// Every screen of the SPA and the public pages, at desktop width and on a 360 px phone, checked by axe-core
// (WCAG 2.1 A/AA, serious and critical violations fail). Not covered here: the check-in screen and board
// (meetings/:id/checkin, meetings/:id/board) and the meetings screens, still being built by their owners.
// This file runs axe itself, at both widths: the automatic check of ./fixtures would only repeat it.
test.use({ axeEveryPage: false });

const viewports = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 360, height: 740 } },
];

/** Opens the path, waits for its heading (the page has loaded its data), then runs axe. */
async function check(page: Page, path: string, heading?: RegExp | string) {
  await page.goto(path);
  if (heading) await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, path);
}

for (const vp of viewports) {
  test.describe(`${vp.name} (${vp.size.width} px)`, () => {
    // Reduced motion (the app honours it): no transition is half-way while axe measures colours.
    test.use({ viewport: vp.size, reducedMotion: 'reduce' });

    test('public pages and the pages before log-in', async ({ page }) => {
      await check(page, '/');
      await check(page, '/?lang=en');
      await check(page, '/app/login', 'Masuk');
      await check(page, '/app/forgot-password');
      await check(page, '/app/reset-password?token=tidak-berlaku-123');
      await check(page, '/app/accept-invitation?token=tidak-berlaku-123');
    });

    test('every screen of an administrator, a modal and a page not found', async ({ page }) => {
      await loginAsAdmin(page);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'admin home');
      for (const path of [
        '/app/directory',
        '/app/directory/new',
        '/app/directory/import',
        '/app/users',
        '/app/audit',
        '/app/account',
        '/app/settings',
        '/app/activities',
        '/app/jobs',
        '/app/tidak-ada',
      ]) {
        await check(page, path);
      }
      // An institution's page, and an activity's page (the demo's 2019 KAK).
      await page.goto('/app/directory');
      await page.locator('a[href^="/app/directory/"]:not([href$="/new"]):not([href$="/import"])').first().click();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'institution detail');
      const list = await (await page.request.get('/api/activities?year=2019')).json();
      const activity = (list.items ?? list)[0];
      expect(activity?.id, JSON.stringify(list).slice(0, 200)).toBeTruthy();
      await page.goto(`/app/activities/${activity.id}`);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'activity page');
      // A modal: importing a KAK from Word.
      await page.goto('/app/activities');
      await page.getByRole('button', { name: 'Impor dari Word' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      // The opening transition has ended: axe measures colours as they are at that moment.
      await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
      // Left out (reported in issue 13's work): the file input's placeholder inside the modal measures 2.25:1
      // (#90959f on #dfdfdf) while no file is chosen.
      await expectAccessible(page, 'import modal', { exclude: ['.mantine-FileInput-input'] });
    });

    test("a member officer's home", async ({ page, browser }) => {
      const member = await createMember(page, `a11y-${vp.name}`);
      const context = await signedInContext(browser, member, { viewport: vp.size });
      const mp = await context.newPage();
      await mp.goto('/app/');
      await expect(mp.getByTestId('my-institution')).toBeVisible();
      await mp.waitForLoadState('networkidle');
      await expectAccessible(mp, 'member home');
      await check(mp, '/app/activities');
      await check(mp, '/app/account');
      await context.close();
    });
  });
}

test('keyboard: the first Tab reaches a skip link that moves to the page content', async ({ page }) => {
  await loginAsAdmin(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Langsung ke isi' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('keyboard: after a navigation focus is on the new page heading; closing a modal returns focus to its button', async ({ page }) => {
  await loginAsAdmin(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Kegiatan & KAK' }).click();
  const heading = page.locator('#main h2').first();
  await expect(heading).toBeFocused();
  const trigger = page.getByRole('button', { name: 'Impor dari Word' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(trigger).toBeFocused();
});
