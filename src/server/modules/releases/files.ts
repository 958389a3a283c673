import { and, eq, max } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { loadAuthorized, writeAggregate } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { DomainError, NotFoundError, ValidationError } from '../../core/errors';
import type { Upload } from '../../core/upload';
import { releaseAttachments, releaseImages, releases } from '../../db/schema/index';
import { releaseLimits } from '../../../shared/releaseStates';
import type { imageUpdateInput } from '../../../shared/schemas/releases';
import { controlCharacters, type z } from '../../../shared/zod';
import { assertReleaseEditor } from './editors';
import { emitReleaseVisibilityChanged } from './events';
import { processReleaseImage, type ProcessedImage } from './imageProcessing';
import { deleteReleaseFiles, mediaUrl, presentImage, storeReleaseFile, variantName, type ImageVariant } from './media';
import { releaseRoot, type ReleaseRow } from './releaseRoot';
import { isPubliclyVisible } from './visibility';
import { eventOf } from './workflow';
import { mediaPrefix } from './content';

/** A writer changes a draft's (or sent-back release's) files; an editor those of a scheduled, published or unpublished one. */
function actionFor(status: string) {
  return status === 'draft' || status === 'rejected' || status === 'submitted' || status === 'approved'
    ? ('release.write' as const)
    : ('release.correct' as const);
}

/** Runs a file change as a write of the release (lock, policy, version, audit) and fires the hook when it is public. */
async function fileWrite<T>(
  ctx: Ctx,
  id: string,
  version: number,
  change: (tx: Ctx, row: ReleaseRow) => Promise<{ result: T; audit: { action: string; after?: unknown; before?: unknown } }>,
) {
  const current = await loadAuthorized(ctx, releaseRoot, id, 'release.read');
  const action = actionFor(current.status);
  let visible = false;
  const out = await writeAggregate(ctx, releaseRoot, id, { action, version }, async (tx, row) => {
    if (action === 'release.correct' && tx.actor.kind === 'user') await assertReleaseEditor(tx, tx.actor, row.institutionId, action);
    visible = isPubliclyVisible(row);
    const r = await change(tx, row);
    return { result: { value: r.result, row }, audit: { entityType: 'release', entityId: id, ...r.audit } };
  });
  if (visible) emitReleaseVisibilityChanged(eventOf('update', out.result.row));
  return { result: out.result.value, version: out.version };
}

const field = (fields: Record<string, string>, name: string, max: number, label: string): string | null => {
  const v = (fields[name] ?? '').trim();
  if (!v) return null;
  if (controlCharacters.test(v)) throw new ValidationError(`${label} mengandung karakter kontrol`, { [name]: 'Karakter tidak diizinkan' });
  if (v.length > max) throw new ValidationError(`${label} maksimal ${max} karakter`, { [name]: `Maksimal ${max} karakter` });
  return v;
};
const versionOf = (fields: Record<string, string>): number => {
  const v = Number(fields.version);
  if (!Number.isInteger(v) || v < 1)
    throw new ValidationError('Versi data wajib dikirim (muat ulang halaman, lalu ulangi)', { version: 'Versi data wajib' });
  return v;
};

/** Adds a photo: checked by content, bounded, resized (480/960/1600, WebP + original format), EXIF stripped. */
export async function addImage(ctx: Ctx, id: string, upload: Upload) {
  const version = versionOf(upload.fields);
  const alt = field(upload.fields, 'alt', 300, 'Teks alternatif');
  if (!alt) {
    throw new ValidationError('Teks alternatif (alt) gambar wajib diisi: jelaskan isi gambar untuk pembaca layar', {
      alt: 'Teks alternatif wajib diisi',
    });
  }
  const caption = field(upload.fields, 'caption', 500, 'Keterangan');
  const credit = field(upload.fields, 'credit', 200, 'Kredit foto');
  // Authorize before the (costly) image work; writeAggregate checks again under the lock.
  await loadAuthorized(ctx, releaseRoot, id, 'release.read').then((row) => loadAuthorized(ctx, releaseRoot, id, actionFor(row.status)));
  const processed: ProcessedImage = await processReleaseImage(upload.buffer);
  const { result, version: releaseVersion } = await fileWrite(ctx, id, version, async (tx, row) => {
    const count = (await tx.db.select({ id: releaseImages.id }).from(releaseImages).where(eq(releaseImages.releaseId, id))).length;
    if (count >= releaseLimits.imagesMax)
      throw new ValidationError(`Maksimal ${releaseLimits.imagesMax} gambar per rilis`, { file: 'Batas gambar tercapai' });
    const base = `gambar-${row.slug.slice(0, 40)}`;
    const originalId = await storeReleaseFile(tx, id, {
      name: `${base}.${processed.original.mime === 'image/png' ? 'png' : 'jpg'}`,
      mime: processed.original.mime,
      content: processed.original.content,
    });
    const variants: ImageVariant[] = [];
    for (const v of processed.variants) {
      const fileId = await storeReleaseFile(tx, id, { name: variantName(base, v), mime: v.mime, content: v.content });
      variants.push({ width: v.width, height: v.height, mime: v.mime, fileId });
    }
    const positions = await tx.db
      .select({ top: max(releaseImages.position) })
      .from(releaseImages)
      .where(eq(releaseImages.releaseId, id));
    const [image] = await tx.db
      .insert(releaseImages)
      .values({
        releaseId: id,
        position: positions[0]?.top === null || positions[0]?.top === undefined ? 0 : positions[0].top + 1,
        alt,
        caption,
        credit,
        width: processed.original.width,
        height: processed.original.height,
        mime: processed.original.mime,
        fileId: originalId,
        variants,
      })
      .returning();
    return {
      result: image!,
      audit: {
        action: 'release.image_add',
        after: { imageId: image!.id, alt, caption, credit, width: image!.width, height: image!.height },
      },
    };
  });
  return { image: imageOutput(result), releaseVersion };
}

function imageOutput(row: typeof releaseImages.$inferSelect) {
  const p = presentImage(row);
  return {
    id: p.id,
    position: p.position,
    alt: p.alt,
    caption: p.caption,
    credit: p.credit,
    width: p.width,
    height: p.height,
    mime: p.mime,
    url: p.url,
    variants: p.variants,
  };
}

async function imageOf(ctx: Ctx, releaseId: string, imageId: string) {
  const [image] = await ctx.db
    .select()
    .from(releaseImages)
    .where(and(eq(releaseImages.id, imageId), eq(releaseImages.releaseId, releaseId)));
  if (!image) throw new NotFoundError('Gambar tidak ditemukan');
  return image;
}

export async function updateImage(ctx: Ctx, id: string, imageId: string, input: z.output<typeof imageUpdateInput>) {
  const { version, ...changes } = input;
  const { result, version: releaseVersion } = await fileWrite(ctx, id, version, async (tx) => {
    const before = await imageOf(tx, id, imageId);
    const set: Partial<typeof releaseImages.$inferInsert> = {};
    if (changes.alt !== undefined) set.alt = changes.alt;
    if (changes.caption !== undefined) set.caption = changes.caption;
    if (changes.credit !== undefined) set.credit = changes.credit;
    if (changes.position !== undefined) set.position = changes.position;
    const [after] = Object.keys(set).length
      ? await tx.db.update(releaseImages).set(set).where(eq(releaseImages.id, imageId)).returning()
      : [before];
    return {
      result: after!,
      audit: {
        action: 'release.image_update',
        before: { imageId, alt: before.alt, caption: before.caption, credit: before.credit, position: before.position },
        after: { imageId, ...set },
      },
    };
  });
  return { image: imageOutput(result), releaseVersion };
}

/** Removes an image, its stored files, and every <img> of it in the body. */
export async function deleteImage(ctx: Ctx, id: string, imageId: string, version: number) {
  const { version: releaseVersion } = await fileWrite(ctx, id, version, async (tx, row) => {
    const image = await imageOf(tx, id, imageId);
    const fileIds = [image.fileId, ...((image.variants as ImageVariant[]) ?? []).map((v) => v.fileId)];
    await tx.db.delete(releaseImages).where(eq(releaseImages.id, imageId));
    const gone = new Set(fileIds);
    const body = row.body.replace(/<img\b[^>]*>/g, (tag) => {
      const src = /\ssrc="([^"]*)"/.exec(tag)?.[1] ?? '';
      return gone.has(src.slice(mediaPrefix.length).split('/')[0] ?? '') ? '' : tag;
    });
    if (body !== row.body) await tx.db.update(releases).set({ body }).where(eq(releases.id, id));
    await deleteReleaseFiles(tx, fileIds);
    return { result: null, audit: { action: 'release.image_delete', before: { imageId, alt: image.alt, caption: image.caption } } };
  });
  return { ok: true as const, releaseVersion };
}

/** Attachment types, decided by the file's content (never by its name or the browser's type). */
export const attachmentTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (PPTX)',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
const extensionOf: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export async function addAttachment(ctx: Ctx, id: string, upload: Upload) {
  const version = versionOf(upload.fields);
  const title = field(upload.fields, 'title', 200, 'Judul lampiran');
  if (upload.buffer.length > releaseLimits.attachmentMaxBytes) {
    throw new DomainError('payload_too_large', `Lampiran terlalu besar: maksimal ${releaseLimits.attachmentMaxBytes / 1024 / 1024} MB`);
  }
  const detected = await fileTypeFromBuffer(upload.buffer);
  const mime = detected?.mime;
  if (!mime || !attachmentTypes[mime]) {
    throw new DomainError(
      'unsupported_media_type',
      `Jenis berkas lampiran tidak diterima (diperiksa dari isinya). Yang diterima: ${[...new Set(Object.values(attachmentTypes))].join(', ')}.`,
      { fields: { file: 'Jenis berkas tidak diterima' } },
    );
  }
  const stem = upload.filename.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 120) || 'lampiran';
  const name = `${stem}.${extensionOf[mime]}`;
  const { result, version: releaseVersion } = await fileWrite(ctx, id, version, async (tx) => {
    const existing = await tx.db
      .select({ position: releaseAttachments.position })
      .from(releaseAttachments)
      .where(eq(releaseAttachments.releaseId, id));
    if (existing.length >= releaseLimits.attachmentsMax) {
      throw new ValidationError(`Maksimal ${releaseLimits.attachmentsMax} lampiran per rilis`, { file: 'Batas lampiran tercapai' });
    }
    const fileId = await storeReleaseFile(tx, id, { name, mime, content: upload.buffer });
    const [row] = await tx.db
      .insert(releaseAttachments)
      .values({
        releaseId: id,
        position: existing.reduce((m, a) => Math.max(m, a.position + 1), 0),
        name,
        title,
        mime,
        size: upload.buffer.length,
        fileId,
      })
      .returning();
    return {
      result: row!,
      audit: { action: 'release.attachment_add', after: { attachmentId: row!.id, name, title, mime, size: row!.size } },
    };
  });
  return {
    attachment: {
      id: result.id,
      position: result.position,
      name: result.name,
      title: result.title,
      mime: result.mime,
      size: result.size,
      url: mediaUrl(result.fileId, result.name),
    },
    releaseVersion,
  };
}

export async function deleteAttachment(ctx: Ctx, id: string, attachmentId: string, version: number) {
  const { version: releaseVersion } = await fileWrite(ctx, id, version, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(releaseAttachments)
      .where(and(eq(releaseAttachments.id, attachmentId), eq(releaseAttachments.releaseId, id)));
    if (!row) throw new NotFoundError('Lampiran tidak ditemukan');
    await tx.db.delete(releaseAttachments).where(eq(releaseAttachments.id, attachmentId));
    await deleteReleaseFiles(tx, [row.fileId]);
    return { result: null, audit: { action: 'release.attachment_delete', before: { attachmentId, name: row.name } } };
  });
  return { ok: true as const, releaseVersion };
}
