import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { createMember, signedInContext } from './member';

const phone = { width: 360, height: 740 };

/** axe (WCAG 2.1 A/AA) on the page as it is, at its own width and at a 360-px phone width. */
async function accessibleAtBothWidths(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, label);
  const own = page.viewportSize();
  await page.setViewportSize(phone);
  await page.waitForTimeout(150);
  await expectAccessible(page, `${label} at 360 px`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label}: no sideways scrolling at 360 px`).toBeLessThanOrEqual(
    phone.width,
  );
  if (own) await page.setViewportSize(own);
}

/** A phone-size screenshot of the page for review (in the test's output folder, or FORUM_SCREENSHOTS). */
async function phoneShot(page: Page, name: string) {
  const own = page.viewportSize();
  await page.setViewportSize(phone);
  await page.waitForTimeout(150);
  const dir = process.env.FORUM_SCREENSHOTS;
  await page.screenshot({
    path: dir ? `${dir}/forum-${name}-phone.png` : test.info().outputPath(`forum-${name}-phone.png`),
    fullPage: true,
  });
  if (own) await page.setViewportSize(own);
}

/**
 * The forum from end to end with the demo data: a member opens a topic (with an attachment refused by type),
 * another member replies, the author accepts the reply as the solution, a vote is cast and withdrawn, a search
 * highlights its match, and the bureau hides a reply with a reason. Each screen is checked with axe at 1280 and
 * 360 px.
 */
test('members raise, discuss, solve, vote and search; the bureau hides a reply', async ({ page, browser }) => {
  test.setTimeout(480_000);
  const ani = await createMember(page, 'forum-ani');
  // createMember logs the admin in through the form: a second one needs a page that is not logged in yet.
  const setup = await browser.newContext({ locale: 'id-ID' });
  const budi = await createMember(await setup.newPage(), 'forum-budi');
  await setup.close();
  const viewport = { width: 1280, height: 900 };

  // --- Ani (member) opens a topic
  const aniContext = await signedInContext(browser, ani, { viewport });
  const a = await aniContext.newPage();
  await a.goto('/app/forum');
  await expect(a.getByRole('heading', { name: 'Forum koordinasi', level: 2 })).toBeVisible();
  // The demo forum: rows with status badges in words and vote counts.
  await expect(a.getByTestId('topic-row').first()).toBeVisible();
  await expect(a.getByTestId('topic-row').first()).toContainText(/\d+ dukungan/);
  await accessibleAtBothWidths(a, 'topic list');

  // Filter by status: the demo topic the bureau put on the meeting's agenda says where it is discussed.
  await a.getByRole('textbox', { name: 'Status' }).click();
  await a.getByRole('option', { name: 'Dibahas di rapat' }).click();
  await expect(a).toHaveURL(/status=in_meeting/);
  const onAgenda = a.getByTestId('topic-row').first();
  await expect(onAgenda).toContainText('Dibahas di rapat');
  await onAgenda.getByRole('link').click();
  await expect(a.getByTestId('topic-meeting')).toContainText(/^Dibahas pada .+, sesi .+/);
  await expect(a.getByTestId('solution').or(a.getByText('Belum ada solusi yang diterima.'))).toBeVisible();
  await a.goto('/app/forum');
  await phoneShot(a, 'list');

  await a.getByRole('link', { name: 'Topik baru' }).click();
  await expect(a.getByRole('heading', { name: 'Topik baru' })).toBeVisible();
  await a.getByRole('textbox', { name: 'Judul', exact: true }).fill('Klarifikasi hoaks banjir bandang di Pesisir Selatan');
  await a.getByRole('textbox', { name: 'Kategori' }).click();
  await a.getByRole('option', { name: 'Hoaks dan disinformasi' }).click();
  await a
    .getByRole('textbox', { name: 'Isi' })
    .fill('Beredar video lama yang disebut banjir bandang hari ini. Bagaimana instansi lain menyusun klarifikasi yang cepat?');
  // A file of a type the forum does not take: refused with a message, nothing uploaded.
  await a.locator('input[type=file]').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('teks') });
  await expect(a.getByRole('alert')).toContainText('Jenis berkas catatan.txt tidak diterima');
  await accessibleAtBothWidths(a, 'new topic form');
  await phoneShot(a, 'new-topic');
  await a.getByRole('button', { name: 'Terbitkan' }).click();
  await expect(a.getByRole('heading', { name: 'Klarifikasi hoaks banjir bandang di Pesisir Selatan', level: 2 })).toBeVisible();
  const topicUrl = new URL(a.url()).pathname;
  await expect(a.getByText('Terbuka', { exact: true })).toBeVisible();

  // --- Budi (another member) replies and votes, then withdraws the vote
  const budiContext = await signedInContext(browser, budi, { viewport });
  const b = await budiContext.newPage();
  await b.goto(topicUrl);
  await b
    .getByRole('textbox', { name: 'Balasan Anda' })
    .fill('Kami memakai format cek fakta: klaim, fakta, sumber resmi, lalu unggah dalam satu jam.');
  await b.getByRole('button', { name: 'Kirim balasan' }).click();
  await expect(b.getByTestId('reply')).toHaveCount(1);
  await expect(b.getByTestId('reply').first()).toContainText('format cek fakta');

  await expect(b.getByTestId('vote-count')).toHaveText('0 dukungan');
  await b.getByRole('button', { name: 'Dukung topik ini' }).click();
  await expect(b.getByTestId('vote-count')).toHaveText('1 dukungan');
  await b.getByRole('button', { name: 'Tarik dukungan' }).click();
  await expect(b.getByTestId('vote-count')).toHaveText('0 dukungan');
  await b.getByRole('button', { name: 'Dukung topik ini' }).click();
  await expect(b.getByTestId('vote-count')).toHaveText('1 dukungan');

  // A second reply, which the bureau hides below.
  await b.getByRole('textbox', { name: 'Balasan Anda' }).fill('Promosi jasa pengikut media sosial murah, hubungi kami.');
  await b.getByRole('button', { name: 'Kirim balasan' }).click();
  await expect(b.getByTestId('reply')).toHaveCount(2);

  // --- Ani accepts Budi's first reply as the solution: it shows right under the question
  await a.reload();
  const first = a.getByTestId('reply').filter({ hasText: 'format cek fakta' });
  await first.getByRole('button', { name: 'Tandai sebagai solusi' }).click();
  await expect(a.getByTestId('solution')).toContainText('format cek fakta');
  await expect(a.getByText('Terjawab', { exact: true }).first()).toBeVisible();
  await accessibleAtBothWidths(a, 'topic page (author)');
  await phoneShot(a, 'topic');

  // --- Search with a highlighted match (the new topic and the demo topics)
  await a.goto('/app/forum?q=banjir');
  const hit = a.getByTestId('search-hit').filter({ hasText: 'Pesisir Selatan' }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/banjir/i);
  // The demo topic on the same subject is found too.
  await expect(a.getByTestId('search-hit').filter({ hasText: 'Menyusun holding statement saat banjir bandang' }).first()).toBeVisible();
  await accessibleAtBothWidths(a, 'search results');
  await phoneShot(a, 'search');
  // Operators only: an empty result with a message, no error.
  await a.getByRole('searchbox', { name: 'Cari topik dan balasan' }).fill('&|!:*');
  await expect(a.getByText('Tidak ada topik atau balasan yang cocok dengan "&|!:*".')).toBeVisible();

  // --- The bureau (admin) hides Budi's second reply with a reason
  // `page` is still the administrator's (createMember logged them in).
  await page.goto(topicUrl);
  const spam = page.getByTestId('reply').filter({ hasText: 'Promosi jasa' });
  await spam.getByRole('button', { name: 'Sembunyikan' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Alasan/).fill('Promosi di luar topik forum');
  await accessibleAtBothWidths(page, 'hide dialog');
  await dialog.getByRole('button', { name: 'Sembunyikan' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(spam).toContainText('Disembunyikan oleh biro: Promosi di luar topik forum');
  await accessibleAtBothWidths(page, 'topic page (bureau)');

  // Members see the placeholder, not the text.
  await b.reload();
  await expect(b.getByText('Balasan ini disembunyikan oleh biro.')).toBeVisible();
  await expect(b.getByText('Promosi jasa pengikut')).toHaveCount(0);

  // --- The bureau's overview and the category list
  await page.goto('/app/forum/overview');
  await expect(page.getByRole('heading', { name: 'Ikhtisar forum', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Paling didukung (terbuka)' })).toBeVisible();
  await accessibleAtBothWidths(page, 'overview');
  await phoneShot(page, 'overview');
  await page.goto('/app/forum/categories');
  await expect(page.getByTestId('category-row').first()).toBeVisible();
  await accessibleAtBothWidths(page, 'categories');

  // --- The unsubscribe landing page (public): a bad token is refused with a message
  const visitorContext = await browser.newContext({ locale: 'id-ID', viewport });
  const v = await visitorContext.newPage();
  await v.goto('/app/forum/unsubscribe?token=tidak-berlaku');
  await expect(v.getByRole('heading', { name: 'Berhenti berlangganan' })).toBeVisible();
  await accessibleAtBothWidths(v, 'unsubscribe');
  await v.getByRole('button', { name: 'Berhenti berlangganan' }).click();
  await expect(v.getByText('Tautan ini tidak berlaku atau sudah digunakan.')).toBeVisible();

  await Promise.all([aniContext.close(), budiContext.close(), visitorContext.close()]);
});
