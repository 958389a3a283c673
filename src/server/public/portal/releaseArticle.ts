import type { PublicAttachment, PublicImage } from '../../modules/releases/media';
import { html, raw, type SafeHtml } from '../html';
import type { PublicRelease } from './data';
import { categoryName, picture, timeTag } from './templates';

/** What the article shows: the public release with its images and attachments (also the SPA's preview). */
export type ReleaseArticleView = Pick<
  PublicRelease,
  'title' | 'summary' | 'body' | 'category' | 'tags' | 'tagSlugs' | 'releaseNumber' | 'contact' | 'correctedAt' | 'correctionNote'
> & {
  publishAt: Date | null;
  institution: { name: string; shortName: string | null };
  institutionPath?: string | null;
  images: PublicImage[];
  attachments: PublicAttachment[];
};

const figureSizes = '(max-width: 46rem) 100vw, 46rem';

function figure(image: PublicImage, eager: boolean): SafeHtml {
  return html`<figure class="release-figure">${picture(image, { sizes: figureSizes, eager })}${
    image.caption || image.credit
      ? html`<figcaption>${image.caption ?? ''}${image.credit ? html` <span class="credit">Foto: ${image.credit}</span>` : null}</figcaption>`
      : null
  }</figure>`;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The `<article class="release">` of a release page, exactly as the public sees it. The body is the sanitised HTML
 * the releases module stored (core/richText.ts), printed as is; every other value is escaped.
 */
export function renderReleaseArticle(view: ReleaseArticleView): string {
  const [cover, ...more] = view.images;
  const issuer = view.institutionPath ? html`<a href="${view.institutionPath}">${view.institution.name}</a>` : view.institution.name;
  return html`<article class="release" lang="id">
<h1>${view.title}</h1>
<p class="release-meta">${issuer}${view.publishAt ? html` · ${timeTag(view.publishAt, { time: true })}` : null} · <a href="/kategori/${view.category}">${categoryName(view.category)}</a>${
    view.releaseNumber ? html` · Nomor ${view.releaseNumber}` : null
  }</p>
${
  view.correctedAt
    ? html`<p class="release-updated"><strong>Diperbarui pada ${timeTag(view.correctedAt, { time: true })}</strong>${view.correctionNote ? html`: ${view.correctionNote}` : null}</p>`
    : null
}
${view.summary ? html`<p class="release-summary">${view.summary}</p>` : null}
${cover ? figure(cover, true) : null}
<div class="release-body">${raw(view.body)}</div>
${more.map((i) => figure(i, false))}
${view.tags.length ? html`<ul class="tags" aria-label="Tag">${view.tags.map((t, i) => html`<li><a href="/tag/${view.tagSlugs[i] ?? ''}">${t}</a></li>`)}</ul>` : null}
${
  view.contact?.name
    ? html`<section class="release-contact" aria-labelledby="narahubung"><h2 id="narahubung">Narahubung</h2><p>${view.contact.name}${view.contact.position ? html`, ${view.contact.position}` : null}${
        view.contact.phone ? html`<br><a href="tel:${view.contact.phone.replace(/[^+\d]/g, '')}">${view.contact.phone}</a>` : null
      }${view.contact.email ? html`<br><a href="mailto:${view.contact.email}">${view.contact.email}</a>` : null}</p></section>`
    : null
}
${
  view.attachments.length
    ? html`<section class="release-attachments" aria-labelledby="lampiran"><h2 id="lampiran">Lampiran</h2><ul>${view.attachments.map(
        (a) =>
          html`<li><a href="${a.url}">${a.title || a.name}</a> <span class="meta">(${a.mime.split('/')[1]?.toUpperCase() ?? a.mime}, ${size(a.size)})</span></li>`,
      )}</ul></section>`
    : null
}
</article>`.value;
}
