import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { loginAsAdmin } from './login';
import { appLink, waitForMail } from './mailbox';

/** JSON write through the page's session (cookie shared with the page), with its CSRF token. */
export async function writeAs(page: Page, method: 'POST' | 'PATCH', url: string, data: unknown) {
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

/**
 * A member officer of a fresh institution, invited by the admin and activated through the mailed link.
 * Answers their credentials; `signIn` logs them in inside a new context (empty cache) through the API.
 */
export async function createMember(page: Page, tag: string) {
  await loginAsAdmin(page);
  const inst = await writeAs(page, 'POST', '/api/institutions', {
    name: `Dinas Uji ${tag}`,
    category: 'provincial_agency',
    email: `humas@${tag}.example.org`,
  });
  const member = { email: `anggota.${tag}@example.org`, password: `kata-sandi-${tag}-1`, institutionId: inst.id as string };
  await writeAs(page, 'POST', '/api/users', { email: member.email, name: `Anggota ${tag}`, role: 'member', institutionId: inst.id });
  const mail = await waitForMail(member.email, /Undangan/);
  const link = new URL(appLink(mail), 'http://x');
  const token = link.searchParams.get('token');
  await writeAs(page, 'POST', '/api/auth/invitation/accept', { token, password: member.password });
  return member;
}

/** A new browser context (own cache and cookies) signed in as the given account through the log-in API. */
export async function signedInContext(
  browser: Browser,
  account: { email: string; password: string },
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'id-ID', ...(opts.viewport ? { viewport: opts.viewport } : {}) });
  const res = await context.request.post('/api/auth/login', { data: { email: account.email, password: account.password } });
  expect(res.ok(), await res.text()).toBe(true);
  return context;
}
