import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import { normaliseImage } from '../../core/files';
import { authorize } from '../../core/policy';
import type { Upload } from '../../core/upload';
import { files, forumAttachments, forumReplies, forumTopics } from '../../db/schema/index';
import { forumAttachmentLimits } from '../../../shared/forum';
import { isBureau } from './access';

const notFound = 'Lampiran tidak ditemukan';
const allowedList = Object.values(forumAttachmentLimits.types).join(', ');

/**
 * Stores an uploaded attachment (not yet part of a post): its type is read from its content (magic bytes, and the
 * zip's parts for DOCX/XLSX/PPTX), never from its name; images are decoded and re-encoded without metadata.
 */
export async function uploadAttachment(ctx: Ctx, upload: Upload) {
  authorize(ctx.actor, 'forum.post');
  const detected = await fileTypeFromBuffer(upload.buffer).catch(() => undefined);
  const mime = detected?.mime;
  if (!mime || !forumAttachmentLimits.types[mime])
    throw new ValidationError(`Jenis lampiran tidak diterima: hanya ${allowedList} (diperiksa dari isi berkas, bukan namanya)`, {
      file: `Hanya ${allowedList}`,
    });
  let content = upload.buffer;
  if (mime === 'image/png' || mime === 'image/jpeg') content = (await normaliseImage(upload.buffer, 'Lampiran')).content;
  const ext = detected!.ext;
  const base = upload.filename.replace(/[\\/\u0000-\u001f\u007f"]/g, '_').slice(0, 150) || 'lampiran';
  const name = base.toLowerCase().endsWith(`.${ext}`) ? base : `${base.replace(/\.[^.]*$/, '')}.${ext}`;
  return inTransaction(ctx, async (tx) => {
    const [file] = await tx.db
      .insert(files)
      .values({ name, mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content })
      .returning({ id: files.id });
    const [row] = await tx.db
      .insert(forumAttachments)
      .values({ fileId: file!.id, uploaderId: ctx.actor.kind === 'user' ? ctx.actor.id : '', name, mime, size: content.length })
      .returning();
    await audit(tx, {
      action: 'forumAttachment.upload',
      entityType: 'forum_attachment',
      entityId: row!.id,
      after: { name, mime, size: row!.size },
    });
    return { id: row!.id, name, size: row!.size, mimeType: mime };
  });
}

/**
 * Makes `ids` the attachments of a post: new ones must be the actor's own unattached uploads; ones the post had and
 * no longer lists are dropped.
 */
export async function setAttachments(tx: Ctx, post: { topicId: string } | { replyId: string }, ids: string[] | undefined): Promise<void> {
  if (ids === undefined) return;
  const userId = tx.actor.kind === 'user' ? tx.actor.id : '';
  const unique = [...new Set(ids)];
  const owner = 'topicId' in post ? eq(forumAttachments.topicId, post.topicId) : eq(forumAttachments.replyId, post.replyId);
  if (unique.length) {
    const usable = await tx.db
      .select({ id: forumAttachments.id })
      .from(forumAttachments)
      .where(
        and(
          inArray(forumAttachments.id, unique),
          or(owner, and(eq(forumAttachments.uploaderId, userId), isNull(forumAttachments.topicId), isNull(forumAttachments.replyId))),
        ),
      );
    if (usable.length !== unique.length)
      throw new ValidationError('Lampiran tidak dikenal: unggah ulang berkasnya', {
        attachmentIds: 'Lampiran tidak ditemukan atau milik tulisan lain',
      });
  }
  const dropped = await tx.db
    .delete(forumAttachments)
    .where(unique.length ? and(owner, notInArray(forumAttachments.id, unique)) : owner)
    .returning({ fileId: forumAttachments.fileId });
  if (dropped.length)
    await tx.db.delete(files).where(
      inArray(
        files.id,
        dropped.map((d) => d.fileId),
      ),
    );
  if (unique.length) await tx.db.update(forumAttachments).set(post).where(inArray(forumAttachments.id, unique));
}

/** An attachment's bytes, when the caller may see the post it belongs to (an unattached one: its uploader only). */
export async function readAttachment(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'forum.read');
  const [row] = await ctx.db
    .select({
      a: forumAttachments,
      content: files.content,
      topicHidden: sql<boolean>`coalesce(${forumTopics.hiddenAt}, rt.hidden_at) is not null`,
      replyHidden: sql<boolean>`${forumReplies.hiddenAt} is not null`,
    })
    .from(forumAttachments)
    .innerJoin(files, eq(files.id, forumAttachments.fileId))
    .leftJoin(forumTopics, eq(forumTopics.id, forumAttachments.topicId))
    .leftJoin(forumReplies, eq(forumReplies.id, forumAttachments.replyId))
    .leftJoin(sql`forum_topics rt`, sql`rt.id = ${forumReplies.topicId}`)
    .where(eq(forumAttachments.id, id));
  if (!row?.content) throw new NotFoundError(notFound);
  const bureau = isBureau(ctx.actor);
  const unattached = !row.a.topicId && !row.a.replyId;
  if (unattached && row.a.uploaderId !== ctx.actor.id) throw new NotFoundError(notFound);
  if (!bureau && (row.topicHidden || row.replyHidden)) throw new NotFoundError(notFound);
  return { name: row.a.name, mime: row.a.mime, content: row.content };
}
