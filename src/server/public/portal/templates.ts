import { formatInstantId } from '../../../shared/dates';
import { type ReleaseCategory, releaseCategoryLabels } from '../../../shared/releaseStates';
import type { PublicImage } from '../../modules/releases/media';
import { html, raw, type SafeHtml } from '../html';
import type { ReleaseCard } from './data';

export const categoryName = (category: ReleaseCategory) => releaseCategoryLabels[category]?.id ?? category;

export function timeTag(at: Date, opts: { time?: boolean } = {}): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${formatInstantId(at, opts)}</time>`;
}

/** `sizes` for a card's cover: one column on a phone, about a third of 72rem on a wide screen. */
const cardSizes = '(max-width: 40rem) 100vw, 24rem';

/** A responsive image: WebP first, the original format as fallback, both with srcset; alt text always. */
export function picture(image: PublicImage, opts: { sizes: string; eager?: boolean }): SafeHtml {
  return html`<picture>${image.srcsetWebp ? html`<source type="image/webp" srcset="${image.srcsetWebp}" sizes="${opts.sizes}">` : null}<img src="${image.src}"${
    image.srcsetOriginal ? html` srcset="${image.srcsetOriginal}" sizes="${opts.sizes}"` : null
  } alt="${image.alt}" width="${image.width}" height="${image.height}"${opts.eager ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`}></picture>`;
}

/** One release in a list: heading level given by the list's place on the page. */
export function releaseCardHtml(card: ReleaseCard, opts: { cover?: PublicImage; level?: 2 | 3; showCategory?: boolean } = {}): SafeHtml {
  const heading = html`<a href="${card.path}">${card.title}</a>`;
  return html`<li class="card${card.featured ? ' featured' : ''}">
${opts.cover ? picture(opts.cover, { sizes: cardSizes }) : null}
${opts.level === 2 ? html`<h2>${heading}</h2>` : html`<h3>${heading}</h3>`}
<p class="meta">${card.institution.shortName || card.institution.name} · ${timeTag(card.publishAt)}${
    opts.showCategory === false ? null : html` · <a href="/kategori/${card.category}">${categoryName(card.category)}</a>`
  }</p>
${card.summary ? html`<p>${card.summary.length > 220 ? `${card.summary.slice(0, 217).trimEnd()}…` : card.summary}</p>` : null}
</li>`;
}

export function cardList(
  cards: ReleaseCard[],
  covers: Map<string, PublicImage[]>,
  opts: { level?: 2 | 3; showCategory?: boolean } = {},
): SafeHtml {
  return html`<ul class="cards">
${cards.map((c) => releaseCardHtml(c, { ...opts, cover: covers.get(c.id)?.[0] }))}
</ul>`;
}

/** "Next page" by keyset: a link to the same list after the last release shown; "first page" once we are past it. */
export function pager(path: string, next: string | null, isFirst: boolean, extra: Record<string, string> = {}): SafeHtml | null {
  if (!next && isFirst) return null;
  const url = (cursor?: string) => {
    const q = new URLSearchParams({ ...extra, ...(cursor ? { sebelum: cursor } : {}) }).toString();
    return q ? `${path}?${q}` : path;
  };
  return html`<nav class="pager" aria-label="Halaman">
${isFirst ? html`<span></span>` : html`<a href="${url()}">« Terbaru</a>`}
${next ? html`<a href="${url(next)}" rel="next">Rilis sebelumnya »</a>` : null}
</nav>`;
}

export function breadcrumb(items: { href?: string; label: string }[]): SafeHtml {
  return html`<nav class="breadcrumb" aria-label="Remah roti"><ol>${items.map((i) =>
    i.href ? html`<li><a href="${i.href}">${i.label}</a></li>` : html`<li aria-current="page">${i.label}</li>`,
  )}</ol></nav>`;
}

/** A JSON-LD block: JSON with "<" escaped so no string can close the script element. */
export function jsonLd(data: unknown): SafeHtml {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  // The JSON is escaped for a script data block above (no "<" survives), so it may be marked safe.
  return raw(`<script type="application/ld+json">${json}</script>\n`);
}
