import { and, eq } from 'drizzle-orm';
import { writeAggregate } from '../../core/aggregate';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { institutions, releaseFiles, releases } from '../../db/schema/index';
import type { createReleaseInput, updateReleaseInput } from '../../../shared/schemas/releases';
import type { z } from '../../../shared/zod';
import { cleanBody, tagSlugsOf, uniqueSlug } from './content';
import { deleteReleaseFiles } from './media';
import { presentRelease, readRelease } from './present';
import { releaseRoot } from './releaseRoot';
import { loadAuthorized } from '../../core/aggregate';

type CreateInput = z.output<typeof createReleaseInput>;
type UpdateInput = z.output<typeof updateReleaseInput>;

/** The files of a release that its body may show (image originals and variants). */
export async function releaseFileIds(ctx: Ctx, releaseId: string): Promise<Set<string>> {
  const rows = await ctx.db.select({ fileId: releaseFiles.fileId }).from(releaseFiles).where(eq(releaseFiles.releaseId, releaseId));
  return new Set(rows.map((r) => r.fileId));
}

/** How far ahead an embargo may be set (a mistyped year is refused). */
export const maxEmbargoDays = 366;

/** Checks an embargo time: in the future, within a year. Null stays null. */
export function checkEmbargo(publishAt: string | Date, now = new Date()): Date {
  const at = new Date(publishAt);
  if (at.getTime() <= now.getTime()) {
    const message = 'Waktu embargo sudah lewat. Pilih waktu yang akan datang, atau terbitkan sekarang.';
    throw new ValidationError(message, { publishAt: message });
  }
  if (at.getTime() > now.getTime() + maxEmbargoDays * 86_400_000) {
    const message = `Waktu embargo terlalu jauh: paling lama ${maxEmbargoDays} hari dari sekarang.`;
    throw new ValidationError(message, { publishAt: message });
  }
  return at;
}

/** The writer's requested publication time (kept in publish_at until an editor publishes or schedules). */
function requestedTime(publishAt: string | null | undefined): Date | null {
  return publishAt ? checkEmbargo(publishAt) : null;
}

/** The institution a new release is issued by: a member's own; the bureau's choice, or the bureau itself. */
async function issuingInstitution(ctx: Ctx, wanted: string | undefined): Promise<string> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new NotFoundError();
  if (actor.role === 'member') {
    if (!actor.institutionId) throw new ValidationError('Akun Anda belum terhubung ke lembaga; hubungi administrator');
    if (wanted && wanted !== actor.institutionId) throw new NotFoundError('Lembaga tidak ditemukan');
    return actor.institutionId;
  }
  const [row] = wanted
    ? await ctx.db.select({ id: institutions.id, active: institutions.active }).from(institutions).where(eq(institutions.id, wanted))
    : await ctx.db
        .select({ id: institutions.id, active: institutions.active })
        .from(institutions)
        .where(and(eq(institutions.category, 'bureau'), eq(institutions.active, true)))
        .limit(1);
  if (!row) {
    throw wanted
      ? new NotFoundError('Lembaga tidak ditemukan')
      : new ValidationError('Pilih lembaga penerbit rilis', { institutionId: 'Lembaga penerbit wajib dipilih' });
  }
  if (!row.active) throw new ValidationError('Lembaga ini tidak aktif', { institutionId: 'Lembaga tidak aktif' });
  return row.id;
}

export async function createRelease(ctx: Ctx, input: CreateInput) {
  authorize(ctx.actor, 'release.write');
  const authorId = ctx.actor.id;
  const institutionId = await issuingInstitution(ctx, input.institutionId);
  authorize(ctx.actor, 'release.write', { type: 'release', status: 'draft', institutionId });
  const { body, bodyText } = cleanBody(input.body ?? '', new Set());
  const tags = input.tags ?? [];
  const publishAt = requestedTime(input.publishAt);
  const created = await inTransaction(ctx, async (tx) => {
    const slug = await uniqueSlug(tx, { slug: input.slug, title: input.title });
    const [row] = await tx.db
      .insert(releases)
      .values({
        institutionId,
        authorId,
        title: input.title,
        summary: input.summary ?? '',
        body,
        bodyText,
        category: input.category,
        tags,
        tagSlugs: tagSlugsOf(tags),
        releaseNumber: input.releaseNumber ?? null,
        contact: input.contact ?? null,
        slug,
        publishAt,
      })
      .returning();
    await audit(tx, { action: 'release.create', entityType: 'release', entityId: row!.id, after: auditView(row!) });
    return row!;
  });
  return presentRelease(ctx, created);
}

export async function getRelease(ctx: Ctx, id: string) {
  const row = await loadAuthorized(ctx, releaseRoot, id, 'release.read');
  return presentRelease(ctx, row);
}

/** Fields shared by a writer's update and an editor's correction: the columns they set. */
export async function contentChanges(
  ctx: Ctx,
  row: typeof releases.$inferSelect,
  input: Partial<Omit<UpdateInput, 'version' | 'slug'>>,
): Promise<Partial<typeof releases.$inferInsert>> {
  const set: Partial<typeof releases.$inferInsert> = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.summary !== undefined) set.summary = input.summary;
  if (input.body !== undefined) Object.assign(set, cleanBody(input.body, await releaseFileIds(ctx, row.id)));
  if (input.category !== undefined) set.category = input.category;
  if (input.tags !== undefined) {
    set.tags = input.tags;
    set.tagSlugs = tagSlugsOf(input.tags);
  }
  if (input.releaseNumber !== undefined) set.releaseNumber = input.releaseNumber;
  if (input.contact !== undefined) set.contact = input.contact;
  return set;
}

export async function updateRelease(ctx: Ctx, id: string, input: UpdateInput) {
  const { version, slug, publishAt, ...fields } = input;
  const { result } = await writeAggregate(ctx, releaseRoot, id, { action: 'release.write', version }, async (tx, row) => {
    const set = await contentChanges(tx, row, fields);
    if (publishAt !== undefined) set.publishAt = requestedTime(publishAt);
    if (slug !== undefined && slug !== row.slug) {
      if (row.firstPublishedAt)
        throw new ValidationError('Slug tidak dapat diubah setelah rilis pernah terbit', { slug: 'Slug sudah tetap' });
      set.slug = await uniqueSlug(tx, { slug: slug || null, title: set.title ?? row.title }, row.id);
    }
    const [after] = await tx.db.update(releases).set(set).where(eq(releases.id, id)).returning();
    return {
      result: after!,
      audit: { action: 'release.update', entityType: 'release', entityId: id, before: pick(row, set), after: pick(after!, set) },
    };
  });
  return presentRelease(ctx, result);
}

/** A release row for the audit trail: without the body's HTML, its plain text and the search document. */
export function auditView(row: typeof releases.$inferSelect) {
  const { body: _b, bodyText: _t, search: _s, ...rest } = row;
  return rest;
}

/** The columns named by `set`, for the audit trail (the body's plain text is left out). */
export function pick(row: Record<string, unknown>, set: Record<string, unknown>) {
  return Object.fromEntries(
    Object.keys(set)
      .filter((k) => k !== 'bodyText')
      .map((k) => [k, row[k]]),
  );
}

export async function deleteRelease(ctx: Ctx, id: string, version: number) {
  await writeAggregate(ctx, releaseRoot, id, { action: 'release.delete', version }, async (tx, row) => {
    const fileIds = [...(await releaseFileIds(tx, id))];
    await tx.db.delete(releases).where(eq(releases.id, id));
    await deleteReleaseFiles(tx, fileIds);
    return {
      result: null,
      audit: { action: 'release.delete', entityType: 'release', entityId: id, before: auditView(row) },
    };
  });
}

export { readRelease };
