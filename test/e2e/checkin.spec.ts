import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, request, type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import QRCode from 'qrcode';
import type { CheckInFixture } from '../helpers/checkInFixture';

/**
 * Check-in on committee phones, against a server of its own (port E2E_PORT + 100, its own data folder) whose
 * database the test prepared: a meeting run by "Rina" with 9 registered delegates whose ticket tokens are known.
 */
const port = Number(process.env.E2E_PORT ?? 3107) + 100;
const base = `http://127.0.0.1:${port}`;
const dataDir = resolve(`node_modules/.cache/simpul-e2e-checkin-${port}`);
let server: ChildProcess | null = null;
let fx: CheckInFixture & { email: string; password: string };

test.use({ baseURL: base });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const seeded = spawnSync('npx', ['tsx', 'test/e2e/checkInSeed.ts', dataDir], { encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  fx = JSON.parse(seeded.stdout.trim().split('\n').pop()!);
  server = spawn('npx', ['tsx', 'src/server/main.ts', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SMTP_URL: '',
    },
    stdio: 'inherit',
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('check-in server did not start');
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

async function logIn(page: Page) {
  const res = await page.request.post('/api/auth/login', { data: { email: fx.email, password: fx.password } });
  expect(res.ok()).toBe(true);
}

/** The server's check-ins of the meeting today, by registration id (a fresh request context: never offline). */
async function serverCheckIns(): Promise<Map<string, number>> {
  const api: APIRequestContext = await request.newContext({ baseURL: base });
  await api.post('/api/auth/login', { data: { email: fx.email, password: fx.password } });
  const list = await (await api.get(`/api/meetings/${fx.meetingId}/check-in/participants`)).json();
  await api.dispose();
  const counts = new Map<string, number>();
  for (const c of list.checkIns as { registrationId: string }[]) counts.set(c.registrationId, (counts.get(c.registrationId) ?? 0) + 1);
  return counts;
}

async function checkInByName(page: Page, name: string) {
  await page.getByLabel('Cari nama atau instansi').fill(name);
  const card = page.getByTestId('match').filter({ hasText: new RegExp(`^${name}`) });
  await card.getByRole('button', { name: 'Check-in' }).click();
  await expect(page.getByTestId('result')).toContainText(`${name} tercatat hadir`);
}

test('check-in goes on offline: three people queued on the phone reach the server exactly once', async ({ page, context }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page);
  await page.goto(`/app/meetings/${fx.meetingId}/checkin`);
  await expect(page.getByText('9 peserta tersimpan di HP ini')).toBeVisible();
  await expect(page.getByTestId('network-state')).toHaveText('Daring');
  // The service worker has taken the app shell (the screen reopens without the network).
  await page.waitForFunction(async () => !!(await navigator.serviceWorker?.getRegistration('/app/'))?.active);

  await context.setOffline(true);
  await expect(page.getByTestId('network-state')).toHaveText('Luring (tanpa jaringan)');
  for (const name of ['Peserta 1', 'Peserta 2', 'Peserta 3']) await checkInByName(page, name);
  await expect(page.getByTestId('waiting-count')).toHaveText('3 check-in menunggu sinkron');
  // A second check-in of the same person on this phone is answered from the device.
  await page.getByLabel('Cari nama atau instansi').fill('Peserta 2');
  await expect(
    page
      .getByTestId('match')
      .filter({ hasText: /^Peserta 2/ })
      .getByText(/^Hadir \d{2}\.\d{2}$/),
  ).toBeVisible();
  expect((await serverCheckIns()).size).toBe(0);

  // Reopened while still offline: the shell comes from the service worker, the list and queue from IndexedDB.
  await page.reload();
  await expect(page.getByText('9 peserta tersimpan di HP ini')).toBeVisible();
  await expect(page.getByTestId('waiting-count')).toHaveText('3 check-in menunggu sinkron');

  await context.setOffline(false);
  await expect(page.getByTestId('waiting-count')).toHaveText('Semua check-in sudah tersinkron', { timeout: 20_000 });
  const counts = await serverCheckIns();
  const ids = ['Peserta 1', 'Peserta 2', 'Peserta 3'].map((n) => fx.people.find((p) => p.name === n)!.id);
  expect([...counts.keys()].sort()).toEqual([...ids].sort());
  expect([...counts.values()]).toEqual([1, 1, 1]);
});

test('a QR ticket image is decoded and checks its holder in; a forged QR is refused', async ({ page }, testInfo) => {
  await logIn(page);
  await page.goto(`/app/meetings/${fx.meetingId}/checkin`);
  await expect(page.getByText('9 peserta tersimpan di HP ini')).toBeVisible();
  const dir = testInfo.outputPath('qr');
  mkdirSync(dir, { recursive: true });
  const ticket = join(dir, 'ticket.png');
  writeFileSync(ticket, await QRCode.toBuffer(fx.people[4]!.token, { width: 400, margin: 2 }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('scan-image').click();
  await (await chooser).setFiles(ticket);
  // The decoder (zxing) is a lazy chunk loaded on the first scan: on a busy CI machine that takes seconds.
  await expect(page.getByTestId('result')).toContainText('Peserta 5 tercatat hadir', { timeout: 20_000 });
  await expect(page.getByTestId('waiting-count')).toHaveText('Semua check-in sudah tersinkron', { timeout: 20_000 });
  expect((await serverCheckIns()).get(fx.people[4]!.id)).toBe(1);

  const forged = join(dir, 'forged.png');
  writeFileSync(forged, await QRCode.toBuffer('bukan-tiket-'.padEnd(43, 'x'), { width: 400, margin: 2 }));
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByTestId('scan-image').click();
  await (await chooser2).setFiles(forged);
  await expect(page.getByTestId('result')).toContainText('QR tidak dikenal', { timeout: 20_000 });
});

/**
 * A camera stream for Chromium's fake capture device (`--use-file-for-fake-video-capture`): a Y4M file (raw
 * I420 frames) showing the QR code of `text` in black on white, drawn straight from the QR's module matrix.
 */
function qrVideo(file: string, text: string) {
  const w = 640;
  const h = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const scale = Math.floor(400 / (qr.size + 2 * quiet));
  const side = scale * (qr.size + 2 * quiet);
  const x0 = Math.floor((w - side) / 2);
  const y0 = Math.floor((h - side) / 2);
  const luma = Buffer.alloc(w * h, 235);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - quiet;
      const my = Math.floor(y / scale) - quiet;
      const dark = mx >= 0 && my >= 0 && mx < qr.size && my < qr.size && qr.data[my * qr.size + mx];
      if (dark) luma[(y0 + y) * w + x0 + x] = 16;
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
}

test('the camera scanner reads a ticket from a (fake) camera stream: exactly one check-in on the server', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const person = fx.people[5]!;
  const dir = testInfo.outputPath('camera');
  mkdirSync(dir, { recursive: true });
  const video = join(dir, 'ticket.y4m');
  qrVideo(video, person.token);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL: base, locale: 'id-ID', viewport: { width: 360, height: 740 } });
    await context.grantPermissions(['camera'], { origin: base });
    const page = await context.newPage();
    await logIn(page);
    await page.goto(`/app/meetings/${fx.meetingId}/checkin`);
    await expect(page.getByText('9 peserta tersimpan di HP ini')).toBeVisible();
    await page.getByRole('button', { name: 'Pindai QR' }).click();
    await expect(page.getByTestId('result')).toContainText(`${person.name} tercatat hadir`, { timeout: 30_000 });
    await expect(page.getByTestId('waiting-count')).toHaveText('Semua check-in sudah tersinkron', { timeout: 20_000 });
    // The camera keeps showing the same ticket: later frames answer from the phone, nothing more is sent.
    await page.waitForTimeout(4_000);
    await expect(page.getByTestId('waiting-count')).toHaveText('Semua check-in sudah tersinkron');
    await page.getByRole('button', { name: 'Tutup kamera' }).click();
    expect((await serverCheckIns()).get(person.id)).toBe(1);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('a walk-in registered at the desk (over quota only with the override) is checked in, then checked out', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page);
  await page.goto(`/app/meetings/${fx.meetingId}/checkin`);
  await expect(page.getByText('9 peserta tersimpan di HP ini')).toBeVisible();
  await page.getByRole('button', { name: 'Daftarkan peserta langsung' }).click();
  const form = page.getByTestId('walk-in-form');
  await form.getByRole('textbox', { name: 'Instansi' }).click();
  await page.getByRole('option', { name: 'Tanpa instansi / instansi tidak diundang' }).click();
  await form.getByLabel(/^Nama/).fill('Tamu Langsung');
  await form.getByLabel('Jabatan').fill('Wartawan');
  await form.getByRole('button', { name: 'Daftarkan dan check-in' }).click();
  // Not invited: refused until the committee ticks the override, and the reason stands next to that box.
  await expect(form.getByText(/Instansi ini tidak diundang/)).toBeVisible();
  await expectAccessible(page, 'check-in with the walk-in form (360 px)');
  await form.getByLabel('Lewati kuota (izin panitia)').check();
  await form.getByRole('button', { name: 'Daftarkan dan check-in' }).click();
  await expect(page.getByTestId('result')).toContainText('Tamu Langsung tercatat hadir');
  await expect(page.getByTestId('waiting-count')).toHaveText('Semua check-in sudah tersinkron', { timeout: 20_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByTestId('recent').getByRole('button', { name: 'Check-out Tamu Langsung' }).click();
  await expect(page.getByTestId('result')).toContainText(/Tamu Langsung tercatat keluar pukul \d{2}\.\d{2}/);
  await expect(page.getByTestId('recent')).toContainText('Keluar');
  await expectAccessible(page, 'check-in after a check-out (360 px)');

  const api = await request.newContext({ baseURL: base });
  await api.post('/api/auth/login', { data: { email: fx.email, password: fx.password } });
  const list = await (await api.get(`/api/meetings/${fx.meetingId}/check-in/participants`)).json();
  await api.dispose();
  const walkIn = list.participants.find((p: { name: string }) => p.name === 'Tamu Langsung');
  expect(walkIn.walkIn).toBe(true);
  const rows = list.checkIns.filter((c: { registrationId: string }) => c.registrationId === walkIn.id);
  expect(rows).toHaveLength(1);
  expect(rows[0].checkedOutAt).not.toBeNull();
});
