import { loadPublicAttachments, loadPublicImages, type PublicImage } from '../../modules/releases/media';
import type { Db } from '../../db/client';
import { type ReleaseCategory, releaseCategories } from '../../../shared/releaseStates';
import { renderIntro } from '../homePage';
import { html, raw } from '../html';
import { type FeedLink, publicLayout } from '../layout';
import { organiser, texts, type PublicLang } from '../texts';
import { type Cursor, listReleases, type Page, type PortalInstitution, type PublicRelease, type ReleaseCard, searchReleases } from './data';
import { homeLists } from './homeData';
import { renderReleaseArticle } from './releaseArticle';
import { breadcrumb, cardList, categoryName, jsonLd, pager } from './templates';

export const pageSize = 20;
const siteName = 'Simpul · Forum Kehumasan Sumatera Barat';

export type Rendered = { body: string; lastModified: Date; tags: string[] };

function newest(cards: ReleaseCard[]): Date {
  return new Date(Math.max(0, ...cards.map((c) => Math.max(c.updatedAt.getTime(), c.publishAt.getTime()))) || Date.now());
}

function feedLinks(base: string, title: string): FeedLink[] {
  return [
    { type: 'application/rss+xml', href: `${base}/feed.xml`, title: `${title} (RSS)` },
    { type: 'application/atom+xml', href: `${base}/atom.xml`, title: `${title} (Atom)` },
    { type: 'application/feed+json', href: `${base}/feed.json`, title: `${title} (JSON Feed)` },
  ];
}

async function covers(db: Db, cards: ReleaseCard[]): Promise<Map<string, PublicImage[]>> {
  return loadPublicImages(
    db,
    cards.map((c) => c.id),
  );
}

/** The portal's home: introduction, featured releases, the latest, and the newest of each category. */
export async function renderHome(db: Db, lang: PublicLang, baseUrl: string): Promise<Rendered> {
  const t = texts[lang];
  const en = lang === 'en';
  const { featured, latest, perCategory } = await homeLists(db, { featured: 3, latest: 9, perCategory: 3 });
  const all = [...featured, ...latest.items, ...[...perCategory.values()].flat()];
  const images = await covers(db, all);
  const main = html`${renderIntro(lang)}
${
  featured.length
    ? html`<section class="releases-section" aria-labelledby="rilis-pilihan"><div class="wrap">
<h2 id="rilis-pilihan">${en ? 'Featured' : 'Pilihan redaksi'}</h2>
${cardList(featured, images)}
</div></section>`
    : null
}
<section class="releases-section" aria-labelledby="rilis-terbaru"><div class="wrap">
<h2 id="rilis-terbaru">${en ? 'Latest releases' : 'Rilis terbaru'}</h2>
${latest.items.length ? cardList(latest.items, images) : html`<p>${en ? 'No releases have been published yet.' : 'Belum ada rilis yang diterbitkan.'}</p>`}
${latest.next ? html`<p><a href="/rilis">${en ? 'All releases' : 'Semua rilis'} »</a></p>` : null}
</div></section>
${
  perCategory.size
    ? html`<section class="releases-section" aria-labelledby="per-kategori"><div class="wrap">
<h2 id="per-kategori">${en ? 'By category' : 'Menurut kategori'}</h2>
${[...perCategory.entries()].map(
  ([
    category,
    cards,
  ]) => html`<section aria-labelledby="kat-${category}"><h3 id="kat-${category}"><a href="/kategori/${category}">${categoryName(category)}</a></h3>
<ul>${cards.map((c) => html`<li><a href="${c.path}">${c.title}</a> <span class="meta">${c.institution.shortName || c.institution.name}</span></li>`)}</ul></section>`,
)}
</div></section>`
    : null
}
<section class="releases-section" aria-labelledby="anggota-tautan"><div class="wrap">
<h2 id="anggota-tautan">${t.membersTitle}</h2>
<p><a href="${en ? '/anggota?lang=en' : '/anggota'}">${en ? 'The member institutions of the forum' : 'Daftar lembaga anggota forum'}</a> · <a href="/lembaga">${en ? 'Releases by institution' : 'Rilis menurut lembaga'}</a></p>
</div></section>`;
  const body = publicLayout({
    lang,
    title: t.forumName,
    description: t.description,
    main,
    path: '/',
    baseUrl,
    bilingual: true,
    feeds: feedLinks('', 'Rilis Simpul'),
  }).value;
  return { body, lastModified: newest(all), tags: ['lists', 'members'] };
}

export type ListKind =
  | { kind: 'all' }
  | { kind: 'institution'; institution: PortalInstitution }
  | { kind: 'category'; category: ReleaseCategory }
  | { kind: 'tag'; slug: string; name: string };

function listTitle(kind: ListKind): { title: string; path: string; feedBase: string | null; crumb: string } {
  switch (kind.kind) {
    case 'all':
      return { title: 'Semua rilis', path: '/rilis', feedBase: '', crumb: 'Rilis' };
    case 'institution':
      return {
        title: `Rilis ${kind.institution.name}`,
        path: `/lembaga/${kind.institution.slug}`,
        feedBase: `/lembaga/${kind.institution.slug}`,
        crumb: kind.institution.name,
      };
    case 'category':
      return {
        title: `Rilis kategori ${categoryName(kind.category)}`,
        path: `/kategori/${kind.category}`,
        feedBase: `/kategori/${kind.category}`,
        crumb: categoryName(kind.category),
      };
    case 'tag':
      return { title: `Rilis bertag “${kind.name}”`, path: `/tag/${kind.slug}`, feedBase: null, crumb: `#${kind.name}` };
  }
}

/** A list page (all releases, one institution, one category, one tag), by keyset page. */
export async function renderList(db: Db, kind: ListKind, after: Cursor | null, baseUrl: string): Promise<Rendered> {
  const filter =
    kind.kind === 'institution'
      ? { institutionId: kind.institution.id }
      : kind.kind === 'category'
        ? { category: kind.category }
        : kind.kind === 'tag'
          ? { tagSlug: kind.slug }
          : {};
  const page = await listReleases(db, filter, { after, limit: pageSize });
  const images = await covers(db, page.items);
  const info = listTitle(kind);
  const feeds = info.feedBase !== null ? feedLinks(info.feedBase, info.title) : [];
  const main = html`<div class="wrap page-section">
${breadcrumb([{ href: '/', label: 'Beranda' }, ...(kind.kind === 'all' ? [] : [{ href: '/rilis', label: 'Rilis' }]), { label: info.crumb }])}
<h1>${info.title}${after ? ' (lanjutan)' : ''}</h1>
${kind.kind === 'institution' && kind.institution.website ? html`<p class="meta">Situs resmi: <a href="${kind.institution.website}" rel="noopener">${kind.institution.website}</a></p>` : null}
${feeds.length ? html`<p class="feeds">Ikuti: <a href="${info.feedBase}/feed.xml">RSS</a> · <a href="${info.feedBase}/atom.xml">Atom</a> · <a href="${info.feedBase}/feed.json">JSON Feed</a></p>` : null}
${page.items.length ? cardList(page.items, images, { level: 2, showCategory: kind.kind !== 'category' }) : html`<p>Belum ada rilis di sini.</p>`}
${pager(info.path, page.next, !after)}
</div>`;
  const tags = ['lists'];
  if (kind.kind === 'institution') tags.push(`institution:${kind.institution.id}`);
  if (kind.kind === 'category') tags.push(`category:${kind.category}`);
  const body = publicLayout({
    lang: 'id',
    title: `${info.title} · ${siteName}`,
    description: `${info.title} di portal rilis Forum Koordinasi Kehumasan Provinsi Sumatera Barat.`,
    main,
    path: after ? `${info.path}?sebelum=${encodeURIComponent(`${after.us}.${after.id}`)}` : info.path,
    baseUrl,
    feeds,
  }).value;
  return { body, lastModified: newest(page.items), tags };
}

/** The institutions that publish (/lembaga), grouped by nothing: a plain alphabetical list with links. */
export function renderInstitutionIndex(list: PortalInstitution[], baseUrl: string): Rendered {
  const main = html`<div class="wrap page-section">
${breadcrumb([{ href: '/', label: 'Beranda' }, { label: 'Lembaga' }])}
<h1>Rilis menurut lembaga</h1>
<ul class="members">${list.map((i) => html`<li><a href="/lembaga/${i.slug}">${i.name}</a></li>`)}</ul>
<h2>Menurut kategori</h2>
<ul class="tags">${releaseCategories.map((c) => html`<li><a href="/kategori/${c}">${categoryName(c)}</a></li>`)}</ul>
</div>`;
  const body = publicLayout({
    lang: 'id',
    title: `Lembaga · ${siteName}`,
    description: 'Rilis menurut lembaga anggota Forum Koordinasi Kehumasan Provinsi Sumatera Barat.',
    main,
    path: '/lembaga',
    baseUrl,
  }).value;
  return { body, lastModified: new Date(), tags: ['lists', 'members'] };
}

/** Search results (never cached: the query space has no end). */
export async function renderSearch(db: Db, q: string, after: Cursor | null, baseUrl: string): Promise<string> {
  const page: Page<ReleaseCard> = q.trim() ? await searchReleases(db, q, { after, limit: pageSize }) : { items: [], next: null };
  const images = await covers(db, page.items);
  const main = html`<div class="wrap page-section">
<h1>${q.trim() ? html`Hasil pencarian “${q.trim()}”` : 'Cari rilis'}</h1>
<form class="search" role="search" action="/cari" method="get">
<label for="cari-halaman">Kata kunci</label>
<input id="cari-halaman" name="q" type="search" maxlength="200" value="${q}">
<button type="submit">Cari</button>
</form>
<p class="meta">Gunakan tanda kutip untuk frasa persis ("dana desa") dan tanda minus untuk mengecualikan kata (-banjir).</p>
${q.trim() ? (page.items.length ? cardList(page.items, images, { level: 2 }) : html`<p>Tidak ada rilis yang cocok.</p>`) : null}
${pager('/cari', page.next, !after, { q })}
</div>`;
  return publicLayout({
    lang: 'id',
    title: `Cari rilis · ${siteName}`,
    description: 'Cari rilis dan siaran pers lembaga anggota Forum Kehumasan Sumatera Barat.',
    main,
    path: '/cari',
    baseUrl,
    query: q,
  }).value;
}

/** A release page: the article, with NewsArticle JSON-LD, Open Graph, a Twitter card and the canonical URL. */
export async function renderReleasePage(
  db: Db,
  release: PublicRelease,
  institution: PortalInstitution | null,
  baseUrl: string,
): Promise<Rendered> {
  const [images, attachments] = await Promise.all([loadPublicImages(db, [release.id]), loadPublicAttachments(db, [release.id])]);
  const list = images.get(release.id) ?? [];
  const url = `${baseUrl}${release.path}`;
  const description = release.summary || release.bodyText.slice(0, 200);
  const modified = release.correctedAt ?? release.updatedAt;
  const cover = list[0];
  const abs = (u: string) => (u.startsWith('http') ? u : `${baseUrl}${u}`);
  const institutionPath = institution ? `/lembaga/${institution.slug}` : null;
  const head = html`<meta property="og:type" content="article">
<meta property="og:site_name" content="${siteName}">
<meta property="og:locale" content="id_ID">
<meta property="og:title" content="${release.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
${cover ? html`<meta property="og:image" content="${abs(cover.src)}">\n<meta property="og:image:alt" content="${cover.alt}">\n` : null}<meta property="article:published_time" content="${release.publishAt.toISOString()}">
<meta property="article:modified_time" content="${modified.toISOString()}">
<meta property="article:section" content="${categoryName(release.category)}">
${release.tags.map((t) => html`<meta property="article:tag" content="${t}">\n`)}<meta name="twitter:card" content="${cover ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${release.title}">
<meta name="twitter:description" content="${description}">
${cover ? html`<meta name="twitter:image" content="${abs(cover.src)}">\n<meta name="twitter:image:alt" content="${cover.alt}">\n` : null}${jsonLd(
  {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: release.title.slice(0, 110),
    description,
    inLanguage: 'id',
    datePublished: release.publishAt.toISOString(),
    dateModified: modified.toISOString(),
    articleSection: categoryName(release.category),
    keywords: release.tags.join(', ') || undefined,
    image: list.length ? list.map((i) => abs(i.src)) : undefined,
    author: { '@type': 'Organization', name: release.institution.name, url: institutionPath ? `${baseUrl}${institutionPath}` : undefined },
    publisher: { '@type': 'Organization', name: organiser, url: baseUrl, logo: { '@type': 'ImageObject', url: `${baseUrl}/favicon.svg` } },
  },
)}`;
  const main = html`<div class="wrap page-section">
${breadcrumb([
  { href: '/', label: 'Beranda' },
  { href: '/rilis', label: 'Rilis' },
  { href: `/kategori/${release.category}`, label: categoryName(release.category) },
])}
${raw(renderReleaseArticle({ ...release, institutionPath, images: list, attachments: attachments.get(release.id) ?? [] }))}
</div>`;
  const body = publicLayout({
    lang: 'id',
    title: `${release.title} · ${siteName}`,
    description,
    main,
    path: release.path,
    baseUrl,
    head,
  }).value;
  return {
    body,
    lastModified: new Date(Math.max(release.updatedAt.getTime(), release.publishAt.getTime())),
    tags: [`release:${release.id}`],
  };
}
