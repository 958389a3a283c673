import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor, Ctx } from '../../core/context';
import { can } from '../../core/policy';
import { institutions, releaseAttachments, releaseImages, releaseRevisions, releases, users } from '../../db/schema/index';
import { releaseStatusLabels, type ReleaseStatus } from '../../../shared/releaseStates';
import type { ReleaseDetail } from '../../../shared/schemas/releases';
import { isReleaseEditor } from './editors';
import { mediaUrl, presentImage } from './media';
import type { ReleaseRow } from './releaseRoot';
import { releasePath } from './visibility';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What the actor may do with this release: the policy (role, institution, status) and, for editors' actions, the flag. */
export async function releaseCan(ctx: Ctx, actor: Actor, row: Pick<ReleaseRow, 'status' | 'institutionId' | 'authorId'>) {
  const subject = { type: 'release' as const, status: row.status, institutionId: row.institutionId, ownerId: row.authorId };
  const editor = await isReleaseEditor(ctx, actor, row.institutionId);
  const c = (a: Parameters<typeof can>[1]) => can(actor, a, subject);
  return {
    write: c('release.write'),
    delete: c('release.delete'),
    submit: c('release.submit'),
    review: editor && c('release.review'),
    publish: editor && c('release.publish'),
    correct: editor && c('release.correct'),
    unpublish: editor && c('release.unpublish'),
  };
}

type Contact = { name: string; position?: string | null; phone?: string | null; email?: string | null } | null;

/** The release as the API answers it (GET, and every write of it). */
export async function presentRelease(ctx: Ctx, row: ReleaseRow): Promise<ReleaseDetail> {
  const reviewer = alias(users, 'reviewer');
  const [refs] = await ctx.db
    .select({
      institutionName: institutions.name,
      institutionShortName: institutions.shortName,
      authorName: users.name,
      reviewerName: reviewer.name,
    })
    .from(institutions)
    .leftJoin(users, eq(users.id, row.authorId ?? '00000000-0000-0000-0000-000000000000'))
    .leftJoin(reviewer, eq(reviewer.id, row.reviewedBy ?? '00000000-0000-0000-0000-000000000000'))
    .where(eq(institutions.id, row.institutionId));
  const [images, attachments, revisions] = await Promise.all([
    ctx.db
      .select()
      .from(releaseImages)
      .where(eq(releaseImages.releaseId, row.id))
      .orderBy(asc(releaseImages.position), asc(releaseImages.createdAt)),
    ctx.db
      .select()
      .from(releaseAttachments)
      .where(eq(releaseAttachments.releaseId, row.id))
      .orderBy(asc(releaseAttachments.position), asc(releaseAttachments.createdAt)),
    ctx.db
      .select({
        revision: releaseRevisions.revision,
        title: releaseRevisions.title,
        significant: releaseRevisions.significant,
        note: releaseRevisions.note,
        editorId: releaseRevisions.editorId,
        editorName: users.name,
        createdAt: releaseRevisions.createdAt,
      })
      .from(releaseRevisions)
      .leftJoin(users, eq(users.id, releaseRevisions.editorId))
      .where(eq(releaseRevisions.releaseId, row.id))
      .orderBy(desc(releaseRevisions.revision)),
  ]);
  const contact = row.contact as Contact;
  const path = releasePath(row);
  return {
    id: row.id,
    version: row.version,
    status: row.status as ReleaseStatus,
    statusLabel: releaseStatusLabels[row.status as ReleaseStatus] ?? row.status,
    institution: { id: row.institutionId, name: refs?.institutionName ?? '', shortName: refs?.institutionShortName ?? null },
    author: row.authorId && refs?.authorName ? { id: row.authorId, name: refs.authorName } : null,
    title: row.title,
    summary: row.summary,
    body: row.body,
    category: row.category,
    tags: row.tags,
    tagSlugs: row.tagSlugs,
    releaseNumber: row.releaseNumber,
    contact: contact
      ? { name: contact.name, position: contact.position ?? null, phone: contact.phone ?? null, email: contact.email ?? null }
      : null,
    slug: row.slug,
    featured: row.featured,
    publishAt: iso(row.publishAt),
    firstPublishedAt: iso(row.firstPublishedAt),
    path,
    publicUrl: path ? `${ctx.config.publicUrl.replace(/\/$/, '')}${path}` : null,
    unpublishedAt: iso(row.unpublishedAt),
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    reviewedBy: row.reviewedBy && refs?.reviewerName ? { id: row.reviewedBy, name: refs.reviewerName } : null,
    reviewComment: row.reviewComment,
    correctedAt: iso(row.correctedAt),
    correctionNote: row.correctionNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    images: images.map((i) => {
      const p = presentImage(i);
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
    }),
    attachments: attachments.map((a) => ({
      id: a.id,
      position: a.position,
      name: a.name,
      title: a.title,
      mime: a.mime,
      size: a.size,
      url: mediaUrl(a.fileId, a.name),
    })),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      title: r.title,
      significant: r.significant,
      note: r.note,
      editor: r.editorId && r.editorName ? { id: r.editorId, name: r.editorName } : null,
      createdAt: r.createdAt.toISOString(),
    })),
    can: await releaseCan(ctx, ctx.actor, row),
  };
}

export async function readRelease(ctx: Ctx, id: string): Promise<ReleaseRow | undefined> {
  const [row] = await ctx.db.select().from(releases).where(eq(releases.id, id));
  return row;
}
