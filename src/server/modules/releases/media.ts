import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { can } from '../../core/policy';
import type { Db } from '../../db/client';
import { files, releaseAttachments, releaseFiles, releaseImages, releases } from '../../db/schema/index';
import { mediaPrefix } from './content';
import { isPubliclyVisible } from './visibility';

export type ImageVariant = { width: number; height: number; mime: string; fileId: string };

const extensions: Record<string, string> = {
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** A file name safe for a URL path segment. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 100);
  return cleaned || 'berkas';
}

/** The public URL of a release's file: `/media/rilis/<fileId>/<name>`. */
export function mediaUrl(fileId: string, name: string): string {
  return `${mediaPrefix}${fileId}/${encodeURIComponent(safeFileName(name))}`;
}

export function variantName(base: string, v: { width: number; mime: string }): string {
  return `${base}-${v.width}.${extensions[v.mime] ?? 'bin'}`;
}

/** Stores one file of a release inside the caller's transaction (and records it in release_files). */
export async function storeReleaseFile(
  ctx: Ctx,
  releaseId: string,
  file: { name: string; mime: string; content: Buffer },
): Promise<string> {
  const [stored] = await ctx.db
    .insert(files)
    .values({
      name: file.name.slice(0, 200),
      mime: file.mime,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
    })
    .returning({ id: files.id });
  await ctx.db.insert(releaseFiles).values({ fileId: stored!.id, releaseId });
  return stored!.id;
}

/** Deletes files of a release (after the rows that used them are gone). */
export async function deleteReleaseFiles(ctx: Ctx, fileIds: string[]): Promise<void> {
  if (!fileIds.length) return;
  await ctx.db.delete(releaseFiles).where(inArray(releaseFiles.fileId, fileIds));
  await ctx.db.delete(files).where(inArray(files.id, fileIds));
}

export type PublicImage = {
  id: string;
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number;
  height: number;
  /** Original-format URL of the 960 px variant (or the largest below it). */
  src: string;
  srcsetWebp: string;
  srcsetOriginal: string;
  variants: { width: number; height: number; mime: string; url: string }[];
};

type ImageRow = typeof releaseImages.$inferSelect;

export function imageBaseName(row: Pick<ImageRow, 'id'>): string {
  return `gambar-${row.id.slice(0, 8)}`;
}

/** URLs and srcsets of an image row, for the portal and the API. */
export function presentImage(row: ImageRow): PublicImage & { url: string; mime: string; position: number } {
  const base = imageBaseName(row);
  const variants = ((row.variants as ImageVariant[]) ?? []).map((v) => ({
    width: v.width,
    height: v.height,
    mime: v.mime,
    url: mediaUrl(v.fileId, variantName(base, v)),
  }));
  const ofMime = (webp: boolean) => variants.filter((v) => (v.mime === 'image/webp') === webp).sort((a, b) => a.width - b.width);
  const srcset = (list: typeof variants) => list.map((v) => `${v.url} ${v.width}w`).join(', ');
  const originals = ofMime(false);
  const main = originals.filter((v) => v.width <= 960).at(-1) ?? originals[0];
  const url = mediaUrl(row.fileId, `${base}.${extensions[row.mime] ?? 'bin'}`);
  return {
    id: row.id,
    position: row.position,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    width: row.width,
    height: row.height,
    mime: row.mime,
    url,
    src: main?.url ?? url,
    srcsetWebp: srcset(ofMime(true)),
    srcsetOriginal: srcset(originals),
    variants,
  };
}

/** The images of these releases, by release id, in order ([0] is the cover). No visibility check: pass public ids. */
export async function loadPublicImages(db: Db, releaseIds: string[]): Promise<Map<string, PublicImage[]>> {
  const out = new Map<string, PublicImage[]>();
  if (!releaseIds.length) return out;
  const rows = await db
    .select()
    .from(releaseImages)
    .where(inArray(releaseImages.releaseId, releaseIds))
    .orderBy(asc(releaseImages.releaseId), asc(releaseImages.position), asc(releaseImages.createdAt));
  for (const row of rows) {
    const list = out.get(row.releaseId) ?? [];
    const { url: _url, mime: _mime, position: _position, ...image } = presentImage(row);
    list.push(image);
    out.set(row.releaseId, list);
  }
  return out;
}

export type PublicAttachment = { name: string; title: string | null; mime: string; size: number; url: string };

export async function loadPublicAttachments(db: Db, releaseIds: string[]): Promise<Map<string, PublicAttachment[]>> {
  const out = new Map<string, PublicAttachment[]>();
  if (!releaseIds.length) return out;
  const rows = await db
    .select()
    .from(releaseAttachments)
    .where(inArray(releaseAttachments.releaseId, releaseIds))
    .orderBy(asc(releaseAttachments.releaseId), asc(releaseAttachments.position), asc(releaseAttachments.createdAt));
  for (const row of rows) {
    const list = out.get(row.releaseId) ?? [];
    list.push({ name: row.name, title: row.title, mime: row.mime, size: row.size, url: mediaUrl(row.fileId, row.name) });
    out.set(row.releaseId, list);
  }
  return out;
}

/**
 * A release's file for GET /media/rilis/<fileId>/<name>: public when its release is public (cacheable for a year:
 * files never change, a new upload is a new id); otherwise only for a signed-in actor who may read the release
 * (writers' and editors' preview), never cached. Anything else is "not found".
 */
export async function readReleaseMedia(
  ctx: Pick<Ctx, 'db'>,
  fileId: string,
  actorFor: () => Promise<Ctx['actor']>,
): Promise<{ mime: string; content: Buffer; sha256: string; public: boolean } | null> {
  const [row] = await ctx.db
    .select({
      status: releases.status,
      publishAt: releases.publishAt,
      institutionId: releases.institutionId,
      authorId: releases.authorId,
      mime: files.mime,
      content: files.content,
      sha256: files.sha256,
    })
    .from(releaseFiles)
    .innerJoin(releases, eq(releases.id, releaseFiles.releaseId))
    .innerJoin(files, eq(files.id, releaseFiles.fileId))
    .where(and(eq(releaseFiles.fileId, fileId)));
  if (!row?.content) return null;
  if (isPubliclyVisible(row)) return { mime: row.mime, content: row.content, sha256: row.sha256, public: true };
  const actor = await actorFor();
  if (!can(actor, 'release.read', { type: 'release', institutionId: row.institutionId, ownerId: row.authorId })) return null;
  return { mime: row.mime, content: row.content, sha256: row.sha256, public: false };
}
