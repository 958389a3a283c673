import { and, eq, like, ne, or } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { ConflictError, ValidationError } from '../../core/errors';
import { hostileMarkup, isBlankRichText, richTextToPlain, sanitizeRichText } from '../../core/richText';
import { releases } from '../../db/schema/index';
import { releaseLimits, slugify } from '../../../shared/releaseStates';

/** Where release images and attachments are served (modules/releases/media.ts). */
export const mediaPrefix = '/media/rilis/';

/**
 * Cleans a body for storage: refuses scripts and script links, sanitises with the one rich-text subset (images only
 * from our media route), keeps only images that belong to this release, and checks the size limit.
 */
export function cleanBody(raw: string, allowedFileIds: ReadonlySet<string>): { body: string; bodyText: string } {
  const hostile = hostileMarkup(raw, 'Isi rilis');
  if (hostile) throw new ValidationError(hostile, { body: hostile });
  let body = sanitizeRichText(raw, { imagePathPrefix: mediaPrefix });
  body = body.replace(/<img\b[^>]*>/g, (tag) => {
    const src = /\ssrc="([^"]*)"/.exec(tag)?.[1] ?? '';
    const id = src.slice(mediaPrefix.length).split('/')[0] ?? '';
    return allowedFileIds.has(id) ? tag : '';
  });
  if (body.length > releaseLimits.bodyMaxChars) {
    const message = `Isi rilis terlalu panjang: ${body.length.toLocaleString('id-ID')} karakter, maksimal ${releaseLimits.bodyMaxChars.toLocaleString('id-ID')}. Bagi menjadi beberapa rilis atau jadikan lampiran.`;
    throw new ValidationError(message, { body: message });
  }
  const bodyText = isBlankRichText(body) ? '' : richTextToPlain(body);
  return { body: isBlankRichText(body) && !/<img\b/.test(body) ? '' : body, bodyText };
}

export function tagSlugsOf(tags: readonly string[]): string[] {
  return tags.map((t) => slugify(t, 60) || 'tag');
}

/**
 * A unique slug. A slug the writer chose that another release holds is refused (409, `fields.slug`); one made
 * from the title gets -2, -3 ... appended until it is free.
 */
export async function uniqueSlug(ctx: Ctx, wanted: { slug?: string | null; title: string }, exceptId?: string): Promise<string> {
  const taken = async (slug: string) =>
    ctx.db
      .select({ slug: releases.slug })
      .from(releases)
      .where(and(or(eq(releases.slug, slug), like(releases.slug, `${slug}-%`)), exceptId ? ne(releases.id, exceptId) : undefined));
  if (wanted.slug) {
    const rows = await taken(wanted.slug);
    if (rows.some((r) => r.slug === wanted.slug)) {
      const message = `Slug "${wanted.slug}" sudah dipakai rilis lain. Pilih slug lain atau kosongkan agar dibuat dari judul.`;
      throw new ConflictError(message, { slug: message });
    }
    return wanted.slug;
  }
  const base = slugify(wanted.title, releaseLimits.slugMax - 6) || 'rilis';
  const used = new Set((await taken(base)).map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
