import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { DomainError, NotFoundError, ValidationError } from '../../core/errors';
import { deleteFileIfUnused } from '../../core/files';
import { authorize, can } from '../../core/policy';
import type { Upload } from '../../core/upload';
import { files, sessionMaterials } from '../../db/schema/index';
import { materialMaxBytes, materialTypesText, materialUploadFields } from '../../../shared/schemas/materials';
import { downloadName, sniffDocument } from '../../core/documentUpload';
import { assertMaterialsWritable, loadMaterialMeeting, materialSubject } from './access';
import { presentMaterials } from './presentMaterials';

/** Only these types, recognised by their content (never by the name or the browser's claim). */
export const materialTypes: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * Checked before the upload is read (so a caller who may not upload to this meeting never makes the server read
 * 25 MB): the role, the meeting, and that the caller may upload to at least one of its sessions.
 */
export async function assertMayUploadTo(ctx: Ctx, meetingId: string) {
  authorize(ctx.actor, 'material.upload');
  const m = await loadMaterialMeeting(ctx, meetingId);
  const subjects = m.sessions.length ? m.sessions.map((s) => materialSubject(m, { sessionId: s.id })) : [materialSubject(m)];
  if (!subjects.some((subject) => can(ctx.actor, 'material.upload', subject))) authorize(ctx.actor, 'material.upload', subjects[0]);
  assertMaterialsWritable(m);
}

/** Stores a material on an agenda session of the meeting, with its audit row, in one transaction. */
export async function uploadMaterial(ctx: Ctx, meetingId: string, upload: Upload) {
  authorize(ctx.actor, 'material.upload');
  const fields = materialUploadFields.safeParse(upload.fields);
  if (!fields.success) {
    const byField = Object.fromEntries(fields.error.issues.map((i) => [String(i.path[0] ?? 'title'), i.message]));
    throw new ValidationError(fields.error.issues[0]?.message ?? 'Periksa isian materi', byField);
  }
  if (upload.buffer.length > materialMaxBytes) throw new DomainError('payload_too_large', 'Berkas materi terlalu besar: maksimal 25 MB');
  return inTransaction(ctx, async (tx) => {
    const m = await loadMaterialMeeting(tx, meetingId);
    const session = m.sessions.find((s) => s.id === fields.data.sessionId);
    if (!session) throw new ValidationError('Sesi tidak ditemukan pada rapat ini', { sessionId: 'Pilih sesi dari susunan acara' });
    authorize(tx.actor, 'material.upload', materialSubject(m, { sessionId: session.id }));
    assertMaterialsWritable(m);
    const type = await sniffDocument(upload.buffer, materialTypes, materialTypesText);
    const name = downloadName(upload.filename, type.ext, 'materi');
    const sha256 = createHash('sha256').update(upload.buffer).digest('hex');
    const [file] = await tx.db
      .insert(files)
      .values({ name, mime: type.mime, size: upload.buffer.length, sha256, content: upload.buffer })
      .returning({ id: files.id });
    const [row] = await tx.db
      .insert(sessionMaterials)
      .values({ meetingId, sessionId: session.id, title: fields.data.title, fileId: file!.id, fileName: name, uploadedBy: tx.actor.id })
      .returning();
    await audit(tx, {
      action: 'material.upload',
      entityType: 'session_material',
      entityId: row!.id,
      after: { meetingId, sessionId: session.id, title: row!.title, fileName: name, mime: type.mime, size: upload.buffer.length, sha256 },
    });
    const [out] = await presentMaterials(tx, [row!], m);
    return out!;
  });
}

/** Removes a material (its uploader, the meeting's managers, administrators), with its file and audit row. */
export async function deleteMaterial(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'material.delete');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(sessionMaterials).where(eq(sessionMaterials.id, id)).for('update');
    if (!row) throw new NotFoundError('Materi tidak ditemukan');
    const m = await loadMaterialMeeting(tx, row.meetingId);
    authorize(tx.actor, 'material.read', materialSubject(m));
    authorize(tx.actor, 'material.delete', materialSubject(m, { ownerId: row.uploadedBy }));
    assertMaterialsWritable(m);
    await tx.db.delete(sessionMaterials).where(eq(sessionMaterials.id, id));
    await deleteFileIfUnused(tx, row.fileId);
    await audit(tx, {
      action: 'material.delete',
      entityType: 'session_material',
      entityId: id,
      before: { meetingId: row.meetingId, sessionId: row.sessionId, title: row.title, fileName: row.fileName, uploadedBy: row.uploadedBy },
    });
    return { ok: true as const };
  });
}
