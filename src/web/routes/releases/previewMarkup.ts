import type { Lang } from '../../i18n';
import { releaseTexts } from './texts';
import { formatDateTime } from '../../format';

/** What the live preview shows: the form's values and what the server already holds (images, attachments). */
export type PreviewData = {
  title: string;
  summary: string;
  /** The body as the server's sanitiser returns it (POST /api/releases/preview). */
  bodyHtml: string;
  institutionName: string;
  categoryLabel: string;
  tags: string[];
  releaseNumber: string;
  contact: { name: string; position?: string; phone: string; email: string };
  images: { url: string; alt: string; caption: string | null; credit: string | null; width?: number; height?: number }[];
  attachments: { name: string; url: string }[];
  publishAt: string | null;
  correctedAt?: string | null;
  correctionNote?: string | null;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The article fragment with the portal's markup and class names (`article.release`, `.release-meta`,
 * `.release-summary`, `figure.release-figure`, `.release-body`, `.release-updated`), for the preview frame that
 * loads the portal's stylesheet. Everything is escaped except the body, which the server has sanitised.
 */
export function previewArticle(d: PreviewData, lang: Lang): string {
  const p = releaseTexts(lang).preview;
  const [cover, ...more] = d.images;
  const figure = (img: PreviewData['images'][number]) =>
    `<figure class="release-figure"><img src="${esc(img.url)}" alt="${esc(img.alt)}"${
      img.width && img.height ? ` width="${img.width}" height="${img.height}"` : ''
    }>${
      img.caption || img.credit
        ? `<figcaption>${esc(img.caption ?? '')}${img.credit ? ` <span class="credit">${esc(img.credit)}</span>` : ''}</figcaption>`
        : ''
    }</figure>`;
  const meta = [d.institutionName, d.categoryLabel, d.publishAt ? formatDateTime(d.publishAt, lang) : '']
    .filter(Boolean)
    .map(esc)
    .join(' · ');
  const c = d.contact;
  const contact = [c.name, c.position ?? '', c.phone, c.email].filter(Boolean).map(esc).join(' · ');
  const updated = d.correctedAt
    ? `<p class="release-updated">${esc(p.updatedAt(formatDateTime(d.correctedAt, lang)))}${d.correctionNote ? `: ${esc(d.correctionNote)}` : ''}</p>`
    : '';
  return [
    '<article class="release">',
    `<p class="release-meta">${meta}</p>`,
    `<h1>${esc(d.title || p.untitled)}</h1>`,
    d.summary ? `<p class="release-summary">${esc(d.summary)}</p>` : '',
    updated,
    cover ? figure(cover) : '',
    `<div class="release-body">${d.bodyHtml}</div>`,
    more.map(figure).join(''),
    d.attachments.length
      ? `<ul class="release-attachments">${d.attachments.map((a) => `<li><a href="${esc(a.url)}">${esc(a.name)}</a></li>`).join('')}</ul>`
      : '',
    d.releaseNumber ? `<p class="release-number">${esc(p.number)}: ${esc(d.releaseNumber)}</p>` : '',
    contact ? `<p class="release-contact">${esc(p.contact)}: ${contact}</p>` : '',
    d.tags.length ? `<p class="release-tags">${d.tags.map((tag) => `<span>#${esc(tag)}</span>`).join(' ')}</p>` : '',
    '</article>',
  ].join('');
}
