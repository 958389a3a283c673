import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

export { expect } from '@playwright/test';

/**
 * The `test` every browser test imports (test/e2eFixtures.test.ts checks it): it runs axe-core (WCAG 2.1 A/AA,
 * serious and critical violations fail) on **every page the test visits**, at the test's own viewport and at a
 * 360-px phone width, without the test asking for it:
 *  - before each `page.goto` leaves a page (the state the test brought it to: a filled form, an open modal);
 *  - at the end of a passing test, on every page still open.
 * Pages of contexts the test opens itself (`browser.newContext()`) are covered too. A path is checked once per
 * test. A test can name selectors to leave out with `test.use({ axeExclude: [...] })` (say why next to it) or
 * turn the check off with `test.use({ axeEveryPage: false })` (only for tests that are themselves axe checks).
 */
type AxeOptions = { axeEveryPage: boolean; axeExclude: string[] };

const phone = { width: 360, height: 740 };

class PageAudit {
  private checked = new Set<string>();
  private pages = new Set<Page>();
  failures: string[] = [];

  constructor(private exclude: string[]) {}

  watch(page: Page) {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      await this.check(page, 'before leaving it');
      return goto(url, options);
    };
  }

  watchContext(context: BrowserContext) {
    for (const p of context.pages()) this.watch(p);
    context.on('page', (p) => this.watch(p));
  }

  async checkOpenPages() {
    for (const p of this.pages) await this.check(p, 'at the end of the test');
  }

  private async check(page: Page, when: string) {
    if (page.isClosed()) return;
    const url = page.url();
    if (!url.startsWith('http')) return;
    const { pathname, search } = new URL(url);
    // Swagger UI (/api/docs) is a third-party page for developers, not part of the app: not ours to fix.
    if (pathname.startsWith('/api/')) return;
    const key = `${pathname}${search}`;
    if (this.checked.has(key)) return;
    this.checked.add(key);
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    const own = page.viewportSize();
    try {
      await expectAccessible(page, `${key} (${when})`, { exclude: this.exclude });
      if (own && own.width !== phone.width) {
        await page.setViewportSize(phone);
        await page.waitForTimeout(100);
        try {
          await expectAccessible(page, `${key} at 360 px (${when})`, { exclude: this.exclude });
        } finally {
          await page.setViewportSize(own);
        }
      }
    } catch (e) {
      this.failures.push((e as Error).message);
      throw e;
    }
  }
}

export const test = base.extend<AxeOptions & { axeAudit: undefined }>({
  axeEveryPage: [true, { option: true }],
  axeExclude: [[], { option: true }],
  axeAudit: [
    async ({ context, browser, axeEveryPage, axeExclude }, use, testInfo) => {
      if (!axeEveryPage) return use(undefined);
      const audit = new PageAudit(axeExclude);
      audit.watchContext(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        audit.watchContext(c);
        return c;
      };
      try {
        await use(undefined);
        if (testInfo.status === testInfo.expectedStatus) await audit.checkOpenPages();
      } finally {
        browser.newContext = newContext;
      }
    },
    { auto: true },
  ],
});
