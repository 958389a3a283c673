import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';
import { appLink, waitForMail } from './mailbox';

const member = { email: 'beni.beranda@example.org', name: 'Beni Beranda', password: 'kata-sandi-beni-1' };

/** JSON write through the admin's session (cookie shared with the page), with its CSRF token. */
async function write(request: APIRequestContext, method: 'POST' | 'PATCH', url: string, data: unknown) {
  const { csrfToken } = await (await request.get('/api/auth/me')).json();
  const res = await request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

test("a member officer's home: their institution, its officers, what is asked of them, and the activities they may see", async ({
  page,
  browser,
}) => {
  await loginAsAdmin(page);
  const inst = await write(page.request, 'POST', '/api/institutions', {
    name: 'Dinas Uji Beranda Anggota',
    category: 'provincial_agency',
    email: 'humas@beranda.example.org',
  });
  const ani = await write(page.request, 'POST', '/api/officers', {
    institutionId: inst.id,
    name: 'Ani Beranda',
    email: 'ani.beranda@example.org',
  });
  await write(page.request, 'POST', '/api/users', { email: member.email, name: member.name, role: 'member', institutionId: inst.id });

  const mail = await waitForMail(member.email, /Undangan/);
  const context = await browser.newContext({ locale: 'id-ID' });
  const mp = await context.newPage();
  await mp.goto(appLink(mail));
  await mp.getByLabel('Kata sandi baru').fill(member.password);
  await mp.getByLabel('Ulangi kata sandi').fill(member.password);
  await mp.getByRole('button', { name: 'Aktifkan akun' }).click();
  await mp.getByRole('link', { name: 'Masuk' }).click();
  await mp.getByLabel('E-mail').fill(member.email);
  await mp.getByLabel('Kata sandi').fill(member.password);
  await mp.getByRole('button', { name: 'Masuk' }).click();

  // Home: the institution, not a list of 40 to search.
  const card = mp.getByTestId('my-institution');
  await expect(card).toContainText('Dinas Uji Beranda Anggota');
  await expect(card).toContainText('humas@beranda.example.org');
  // What is asked of them comes from the stored data: no main contact, Ani has no phone, the institution no phone/address.
  const tasks = mp.getByTestId('member-tasks');
  await expect(tasks.getByRole('listitem')).toHaveText([
    'Tetapkan kontak utama lembaga (satu petugas yang dihubungi Biro Humas)',
    'Lengkapi nomor telepon/WhatsApp: Ani Beranda',
    'Lengkapi data lembaga: telepon, alamat',
  ]);
  await expect(mp.getByText('Ani Beranda').first()).toBeVisible();
  // Approved activities only: the demo's 2019 KAK (done) is listed, as GET /api/activities answers a member.
  await expect(mp.getByRole('link', { name: 'Koordinasi Kehumasan' }).first()).toBeVisible();
  await expect(mp.getByText('Draf', { exact: true })).toHaveCount(0);

  // "Lembaga saya" in the navigation leads to the institution's page.
  await mp.getByRole('navigation').getByRole('link', { name: 'Lembaga saya' }).click();
  await expect(mp).toHaveURL(new RegExp(`/app/directory/${inst.id}$`));
  await expect(mp.getByRole('heading', { name: 'Dinas Uji Beranda Anggota' })).toBeVisible();

  // Once the data is complete, nothing is asked.
  await write(page.request, 'PATCH', `/api/officers/${ani.id}`, { phone: '0812-1111-3333', isMainContact: true, version: ani.version });
  const fresh = await (await page.request.get(`/api/institutions/${inst.id}`)).json();
  await write(page.request, 'PATCH', `/api/institutions/${inst.id}`, {
    phone: '0751-123456',
    address: 'Jl. Beranda 1',
    version: fresh.version,
  });
  await mp.goto('/app/');
  await expect(mp.getByTestId('member-tasks')).toContainText('Data lembaga Anda sudah lengkap');
  await expect(mp.getByTestId('member-tasks').getByRole('listitem')).toHaveCount(0);
  await expect(mp.getByRole('link', { name: 'Kirim WhatsApp ke +62 812 1111 3333' })).toHaveAttribute(
    'href',
    'https://wa.me/6281211113333',
  );
  await context.close();
});
