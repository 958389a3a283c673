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

/** The shell every public page shares: head, header with navigation, main landmark and footer. */
export function publicLayout(opts: { lang: PublicLang; title: string; description: string; main: SafeHtml; now?: Date }): SafeHtml {
  const t = texts[opts.lang];
  return html`<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<meta name="description" content="${opts.description}">
<link rel="stylesheet" href="${stylesheet.href}">
<link rel="icon" type="image/svg+xml" href="${favicon.href}">
<link rel="alternate" hreflang="id" href="/">
<link rel="alternate" hreflang="en" href="/?lang=en">
</head>
<body>
<a class="skip" href="#isi">${t.skip}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="${opts.lang === 'en' ? '/?lang=en' : '/'}">Simpul</a>
<nav aria-label="${t.navLabel}">
<ul class="nav">
<li><a href="#anggota">${t.navMembers}</a></li>
<li><a href="${t.otherLang.href}" lang="${t.otherLang.lang}" hreflang="${t.otherLang.lang}">${t.otherLang.label}</a></li>
<li><a class="button" href="/app/login">${t.login}</a></li>
</ul>
</nav>
</div>
</header>
<main id="isi">
${opts.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${t.footerOrganiser}</p>
<p>&copy; ${yearInJakarta(opts.now ?? new Date())} ${organiser}</p>
</div>
</footer>
</body>
</html>
`;
}
