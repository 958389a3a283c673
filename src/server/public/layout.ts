import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { html, type SafeHtml } from './html';
import { organiser, texts, type PublicLang } from './texts';

/** The public pages' stylesheet, read once; its URL carries a content hash so browsers may keep it long. */
export const stylesheet = (() => {
  const body = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'assets/public.css'), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, hash, href: `/public/site.css?v=${hash}` };
})();

/** The site's icon (SVG), read once; like the stylesheet its URL carries a content hash. */
export const favicon = (() => {
  const body = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'assets/favicon.svg'), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, hash, href: `/favicon.svg?v=${hash}` };
})();

function yearInJakarta(now: Date): string {
  return new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(now);
}

export type FeedLink = { type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json'; href: string; title: string };

export type LayoutOptions = {
  lang: PublicLang;
  title: string;
  description: string;
  main: SafeHtml;
  now?: Date;
  /** The page's path ('/', '/anggota', '/rilis/2026/12/judul'); with `baseUrl` it gives the canonical URL. */
  path?: string;
  /** PUBLIC_URL: canonical, Open Graph and feed links are absolute. */
  baseUrl?: string;
  /** The page exists in English too (?lang=en): hreflang alternates and the language link. */
  bilingual?: boolean;
  /** Extra elements for the head (Open Graph, JSON-LD), already escaped. */
  head?: SafeHtml;
  feeds?: FeedLink[];
  /** The header's search box keeps the visitor's query. */
  query?: string;
};

/** The shell every public page shares: head, header with navigation and search, main landmark and footer. */
export function publicLayout(opts: LayoutOptions): SafeHtml {
  const t = texts[opts.lang];
  const path = opts.path ?? '/';
  const base = opts.baseUrl ?? '';
  const withLang = (lang: PublicLang) => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);
  const home = opts.lang === 'en' ? '/?lang=en' : '/';
  const other = opts.lang === 'en' ? 'id' : 'en';
  return html`<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<meta name="description" content="${opts.description}">
<link rel="canonical" href="${base}${withLang(opts.lang)}">
<link rel="stylesheet" href="${stylesheet.href}">
<link rel="icon" type="image/svg+xml" href="${favicon.href}">
${
  opts.bilingual
    ? html`<link rel="alternate" hreflang="id" href="${base}${withLang('id')}">
<link rel="alternate" hreflang="en" href="${base}${withLang('en')}">
`
    : null
}${(opts.feeds ?? []).map(
  (f) => html`<link rel="alternate" type="${f.type}" href="${base}${f.href}" title="${f.title}">
`,
)}${opts.head ?? null}</head>
<body>
<a class="skip" href="#isi">${t.skip}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="${home}">Simpul</a>
<nav aria-label="${t.navLabel}">
<ul class="nav">
<li><a href="/rilis">${t.navReleases}</a></li>
<li><a href="${opts.lang === 'en' ? '/anggota?lang=en' : '/anggota'}">${t.navMembers}</a></li>
${
  opts.bilingual
    ? html`<li><a href="${withLang(other)}" lang="${other}" hreflang="${other}">${t.otherLang.label}</a></li>
`
    : null
}<li><a class="button" href="/app/login">${t.login}</a></li>
</ul>
</nav>
<form class="search" role="search" action="/cari" method="get">
<label for="cari-q">${t.searchLabel}</label>
<input id="cari-q" name="q" type="search" maxlength="200" value="${opts.query ?? ''}">
<button type="submit">${t.searchButton}</button>
</form>
</div>
</header>
<main id="isi">
${opts.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${t.footerOrganiser}</p>
<p><a href="/feed.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/feed.json">JSON Feed</a> · <a href="/sitemap.xml">Sitemap</a></p>
<p>&copy; ${yearInJakarta(opts.now ?? new Date())} ${organiser}</p>
</div>
</footer>
</body>
</html>
`;
}
