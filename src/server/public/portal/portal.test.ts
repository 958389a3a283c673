import { eq } from 'drizzle-orm';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/testApp';
import { institutions } from '../../db/schema/directory';
import { releases } from '../../db/schema/releases';
import { emitReleaseVisibilityChanged } from '../../modules/releases/events';
import { releasePath } from '../../modules/releases/visibility';
import { releaseCategories } from '../../../shared/releaseStates';
import { stylesheet } from '../layout';
import { homeLists } from './homeData';
import { parseSitemapPart, sitemapPartPath, sitemapParts, streamSitemapPart } from './sitemaps';

let t: TestApp;
let padang: string;
let unand: string;
const base = 'http://simpul.test';
const hour = 3600_000;

type Extra = Partial<typeof releases.$inferInsert>;
let n = 0;
async function addRelease(extra: Extra & { title: string }) {
  n += 1;
  const publishAt = extra.publishAt ?? new Date(Date.UTC(2026, 10, 1, 3, 0) + n * 60_000);
  const [row] = await t.database.db
    .insert(releases)
    .values({
      institutionId: padang,
      status: 'published',
      summary: `Ringkasan ${extra.title}`,
      body: `<p>Isi rilis ${extra.title}. <a href="/rilis">Semua rilis</a></p>`,
      bodyText: `Isi rilis ${extra.title}.`,
      category: 'pemerintahan',
      slug: `rilis-${n}`,
      publishAt,
      firstPublishedAt: publishAt,
      ...extra,
    })
    .returning();
  return row!;
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const changed = (row: typeof releases.$inferSelect, reason: 'publish' | 'update' | 'unpublish' | 'embargo_lift') =>
  emitReleaseVisibilityChanged({
    reason,
    releaseId: row.id,
    slug: row.slug,
    path: releasePath(row),
    institutionId: row.institutionId,
    category: row.category,
    tagSlugs: row.tagSlugs,
    at: new Date(),
  });

let main: typeof releases.$inferSelect;
let embargoed: typeof releases.$inferSelect;

beforeAll(async () => {
  t = await createTestApp();
  const inst = await t.database.db
    .insert(institutions)
    .values([
      {
        name: 'Kota Padang',
        shortName: 'Padang',
        category: 'regency_city',
        active: true,
        searchText: 'kota padang',
        website: 'https://padang.go.id',
      },
      { name: 'Universitas Andalas', shortName: 'Unand', category: 'university', active: true, searchText: 'universitas andalas' },
    ])
    .returning();
  padang = inst[0]!.id;
  unand = inst[1]!.id;
  main = await addRelease({
    title: 'Pemprov Salurkan Bantuan Banjir <Pesisir>',
    summary: 'Bantuan logistik untuk korban banjir di Pesisir Selatan.',
    body: '<h2>Bantuan</h2><p>Gubernur menyerahkan bantuan beras dan selimut kepada korban banjir.</p>',
    bodyText: 'Bantuan. Gubernur menyerahkan bantuan beras dan selimut kepada korban banjir.',
    category: 'kebencanaan',
    tags: ['Banjir', 'Bantuan Sosial'],
    tagSlugs: ['banjir', 'bantuan-sosial'],
    releaseNumber: '012/HUMAS/XI/2026',
    contact: { name: 'Siti Rahma', position: 'Kabag Humas', phone: '+62 751 123456' },
    featured: true,
    correctedAt: new Date('2026-11-02T05:00:00Z'),
    correctionNote: 'Jumlah bantuan diperbaiki menjadi 10 ton.',
  });
  await addRelease({
    title: 'Universitas Andalas Buka Beasiswa',
    institutionId: unand,
    category: 'pendidikan',
    tags: ['Beasiswa'],
    tagSlugs: ['beasiswa'],
  });
  await addRelease({ title: 'Draf Rahasia Jangan Tampil', status: 'draft', publishAt: null, firstPublishedAt: null });
  await addRelease({ title: 'Rilis Ditarik Kembali', status: 'unpublished' });
  embargoed = await addRelease({
    title: 'Rilis Embargo Anggaran Daerah',
    status: 'scheduled',
    publishAt: new Date(Date.now() + 24 * hour),
    firstPublishedAt: new Date(Date.now() + 24 * hour),
    category: 'ekonomi',
    tags: ['Anggaran'],
    tagSlugs: ['anggaran'],
  });
  for (let i = 0; i < 23; i++) await addRelease({ title: `Kegiatan rutin nomor ${i}`, category: 'sosial' });
});
afterAll(() => t.close());

const hidden = ['Draf Rahasia', 'Rilis Ditarik', 'Rilis Embargo'];
function expectNoHidden(body: string) {
  for (const h of hidden) expect(body).not.toContain(h);
}

describe('portal pages', () => {
  it('home: intro, featured, latest and by category, with feeds linked; nothing unpublished', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="id">');
    expect(res.body).toContain('<a class="skip" href="#isi">');
    expect(res.body).toContain('Pilihan redaksi');
    expect(res.body).toContain('Pemprov Salurkan Bantuan Banjir &lt;Pesisir&gt;');
    expect(res.body).toContain(`href="${releasePath(main)}"`);
    expect(res.body).toContain('href="/kategori/pendidikan"');
    expect(res.body).toContain(`<link rel="alternate" type="application/rss+xml" href="${base}/feed.xml"`);
    expect(res.body).toContain('href="/anggota"');
    expectNoHidden(res.body);
  });

  it('the home lists come from one query: featured, latest with a next page, the newest three of each category', async () => {
    const { featured, latest, perCategory } = await homeLists(t.database.db, { featured: 3, latest: 9, perCategory: 3 });
    expect(featured.map((c) => c.title)).toEqual([main.title]);
    expect(latest.items).toHaveLength(9);
    expect(latest.items[0]!.title).toBe('Kegiatan rutin nomor 22');
    expect(latest.next).toBe(latest.items[8]!.cursor);
    // Categories in the portal's order; the embargoed release's category (ekonomi) has nothing public.
    expect([...perCategory.keys()]).toEqual(releaseCategories.filter((c) => ['kebencanaan', 'pendidikan', 'sosial'].includes(c)));
    expect(perCategory.get('sosial')!.map((c) => c.title)).toEqual([
      'Kegiatan rutin nomor 22',
      'Kegiatan rutin nomor 21',
      'Kegiatan rutin nomor 20',
    ]);
    expect(perCategory.get('pendidikan')![0]!.institution.shortName).toBe('Unand');
    expect(perCategory.get('kebencanaan')![0]!.path).toBe(releasePath(main));
  });

  it('release page: article, correction note, JSON-LD, Open Graph, Twitter card, canonical; small and script-free', async () => {
    const path = releasePath(main)!;
    expect(path).toBe('/rilis/2026/11/rilis-1');
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>Pemprov Salurkan Bantuan Banjir &lt;Pesisir&gt;</h1>');
    expect(body).toContain('<h2>Bantuan</h2>');
    expect(body).toMatch(
      /<p class="release-updated"><strong>Diperbarui pada <time datetime="2026-11-02T05:00:00.000Z">2 November 2026 pukul 12\.00 WIB<\/time><\/strong>: Jumlah bantuan diperbaiki menjadi 10 ton\.<\/p>/,
    );
    expect(body).toContain(`<link rel="canonical" href="${base}${path}">`);
    expect(body).toContain(`<meta property="og:url" content="${base}${path}">`);
    expect(body).toContain('<meta property="og:type" content="article">');
    expect(body).toContain('<meta name="twitter:card" content="summary">');
    expect(body).toContain('<meta property="article:tag" content="Banjir">');
    expect(body).toContain('Nomor 012/HUMAS/XI/2026');
    expect(body).toContain('Narahubung');
    expect(body).toContain('href="/tag/bantuan-sosial"');
    const ld = JSON.parse(body.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Pemprov Salurkan Bantuan Banjir <Pesisir>',
      datePublished: main.publishAt!.toISOString(),
      dateModified: '2026-11-02T05:00:00.000Z',
      inLanguage: 'id',
      author: { '@type': 'Organization', name: 'Kota Padang' },
      mainEntityOfPage: { '@id': `${base}${path}` },
    });
    // No script runs on the page: the only <script> is the JSON-LD data block, and "<" never appears inside it.
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]).not.toContain('<');
    expect(Buffer.byteLength(body) + Buffer.byteLength(stylesheet.body)).toBeLessThan(50 * 1024);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(body).not.toMatch(/\sstyle="/);
    expect(res.headers['last-modified']).toBeDefined();
  });

  it('sends a release found under another month to its address, and 404s unknown, draft, unpublished and embargoed ones', async () => {
    const moved = await get('/rilis/2020/01/rilis-1');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/rilis/2026/11/rilis-1');
    for (const path of [
      '/rilis/2026/11/tidak-ada',
      '/rilis/2026/11/rilis-3',
      '/rilis/2026/11/rilis-4',
      releasePath(embargoed)!,
      '/rilis/2026/11/..%2F',
    ]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('Tidak ditemukan');
    }
  });

  it('lists by institution, category and tag, and pages by keyset without repeats', async () => {
    const inst = await get('/lembaga/universitas-andalas');
    expect(inst.statusCode).toBe(200);
    expect(inst.body).toContain('Universitas Andalas Buka Beasiswa');
    expect(inst.body).not.toContain('Kegiatan rutin');
    expect((await get('/lembaga/tidak-ada')).statusCode).toBe(404);
    const cat = await get('/kategori/kebencanaan');
    expect(cat.body).toContain('Pemprov Salurkan Bantuan');
    expect(cat.body).toContain('<link rel="alternate" type="application/atom+xml" href="http://simpul.test/kategori/kebencanaan/atom.xml"');
    expect((await get('/kategori/ekonomi')).body).not.toContain('Rilis Embargo');
    expect((await get('/kategori/bukan-kategori')).statusCode).toBe(404);
    expect((await get('/tag/beasiswa')).body).toContain('Universitas Andalas Buka Beasiswa');
    expect((await get('/tag/anggaran')).statusCode).toBe(404);
    const titles = (body: string) => [...body.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]!);
    const first = await get('/rilis');
    const page1 = titles(first.body);
    expect(page1).toHaveLength(20);
    expect(page1[0]).toBe('Kegiatan rutin nomor 22');
    const next = first.body.match(/<a href="(\/rilis\?sebelum=[^"]+)" rel="next">/)![1]!;
    const second = await get(next.replace(/&amp;/g, '&'));
    const page2 = titles(second.body);
    expect(page2).toEqual([
      'Kegiatan rutin nomor 2',
      'Kegiatan rutin nomor 1',
      'Kegiatan rutin nomor 0',
      'Universitas Andalas Buka Beasiswa',
      'Pemprov Salurkan Bantuan Banjir &lt;Pesisir&gt;',
    ]);
    expect(second.body).not.toContain('rel="next"');
    expect(page1.filter((x) => page2.includes(x))).toEqual([]);
    // A cursor that is not one starts at the top instead of failing.
    expect(titles((await get('/rilis?sebelum=1%27%20or%201=1')).body)[0]).toBe('Kegiatan rutin nomor 22');
  });

  it('searches in Indonesian full text; operators alone find nothing; embargoed releases are never found', async () => {
    const found = await get('/cari?q=bantuan%20banjir');
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('Pemprov Salurkan Bantuan Banjir');
    expect(found.body).not.toContain('Kegiatan rutin');
    expect((await get('/cari?q=%22selimut%22%20-beras')).body).toContain('Tidak ada rilis yang cocok');
    for (const q of ['-', '""', 'OR', '!', '& | !', 'yang dan di']) {
      const res = await get(`/cari?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain('Tidak ada rilis yang cocok');
    }
    expect((await get('/cari?q=anggaran')).body).toContain('Tidak ada rilis yang cocok');
    expect((await get('/cari?q=draf%20rahasia')).body).toContain('Tidak ada rilis yang cocok');
    expect((await get(`/cari?q=${'a'.repeat(300)}`)).statusCode).toBe(200);
  });
});

describe('feeds', () => {
  const parser = new Parser();
  it('RSS 2.0 and Atom parse, with absolute ids and links, newest first, nothing unpublished', async () => {
    for (const url of ['/feed.xml', '/atom.xml']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(url === '/feed.xml' ? 'application/rss+xml' : 'application/atom+xml');
      const feed = await parser.parseString(res.body);
      expect(feed.title).toBe('Rilis Simpul');
      expect(feed.items.length).toBe(25);
      const item = feed.items.find((i) => i.title === 'Pemprov Salurkan Bantuan Banjir <Pesisir>')!;
      expect(item.link).toBe(`${base}/rilis/2026/11/rilis-1`);
      expect(item.guid ?? item.id).toBe(`${base}/rilis/2026/11/rilis-1`);
      expect(new Date(item.isoDate!).getTime()).toBeGreaterThan(0);
      expect(feed.items[0]!.title).toBe('Kegiatan rutin nomor 22');
      expectNoHidden(res.body);
    }
  });

  it('JSON Feed 1.1 has its required fields', async () => {
    const res = await get('/feed.json');
    expect(res.headers['content-type']).toContain('application/feed+json');
    const feed = res.json();
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Rilis Simpul',
      home_page_url: `${base}/`,
      feed_url: `${base}/feed.json`,
      language: 'id',
    });
    expect(feed.authors[0].name).toBe('Biro Humas Setda Provinsi Sumatera Barat');
    const item = feed.items.find((i: { title: string }) => i.title.startsWith('Pemprov'));
    expect(item).toMatchObject({
      id: `${base}/rilis/2026/11/rilis-1`,
      url: `${base}/rilis/2026/11/rilis-1`,
      summary: 'Bantuan logistik untuk korban banjir di Pesisir Selatan.',
      language: 'id',
    });
    expect(item.content_html).toContain('<h2>Bantuan</h2>');
    expect(item.date_published).toBe(main.publishAt!.toISOString());
    expect(item.authors).toEqual([{ name: 'Kota Padang', url: base }]);
    expect(item.tags).toContain('Banjir');
    expectNoHidden(res.body);
  });

  it('per institution and per category, with their own ids', async () => {
    const parser = new Parser();
    const inst = await parser.parseString((await get('/lembaga/universitas-andalas/feed.xml')).body);
    expect(inst.items.map((i) => i.title)).toEqual(['Universitas Andalas Buka Beasiswa']);
    expect(inst.link).toBe(`${base}/lembaga/universitas-andalas`);
    const cat = (await get('/kategori/pendidikan/feed.json')).json();
    expect(cat.feed_url).toBe(`${base}/kategori/pendidikan/feed.json`);
    expect(cat.items).toHaveLength(1);
    expect((await get('/kategori/ekonomi/atom.xml')).body).not.toContain('Embargo');
    expect((await get('/lembaga/tidak-ada/feed.xml')).statusCode).toBe(404);
  });
});

describe('sitemaps and robots.txt', () => {
  it('an index, a pages sitemap, streamed release parts and a Google News sitemap; nothing unpublished', async () => {
    const index = await get('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('application/xml');
    const parts = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(parts.slice(0, 2)).toEqual([`${base}/sitemap-halaman.xml`, `${base}/sitemap-berita.xml`]);
    // One part per month of publication (WIB): every public release of the fixture is from November 2026.
    expect(parts).toEqual([`${base}/sitemap-halaman.xml`, `${base}/sitemap-berita.xml`, `${base}/sitemap-rilis-2026-11.xml`]);
    const part = await get(parts[2]!.replace(base, ''));
    expect(part.statusCode).toBe(200);
    const urls = [...part.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(25);
    expect(urls).toContain(`${base}/rilis/2026/11/rilis-1`);
    expect(part.body).toContain('</urlset>');
    expectNoHidden(part.body);
    expect(part.body).not.toContain('rilis-5<');
    const pages = await get('/sitemap-halaman.xml');
    expect(pages.body).toContain(`<loc>${base}/lembaga/kota-padang</loc>`);
    expect(pages.body).toContain(`<loc>${base}/kategori/kebencanaan</loc>`);
    for (const bad of [
      '/sitemap-rilis-garbage.xml',
      '/sitemap-rilis-2026-13.xml',
      '/sitemap-rilis-2026-11-1.xml',
      '/sitemap-rilis-2026-11',
    ])
      expect((await get(bad)).statusCode, bad).toBe(404);
    const empty = await get('/sitemap-rilis-2019-03.xml');
    expect([...empty.body.matchAll(/<loc>/g)]).toHaveLength(0);
  });

  it('a month over the part size is split into -2, -3... and the parts together hold each release once', async () => {
    const split = await sitemapParts(t.database.db, 10);
    expect(split.map((p) => [sitemapPartPath(p), p.count])).toEqual([
      ['/sitemap-rilis-2026-11.xml', 10],
      ['/sitemap-rilis-2026-11-2.xml', 10],
      ['/sitemap-rilis-2026-11-3.xml', 5],
    ]);
    const urls: string[] = [];
    for (const p of split) {
      let text = '';
      for await (const chunk of streamSitemapPart(t.database.db, base, p, 10)) text += chunk;
      const locs = [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(locs, sitemapPartPath(p)).toHaveLength(p.count);
      expect(text.endsWith('</urlset>\n')).toBe(true);
      urls.push(...locs);
    }
    expect(new Set(urls).size).toBe(25);
    expect(parseSitemapPart('2026-11-2.xml')).toEqual({ month: '2026-11', part: 2 });
    expect(parseSitemapPart('2026-11.xml')).toEqual({ month: '2026-11', part: 1 });
  });

  it('the news sitemap holds the last 48 hours only', async () => {
    const fresh = await addRelease({
      title: 'Berita Hangat Hari Ini',
      publishAt: new Date(Date.now() - hour),
      firstPublishedAt: new Date(Date.now() - hour),
    });
    changed(fresh, 'publish');
    const news = await get('/sitemap-berita.xml');
    expect(news.body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(news.body).toContain('<news:title>Berita Hangat Hari Ini</news:title>');
    expect(news.body).toContain('<news:language>id</news:language>');
    expect(news.body).not.toContain('Kegiatan rutin');
    expectNoHidden(news.body);
  });

  it('robots.txt names the sitemap and keeps crawlers off the app and the API', async () => {
    const res = await get('/robots.txt');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain(`Sitemap: ${base}/sitemap.xml`);
    expect(res.body).toContain('Disallow: /api/');
  });
});

describe('cache invalidation', () => {
  it('an edit shows at once: the cached release page and lists are dropped by the hook', async () => {
    const path = releasePath(main)!;
    const before = await get(path);
    const again = await get(path, { 'if-none-match': before.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect((await get('/')).body).toContain('Pemprov Salurkan Bantuan Banjir');
    await t.database.db.update(releases).set({ title: 'Judul Sudah Dikoreksi', updatedAt: new Date() }).where(eq(releases.id, main.id));
    changed(main, 'update');
    const after = await get(path, { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('<h1>Judul Sudah Dikoreksi</h1>');
    expect((await get('/')).body).toContain('Judul Sudah Dikoreksi');
    expect((await get('/feed.json')).body).toContain('Judul Sudah Dikoreksi');
  });

  it('unpublish removes the page, lists, feeds and sitemaps at once', async () => {
    const row = await addRelease({ title: 'Rilis Yang Akan Ditarik' });
    changed(row, 'publish');
    const path = releasePath(row)!;
    expect((await get(path)).statusCode).toBe(200);
    expect((await get('/feed.xml')).body).toContain('Rilis Yang Akan Ditarik');
    await t.database.db.update(releases).set({ status: 'unpublished', unpublishedAt: new Date() }).where(eq(releases.id, row.id));
    changed(row, 'unpublish');
    expect((await get(path)).statusCode).toBe(404);
    for (const url of ['/', '/rilis', '/feed.xml', '/sitemap-berita.xml'])
      expect((await get(url)).body, url).not.toContain('Rilis Yang Akan Ditarik');
  });

  it('an embargoed release appears when its time comes, even before the hook fires', async () => {
    const soon = new Date(Date.now() + 1500);
    const row = await addRelease({ title: 'Rilis Embargo Singkat', status: 'scheduled', publishAt: soon, firstPublishedAt: soon });
    changed(row, 'update');
    expect((await get('/')).body).not.toContain('Rilis Embargo Singkat');
    expect((await get(releasePath(row)!)).statusCode).toBe(404);
    await new Promise((r) => setTimeout(r, 1700));
    // No hook: the lists were cached only until the next embargo time.
    expect((await get('/')).body).toContain('Rilis Embargo Singkat');
    expect((await get(releasePath(row)!)).statusCode).toBe(200);
    expect((await get('/cari?q=embargo%20singkat')).body).toContain('Rilis Embargo Singkat');
  });
});
