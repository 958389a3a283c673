import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/testApp';
import { institutions } from '../db/schema/directory';
import { escapeHtml, html, safeExternalUrl } from './html';

let t: TestApp;

type Seed = { name: string; category: string; shortName?: string; regionCode?: string; website?: string; phone?: string; active?: boolean };
const seed: Seed[] = [
  { name: 'Kota Padang', category: 'regency_city', regionCode: '13.71', website: 'https://padang.go.id', phone: '+6275172590' },
  { name: 'Kabupaten Agam', category: 'regency_city', regionCode: '13.06', website: 'agamkab.go.id' },
  { name: 'Kabupaten Pesisir Selatan', category: 'regency_city', regionCode: '13.01' },
  { name: 'Universitas Andalas', shortName: 'Unand', category: 'university', website: 'https://www.unand.ac.id' },
  { name: 'Universitas Negeri Padang', shortName: 'UNP', category: 'university', phone: '+6281234567890' },
  { name: 'Bank Nagari', category: 'bumd', website: 'javascript:alert(2)' },
  { name: '<script>alert(1)</script>', category: 'bumn' },
  { name: 'Badan Lama Yang Dibubarkan', category: 'vertical_agency', active: false },
];

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.insert(institutions).values(seed.map((s) => ({ ...s, active: s.active ?? true, searchText: s.name.toLowerCase() })));
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** The text of each category section, in page order, keyed by its heading. */
function sections(body: string): { heading: string; items: string[] }[] {
  return [...body.matchAll(/<section class="category"[\s\S]*?<h2[^>]*>([\s\S]*?)<\/h2>([\s\S]*?)<\/section>/g)].map((m) => ({
    heading: m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    items: [...m[2]!.matchAll(/<span class="name">([\s\S]*?)<\/span>/g)].map((i) => i[1]!),
  }));
}

describe('public home page and member list', () => {
  it('names the forum in Indonesian and is cacheable for a minute, then stale while revalidating', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(res.body).toContain('<html lang="id">');
    expect(res.body).toContain('<h1 id="judul">Forum Koordinasi Kehumasan Provinsi Sumatera Barat</h1>');
    expect(res.body).toContain('Media penyebarluasan informasi');
    expect(res.body).toMatch(/<a class="button" href="\/app\/login">Masuk<\/a>/);
    expect(res.body).toContain('Biro Humas Setda Provinsi Sumatera Barat');
    expect(res.body).toMatch(/<main id="isi">/);
    expect(res.body).not.toContain('<script');
    expect(res.body).toMatch(/<a href="\/anggota">Anggota<\/a>/);
  });

  it('lists active members grouped by category, regencies and cities by region code, others by name', async () => {
    const body = (await get('/anggota')).body;
    const found = sections(body);
    expect(found.map((s) => s.heading)).toEqual([
      'Pemerintah Kabupaten/Kota 3 lembaga',
      'Perguruan Tinggi 2 lembaga',
      'BUMN 1 lembaga',
      'BUMD 1 lembaga',
    ]);
    expect(found[0]!.items).toEqual(['Kabupaten Pesisir Selatan', 'Kabupaten Agam', 'Kota Padang']);
    expect(found[1]!.items).toEqual(['Universitas Andalas', 'Universitas Negeri Padang']);
    expect(body).toContain('7 lembaga anggota aktif dalam 4 kategori.');
  });

  it('hides inactive institutions', async () => {
    const body = (await get('/anggota')).body;
    expect(body).not.toContain('Badan Lama Yang Dibubarkan');
    expect(body).not.toContain('Badan/Lembaga Vertikal');
  });

  it('links websites with rel="noopener" and refuses script URLs', async () => {
    const body = (await get('/anggota')).body;
    expect(body).toContain('href="https://padang.go.id/" rel="noopener"');
    expect(body).toContain('href="https://agamkab.go.id/" rel="noopener"');
    expect(body).not.toContain('javascript:');
  });

  it('escapes names taken from the database', async () => {
    const body = (await get('/anggota')).body;
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>alert(1)</script>');
  });

  it('answers in English with ?lang=en and falls back to Indonesian for an unknown language', async () => {
    const en = await get('/?lang=en');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('West Sumatra Province Public Relations Coordination Forum');
    expect(sections((await get('/anggota?lang=en')).body)[0]!.heading).toBe('Regency/city government 3 institutions');
    expect(en.body).toMatch(/href="\/app\/login">Log in<\/a>/);
    const other = await get('/?lang=fr');
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('<html lang="id">');
  });

  it("shows an institution's phone grouped for reading, with a WhatsApp link only for a mobile number", async () => {
    const body = (await get('/anggota')).body;
    expect(body).toContain('<a href="tel:+6275172590" aria-label="Telepon Kota Padang">+62 751 72590</a></span>');
    expect(body).not.toContain('+6275172590<');
    expect(body).toContain('<a href="tel:+6281234567890" aria-label="Telepon Universitas Negeri Padang">+62 812 3456 7890</a>');
    expect(body).toContain(
      '<a class="wa" href="https://wa.me/6281234567890" rel="noopener" aria-label="WhatsApp Universitas Negeri Padang">WhatsApp</a>',
    );
    expect(body.match(/wa\.me/g)).toHaveLength(1);
  });

  it('links an SVG favicon served with long caching', async () => {
    const body = (await get('/')).body;
    const href = body.match(/<link rel="icon" type="image\/svg\+xml" href="([^"]+)">/)![1]!;
    expect(href).toMatch(/^\/favicon\.svg\?v=[0-9a-f]{12}$/);
    const icon = await get(href);
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(icon.body).toContain('<svg');
    // The SPA links the plain URL; browsers that ask for /favicon.ico are sent to it.
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=604800');
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(301);
    expect(ico.headers.location).toBe(href);
  });

  it('serves its stylesheet with long caching under the hashed URL', async () => {
    const body = (await get('/')).body;
    const href = body.match(/<link rel="stylesheet" href="([^"]+)">/)![1]!;
    const css = await get(href.replace(/&amp;/g, '&'));
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('@media');
  });
});

describe('html helper', () => {
  it('escapes interpolated values but keeps nested templates', () => {
    const name = `"O'Neil" & <b>`;
    expect(html`<p title="${name}">${html`<em>${name}</em>`}</p>`.value).toBe(
      `<p title="${escapeHtml(name)}"><em>&quot;O&#39;Neil&quot; &amp; &lt;b&gt;</em></p>`,
    );
  });

  it('accepts only http(s) website addresses', () => {
    expect(safeExternalUrl('sumbarprov.go.id')?.href).toBe('https://sumbarprov.go.id/');
    expect(safeExternalUrl('JavaScript:alert(1)')).toBeNull();
    expect(safeExternalUrl('data:text/html,x')).toBeNull();
    expect(safeExternalUrl('  ')).toBeNull();
  });
});
