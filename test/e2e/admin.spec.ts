import { expect, test } from './fixtures';
import { loginAsAdmin } from './login';

test('an administrator invites a committee member, and the audit trail shows it with its data', async ({ page }) => {
  await loginAsAdmin(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
  await page.getByRole('button', { name: 'Undang pengguna' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('E-mail').fill('bukan-email');
  await dialog.getByLabel('Nama').fill('Rina Panitia');
  await dialog.getByRole('textbox', { name: 'Peran' }).click();
  await page.getByRole('option', { name: 'Panitia' }).click();
  await dialog.getByRole('button', { name: 'Kirim undangan' }).click();
  // The server's message, next to the field.
  await expect(dialog.getByText('Alamat e-mail tidak valid')).toBeVisible();

  await dialog.getByLabel('E-mail').fill('rina.panitia@example.org');
  await dialog.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Rina Panitia/ });
  await expect(row).toContainText('rina.panitia@example.org');
  await expect(row).toContainText('Undangan tertunda');

  await page.getByRole('navigation').getByRole('link', { name: 'Jejak audit' }).click();
  // In people's words: the action's label, the actor's and the invited user's names, not codes and ids.
  await page.getByRole('textbox', { name: 'Tindakan' }).click();
  await page.getByRole('option', { name: 'Pengguna diundang' }).click();
  const entry = page.getByRole('row', { name: /Pengguna diundang/ }).first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Rina Panitia');
  await expect(entry).toContainText('Pengguna');
  await expect(entry).not.toContainText('user.invite');
  await entry.click();
  await expect(page.getByRole('cell', { name: 'rina.panitia@example.org', exact: true })).toBeVisible();
});

test('a personal API token is shown once, works as a Bearer token, and can be revoked', async ({ page, request }) => {
  await loginAsAdmin(page);
  await page.goto('/app/account');
  await page.getByRole('button', { name: 'Buat token' }).click();
  await page.getByRole('dialog').getByLabel('Nama token').fill('Situs web uji');
  await page.getByRole('dialog').getByRole('button', { name: 'Buat' }).click();
  const secret = (await page.getByTestId('token-secret').textContent())!.trim();
  expect(secret).toMatch(/^smp_/);
  // The dialog's own button (the corner close button has the same name).
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).last().click();

  const me = await request.get('/api/auth/me', { headers: { authorization: `Bearer ${secret}` } });
  expect((await me.json()).user.role).toBe('admin');

  const row = page.getByRole('row', { name: /Situs web uji/ });
  await row.getByRole('button', { name: 'Cabut' }).click();
  await page.getByRole('button', { name: 'Ya' }).click();
  await expect(row).toContainText('Dicabut');
  const after = await request.get('/api/users', { headers: { authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
});
