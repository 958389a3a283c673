import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { cleanBody } from './content';
import { getRelease, releaseFileIds } from './writeRelease';
import { escapeHtml } from '../../public/html';

/** The body exactly as it would be stored (and shown): the writing screen's live preview. */
export async function previewBody(ctx: Ctx, body: string) {
  authorize(ctx.actor, 'release.write');
  // Images are checked against a release when saved; the preview keeps every image of our media route.
  const cleaned = cleanBody(body, { has: () => true } as unknown as Set<string>);
  return { body: cleaned.body, text: cleaned.bodyText, words: cleaned.bodyText ? cleaned.bodyText.split(/\s+/).length : 0 };
}

/**
 * The public article fragment of a release (drafts too), for the SPA's preview "as the public will see it".
 * Until the portal's renderer (src/server/public/portal/releaseArticle.ts) is in, a minimal article with the
 * same class names.
 */
export async function previewArticle(ctx: Ctx, id: string) {
  const r = await getRelease(ctx, id);
  void releaseFileIds;
  const figures = r.images
    .map((i) => {
      const webp = i.variants
        .filter((v) => v.mime === 'image/webp')
        .map((v) => `${v.url} ${v.width}w`)
        .join(', ');
      const orig = i.variants
        .filter((v) => v.mime !== 'image/webp')
        .map((v) => `${v.url} ${v.width}w`)
        .join(', ');
      const caption = [i.caption ? escapeHtml(i.caption) : '', i.credit ? `<span class="credit">${escapeHtml(i.credit)}</span>` : '']
        .filter(Boolean)
        .join(' ');
      return `<figure class="release-figure"><picture><source type="image/webp" srcset="${webp}" sizes="(max-width: 960px) 100vw, 960px"><img src="${i.url}" srcset="${orig}" sizes="(max-width: 960px) 100vw, 960px" alt="${escapeHtml(i.alt)}" width="${i.width}" height="${i.height}" loading="lazy"></picture>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
    })
    .join('');
  const html =
    `<article class="release" lang="id"><h1>${escapeHtml(r.title)}</h1>` +
    `<p class="release-meta">${escapeHtml(r.institution.name)}</p>` +
    (r.summary ? `<p class="release-summary">${escapeHtml(r.summary)}</p>` : '') +
    figures +
    `<div class="release-body">${r.body}</div>` +
    (r.correctionNote ? `<p class="release-updated">${escapeHtml(r.correctionNote)}</p>` : '') +
    '</article>';
  return { html };
}
