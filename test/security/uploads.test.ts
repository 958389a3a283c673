import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, settings } from '../../src/server/db/schema/index';
import { buildInstitution, multipart } from '../builders/directory';
import { buildActivityInput } from '../builders/activity';
import { createTestApp, sessionFor, type Session, type TestApp } from '../helpers/testApp';
import { errorMessage, measured, millionRowSheet, xlsxOf, zipOf } from './support';

/**
 * Upload bombs: each hostile file is refused with a 4xx in Indonesian, quickly, and the server's memory grows by
 * less than a stated bound while it reads it (peak growth of rss sampled every 10 ms during the request).
 * Before the fix, the million-row XLSX cost 11 s and +1.26 GB, and the 14,000 x 14,000 PNG was accepted (each
 * KAK PDF then took 18 s and +1.6 GB).
 */
// Measured here after the fix: the million-row XLSX 1.8-4 s and +12 MB rss (the previous full load: 35 s, +1.19 GB).
const bounds = { importRssMb: 200, importHeapMb: 150, imageRssMb: 100, imageHeapMb: 50, ms: 10_000 };

let t: TestApp;
let admin: Session;
let millionRows: Buffer;
let hugePng: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
  millionRows = xlsxOf(millionRowSheet(1_000_000));
  // 14,000 x 14,000 px, about 190 KB: well under the 1 MB logo limit, 196 Mpx once decoded.
  hugePng = await sharp({ create: { width: 14000, height: 14000, channels: 3, background: '#000' } })
    .toColourspace('b-w')
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer();
}, 120_000);
afterAll(() => t.close());

const upload = async (session: Session, url: string, name: string, content: Buffer, fields: Record<string, string> = {}) => {
  const body = await multipart(fields, { name, content });
  return session.request('POST', url, body.payload, body.headers);
};

describe('directory import', () => {
  it('refuses an XLSX of a million rows quickly, in bounded memory', async () => {
    expect(millionRows.length).toBeLessThan(5 * 1024 * 1024);
    const m = await measured(() => upload(admin, '/api/directory/import/preview', 'sejuta.xlsx', millionRows));
    console.info(
      `million-row XLSX (${(millionRows.length / 1e6).toFixed(1)} MB): ${m.ms} ms, rss +${m.rssMb} MB, heap+buffers +${m.heapMb} MB`,
    );
    expect(m.result.statusCode).toBe(400);
    expect(errorMessage(m.result)).toContain('lebih dari 10.000 baris');
    expect(m.ms).toBeLessThan(bounds.ms);
    expect(m.rssMb).toBeLessThan(bounds.importRssMb);
    expect(m.heapMb).toBeLessThan(bounds.importHeapMb);
  });

  it('refuses an XLSX whose shared strings inflate past the limit (zip bomb)', async () => {
    const bomb = xlsxOf(millionRowSheet(2), [
      {
        name: 'xl/sharedStrings.xml',
        data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'a'.repeat(40 * 1024 * 1024)}</t></si></sst>`,
      },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const m = await measured(() => upload(admin, '/api/directory/import/preview', 'bom.xlsx', bomb));
    console.info(
      `shared-strings bomb (${Math.round(bomb.length / 1024)} KB -> 40 MB): ${m.ms} ms, rss +${m.rssMb} MB, heap+buffers +${m.heapMb} MB`,
    );
    expect(m.result.statusCode).toBe(400);
    expect(errorMessage(m.result)).toContain('terlalu besar setelah diekstrak');
    expect(m.rssMb).toBeLessThan(bounds.importRssMb);
    expect(m.heapMb).toBeLessThan(bounds.importHeapMb);
  });

  it('refuses a sheet that inflates past the limit, even when its rows are blank', async () => {
    const blank = Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(40 * 1024 * 1024)}</sheetData></worksheet>`,
    );
    const file = xlsxOf(blank);
    const m = await measured(() => upload(admin, '/api/directory/import/preview', 'kosong.xlsx', file));
    console.info(
      `blank-sheet bomb (${Math.round(file.length / 1024)} KB -> 40 MB): ${m.ms} ms, rss +${m.rssMb} MB, heap+buffers +${m.heapMb} MB`,
    );
    expect(m.result.statusCode).toBe(400);
    expect(errorMessage(m.result)).toContain('terlalu besar setelah diekstrak');
    expect(m.rssMb).toBeLessThan(bounds.importRssMb);
    expect(m.heapMb).toBeLessThan(bounds.importHeapMb);
  });

  it('refuses a CSV with a NUL byte anywhere, not only in its first 8 KB', async () => {
    const csv = Buffer.concat([
      Buffer.from(`Jenis,Nama,Kategori\n${'lembaga,Dinas Contoh,bumd\n'.repeat(1000)}`),
      Buffer.from([0]),
      Buffer.from('lembaga,Dinas Akhir,bumd\n'),
    ]);
    expect(csv.indexOf(0)).toBeGreaterThan(8192);
    const res = await upload(admin, '/api/directory/import/preview', 'nul.csv', csv);
    expect(res.statusCode).toBe(400);
    expect(errorMessage(res)).toContain('Berkas bukan XLSX atau CSV yang dapat dibaca');
  });

  it('parses one import at a time and answers 429 to another meanwhile', async () => {
    const [a, b] = await Promise.all([
      upload(admin, '/api/directory/import/preview', 'sejuta.xlsx', millionRows),
      upload(admin, '/api/directory/import/preview', 'sejuta-2.xlsx', millionRows),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([400, 429]);
    expect(errorMessage(a.statusCode === 429 ? a : b)).toContain('Impor lain sedang berjalan');
    // The slot is free again afterwards.
    expect((await upload(admin, '/api/directory/import/preview', 'sejuta.xlsx', millionRows)).statusCode).toBe(400);
  });
});

describe('Word KAK import', () => {
  it('refuses a DOCX whose document part inflates past the limit (zip bomb)', async () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: 'word/document.xml',
        data: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${' '.repeat(100 * 1024 * 1024)}</w:body></w:document>`,
      },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { session } = await sessionFor(t, 'committee');
    const m = await measured(() => upload(session, '/api/activities/import', 'bom.docx', bomb));
    console.info(
      `DOCX bomb (${Math.round(bomb.length / 1024)} KB -> 100 MB): ${m.ms} ms, rss +${m.rssMb} MB, heap+buffers +${m.heapMb} MB`,
    );
    expect(m.result.statusCode).toBe(400);
    expect(errorMessage(m.result)).toContain('terlalu besar');
    expect(m.rssMb).toBeLessThan(bounds.importRssMb);
    expect(m.heapMb).toBeLessThan(bounds.importHeapMb);
  });
});

describe('images', () => {
  const corruptPng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4000)]);

  it('refuses a PNG signature followed by random bytes, on both logo routes, and stores nothing', async () => {
    const inst = await buildInstitution(t);
    const before = (await t.database.db.select({ id: files.id }).from(files)).length;
    for (const url of [`/api/institutions/${inst.id}/logo`, '/api/settings/organisation/logo']) {
      const res = await upload(admin, url, 'logo.png', corruptPng);
      expect(res.statusCode, url).toBe(400);
      expect(errorMessage(res)).toBe('Logo tidak dapat dibaca sebagai gambar PNG (berkas rusak atau bukan gambar)');
    }
    const truncated = (
      await sharp({ create: { width: 300, height: 300, channels: 3, background: '#f00' } })
        .png()
        .toBuffer()
    ).subarray(0, 200);
    expect((await upload(admin, `/api/institutions/${inst.id}/logo`, 'logo.png', truncated)).statusCode).toBe(400);
    expect((await t.database.db.select({ id: files.id }).from(files)).length).toBe(before);
  });

  it('refuses a 14,000 x 14,000 PNG from its header, without decoding it', async () => {
    expect(hugePng.length).toBeLessThan(1024 * 1024);
    const inst = await buildInstitution(t);
    const m = await measured(() => upload(admin, `/api/institutions/${inst.id}/logo`, 'besar.png', hugePng));
    console.info(
      `14,000 x 14,000 PNG (${Math.round(hugePng.length / 1024)} KB): ${m.ms} ms, rss +${m.rssMb} MB, heap+buffers +${m.heapMb} MB`,
    );
    expect(m.result.statusCode).toBe(400);
    expect(errorMessage(m.result)).toContain('Logo terlalu besar: 14.000 x 14.000 piksel');
    expect(m.rssMb).toBeLessThan(bounds.imageRssMb);
    expect(m.heapMb).toBeLessThan(bounds.imageHeapMb);
    expect(m.ms).toBeLessThan(bounds.ms);
    const settingsLogo = await upload(admin, '/api/settings/organisation/logo', 'besar.png', hugePng);
    expect(settingsLogo.statusCode).toBe(400);
  });

  it('stores a normalised copy: at most 1,000 px, EXIF dropped, the same kind of image', async () => {
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#246' } })
      .withExif({ IFD0: { Artist: 'Rahasia Pemotret', Copyright: 'lokasi -0.95,100.35' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload(admin, '/api/settings/organisation/logo', 'foto.jpg', photo);
    expect(res.statusCode, res.body).toBe(200);
    const stored = (await admin.request('GET', '/api/settings/organisation/logo')).rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1000, height: 667 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Rahasia Pemotret'))).toBe(false);
  });

  it('prints KAK documents without the logo when a stored logo does not decode, instead of failing', async () => {
    // A file stored before uploads were decoded (or restored from an old backup).
    const [bad] = await t.database.db
      .insert(files)
      .values({ name: 'lama.png', mime: 'image/png', size: corruptPng.length, sha256: 'lama', content: corruptPng })
      .returning();
    const current = (await admin.request('GET', '/api/settings/organisation')).json();
    const value = { ...current, logoFileId: bad!.id };
    await t.database.db
      .insert(settings)
      .values({ key: 'organisation', value })
      .onConflictDoUpdate({ target: settings.key, set: { value } });
    const { session: committee } = await sessionFor(t, 'committee');
    const created = await committee.request('POST', '/api/activities', buildActivityInput());
    expect(created.statusCode, created.body).toBe(201);
    const pdf = await committee.request('GET', `/api/activities/${created.json().id}/kak.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});
