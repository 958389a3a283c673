import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context';
import { authorize, institutionScope } from '../../core/policy';
import { institutions, releaseImages, releases, users } from '../../db/schema/index';
import {
  releaseCategories,
  releaseCategoryLabels,
  releaseImageWidths,
  releaseLimits,
  releaseStatuses,
  releaseStatusLabels,
  type ReleaseStatus,
} from '../../../shared/releaseStates';
import type { listReleasesQuery } from '../../../shared/schemas/releases';
import type { z } from '../../../shared/zod';
import { hasEditorFlag } from './editors';

/** The back office's list: a member sees its institution's releases, the bureau every release; newest change first. */
export async function listReleases(ctx: Ctx, query: z.output<typeof listReleasesQuery>) {
  authorize(ctx.actor, 'release.read');
  const actor = ctx.actor;
  const where: (SQL | undefined)[] = [];
  const scope = institutionScope(actor);
  if (scope) where.push(eq(releases.institutionId, scope));
  if (query.institutionId) where.push(eq(releases.institutionId, query.institutionId));
  if (query.status) where.push(eq(releases.status, query.status));
  if (query.category) where.push(eq(releases.category, query.category));
  if (query.mine) where.push(eq(releases.authorId, actor.id));
  if (query.queue === 'review') {
    where.push(inArray(releases.status, ['submitted', 'approved']));
    // Only what the caller may review: nothing for a writer without the editor flag.
    if (actor.role !== 'admin' && !(await hasEditorFlag(ctx, actor.id))) where.push(sql`false`);
  }
  if (query.q) {
    const q = query.q.trim();
    where.push(
      or(sql`${releases.search} @@ websearch_to_tsquery('indonesian', ${q})`, ilike(releases.title, `%${q.replace(/[\\%_]/g, '\\$&')}%`)),
    );
  }
  const condition = and(...where);
  const author = alias(users, 'author');
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: releases.id,
        version: releases.version,
        status: releases.status,
        title: releases.title,
        institutionId: releases.institutionId,
        institutionName: institutions.name,
        institutionShortName: institutions.shortName,
        authorId: releases.authorId,
        authorName: author.name,
        category: releases.category,
        slug: releases.slug,
        publishAt: releases.publishAt,
        submittedAt: releases.submittedAt,
        updatedAt: releases.updatedAt,
        imageCount: sql<number>`(select count(*)::int from ${releaseImages} where ${releaseImages.releaseId} = ${releases.id})`,
      })
      .from(releases)
      .innerJoin(institutions, eq(institutions.id, releases.institutionId))
      .leftJoin(author, eq(author.id, releases.authorId))
      .where(condition)
      .orderBy(query.queue === 'review' ? sql`${releases.submittedAt} asc nulls last` : desc(releases.updatedAt), desc(releases.id))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ n: count() }).from(releases).where(condition),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      status: r.status as ReleaseStatus,
      statusLabel: releaseStatusLabels[r.status as ReleaseStatus] ?? r.status,
      title: r.title,
      institution: { id: r.institutionId, name: r.institutionName, shortName: r.institutionShortName },
      author: r.authorId && r.authorName ? { id: r.authorId, name: r.authorName } : null,
      category: r.category,
      slug: r.slug,
      publishAt: r.publishAt?.toISOString() ?? null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      imageCount: Number(r.imageCount),
    })),
    total: Number(total?.n ?? 0),
  };
}

/** What the writing screen needs: categories, statuses, limits, whether the caller is an editor, its institutions. */
export async function releaseMeta(ctx: Ctx) {
  authorize(ctx.actor, 'release.read');
  const actor = ctx.actor;
  const isEditor =
    actor.role === 'admin' || ((actor.role === 'committee' || actor.role === 'member') && (await hasEditorFlag(ctx, actor.id)));
  const scope = institutionScope(actor);
  const list = await ctx.db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.active, true), scope ? eq(institutions.id, scope) : undefined))
    .orderBy(institutions.name);
  return {
    categories: releaseCategories.map((value) => ({ value, label: releaseCategoryLabels[value].id })),
    statuses: releaseStatuses.map((value) => ({ value, label: releaseStatusLabels[value] })),
    isEditor,
    limits: {
      titleMax: releaseLimits.titleMax,
      summaryMax: releaseLimits.summaryMax,
      bodyMaxChars: releaseLimits.bodyMaxChars,
      tagsMax: releaseLimits.tagsMax,
      imagesMax: releaseLimits.imagesMax,
      imageMaxBytes: releaseLimits.imageMaxBytes,
      attachmentsMax: releaseLimits.attachmentsMax,
      attachmentMaxBytes: releaseLimits.attachmentMaxBytes,
    },
    imageWidths: [...releaseImageWidths],
    institutions: list,
  };
}
