import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assertVersion } from '../../core/aggregate';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { downloadName, sniffDocument } from '../../core/documentUpload';
import { deleteFileIfUnused, readFile } from '../../core/files';
import { DomainError, NotFoundError, ValidationError } from '../../core/errors';
import type { Upload } from '../../core/upload';
import { files, followUps } from '../../db/schema/index';
import { versionField } from '../../../shared/schemas/version';
import { followUpSubject, presentFollowUps } from './followUpData';
import { lockFollowUp } from './resolutions';
import { authorize } from '../../core/policy';

/** Evidence files: at most 10 MB, and only these types, recognised by their content (never by the name). */
export const evidenceMaxBytes = 10 * 1024 * 1024;
export const evidenceTypes: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};
export const evidenceTypesText = 'PDF, JPG, PNG, DOCX, XLSX atau PPTX';

/** Stores an uploaded evidence file on a follow-up (replacing the previous one), in one transaction with its audit row. */
export async function uploadEvidence(ctx: Ctx, id: string, upload: Upload) {
  const version = versionField().safeParse(Number(upload.fields.version));
  if (!version.success) throw new ValidationError('Versi data wajib dikirim (muat ulang halaman, lalu ulangi)', { version: 'Wajib' });
  if (upload.buffer.length > evidenceMaxBytes) throw new DomainError('payload_too_large', 'Berkas bukti terlalu besar: maksimal 10 MB');
  const type = await sniffDocument(upload.buffer, evidenceTypes, evidenceTypesText);
  return inTransaction(ctx, async (tx) => {
    const { row: before, subject } = await lockFollowUp(tx, id, 'followUp.update');
    assertVersion(before.version, version.data);
    const name = downloadName(upload.filename, type.ext, 'bukti');
    const [file] = await tx.db
      .insert(files)
      .values({
        name,
        mime: type.mime,
        size: upload.buffer.length,
        sha256: createHash('sha256').update(upload.buffer).digest('hex'),
        content: upload.buffer,
      })
      .returning({ id: files.id, sha256: files.sha256 });
    const [row] = await tx.db
      .update(followUps)
      .set({
        evidenceFileId: file!.id,
        evidenceFileName: name,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: tx.actor.kind === 'user' ? tx.actor.id : null,
      })
      .where(eq(followUps.id, id))
      .returning();
    if (before.evidenceFileId) await deleteFileIfUnused(tx, before.evidenceFileId);
    await audit(tx, {
      action: 'followUp.evidence',
      entityType: 'follow_up',
      entityId: id,
      before: { evidenceFileName: before.evidenceFileName },
      after: { evidenceFileName: name, mime: type.mime, size: upload.buffer.length, sha256: file!.sha256 },
    });
    const [out] = await presentFollowUps(tx, [row!], new Map([[before.meetingId, subject.managerIds]]));
    return out!;
  });
}

/** The evidence file, for the bureau and the responsible institutions' officers. */
export async function evidenceFile(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'followUp.update');
  const [row] = await ctx.db.select().from(followUps).where(eq(followUps.id, id));
  if (!row) throw new NotFoundError('Tindak lanjut tidak ditemukan');
  authorize(ctx.actor, 'followUp.update', await followUpSubject(ctx, row));
  const file = await readFile(ctx, row.evidenceFileId, 'Tindak lanjut ini belum memiliki berkas bukti');
  return { ...file, name: row.evidenceFileName ?? 'bukti' };
}
