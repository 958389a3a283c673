import type { Ctx } from '../../core/context';
import { loadAuthorized } from '../../core/aggregate';
import { authorize } from '../../core/policy';
import { eq } from 'drizzle-orm';
import { institutions } from '../../db/schema/index';
import { renderReleaseArticle, type ReleaseArticleView } from '../../public/portal/releaseArticle';
import type { previewReleaseInput } from '../../../shared/schemas/releases';
import type { z } from '../../../shared/zod';
import { cleanBody, tagSlugsOf } from './content';
import { loadPublicAttachments, loadPublicImages } from './media';
import { releaseRoot, type ReleaseRow } from './releaseRoot';
import { releaseFileIds } from './writeRelease';

type PreviewInput = z.output<typeof previewReleaseInput>;

/**
 * The writing screen's live preview: the unsaved form rendered exactly as the public page's article (the portal's
 * renderReleaseArticle), with the saved images and attachments of `releaseId` when given. The body goes through
 * the same checks and sanitiser as a save (a script answers 400 here too).
 */
export async function previewRelease(ctx: Ctx, input: PreviewInput) {
  authorize(ctx.actor, 'release.write');
  const saved = input.releaseId ? await loadAuthorized(ctx, releaseRoot, input.releaseId, 'release.read') : null;
  const cleaned = cleanBody(input.body, saved ? await releaseFileIds(ctx, saved.id) : new Set());
  const institutionId = saved?.institutionId ?? ctx.actor.institutionId;
  const tags = input.tags ?? saved?.tags ?? [];
  const html = await renderArticle(ctx, saved, institutionId, {
    title: input.title ?? saved?.title ?? '',
    summary: input.summary ?? saved?.summary ?? '',
    body: cleaned.body,
    category: input.category ?? saved?.category ?? 'pemerintahan',
    tags,
    tagSlugs: tagSlugsOf(tags),
    releaseNumber: input.releaseNumber !== undefined ? input.releaseNumber : (saved?.releaseNumber ?? null),
    contact: (input.contact !== undefined ? input.contact : saved?.contact) as ReleaseArticleView['contact'],
    publishAt: input.publishAt ? new Date(input.publishAt) : (saved?.publishAt ?? null),
  });
  return { html, body: cleaned.body, text: cleaned.bodyText, words: cleaned.bodyText ? cleaned.bodyText.split(/\s+/).length : 0 };
}

/** The public article fragment of a saved release (drafts too), for the SPA's preview "as the public will see it". */
export async function previewArticle(ctx: Ctx, id: string) {
  const row = await loadAuthorized(ctx, releaseRoot, id, 'release.read');
  const html = await renderArticle(ctx, row, row.institutionId, {
    title: row.title,
    summary: row.summary,
    body: row.body,
    category: row.category,
    tags: row.tags,
    tagSlugs: row.tagSlugs,
    releaseNumber: row.releaseNumber,
    contact: row.contact as ReleaseArticleView['contact'],
    publishAt: row.publishAt,
  });
  return { html };
}

type Fields = Pick<ReleaseArticleView, 'title' | 'summary' | 'body' | 'tags' | 'tagSlugs' | 'releaseNumber' | 'contact' | 'publishAt'> & {
  category: string;
};

async function renderArticle(ctx: Ctx, saved: ReleaseRow | null, institutionId: string | null, fields: Fields): Promise<string> {
  const [inst] = institutionId
    ? await ctx.db
        .select({ name: institutions.name, shortName: institutions.shortName })
        .from(institutions)
        .where(eq(institutions.id, institutionId))
    : [];
  const images = saved ? ((await loadPublicImages(ctx.db, [saved.id])).get(saved.id) ?? []) : [];
  const attachments = saved ? ((await loadPublicAttachments(ctx.db, [saved.id])).get(saved.id) ?? []) : [];
  const view = {
    ...fields,
    correctedAt: saved?.correctedAt ?? null,
    correctionNote: saved?.correctionNote ?? null,
    institution: { name: inst?.name ?? 'Biro Humas', shortName: inst?.shortName ?? null },
    institutionPath: null,
    images,
    attachments,
  } as ReleaseArticleView;
  return renderReleaseArticle(view);
}
