import { and, eq, max } from 'drizzle-orm';
import { writeAggregate } from '../../core/aggregate';
import { audit } from '../../core/audit';
import type { Ctx } from '../../core/context';
import { StateError, ValidationError } from '../../core/errors';
import { enqueue } from '../../core/jobs';
import type { Action } from '../../core/policy';
import { releaseRevisions, releases } from '../../db/schema/index';
import type {
  approveReleaseInput,
  correctReleaseInput,
  publishReleaseInput,
  rejectReleaseInput,
  unpublishReleaseInput,
} from '../../../shared/schemas/releases';
import type { z } from '../../../shared/zod';
import { assertReleaseEditor } from './editors';
import { emitReleaseVisibilityChanged, type ReleaseVisibilityEvent } from './events';
import { presentRelease } from './present';
import { releasePublishQueue } from './publishJob';
import { releaseRoot, type ReleaseRow } from './releaseRoot';
import { isPubliclyVisible, releasePath } from './visibility';
import { auditView, checkEmbargo, contentChanges, pick } from './writeRelease';

export function eventOf(reason: ReleaseVisibilityEvent['reason'], row: ReleaseRow, before?: ReleaseRow): ReleaseVisibilityEvent {
  const moved =
    before &&
    (before.category !== row.category || before.institutionId !== row.institutionId || before.tagSlugs.join() !== row.tagSlugs.join());
  return {
    reason,
    releaseId: row.id,
    slug: row.slug,
    path: releasePath(row),
    institutionId: row.institutionId,
    category: row.category,
    tagSlugs: row.tagSlugs,
    ...(moved ? { previous: { category: before.category, tagSlugs: before.tagSlugs, institutionId: before.institutionId } } : {}),
    at: new Date(),
  };
}

type Step = {
  set: Partial<typeof releases.$inferInsert>;
  audit: { action: string; after?: unknown };
  event?: ReleaseVisibilityEvent['reason'];
};

/**
 * Runs one editorial step on a release: writeAggregate (lock, policy, lifecycle, version), the editor check for
 * editors' actions, the change and its audit row, then, after the commit, the portal's hook when what the public
 * sees changed.
 */
async function step(
  ctx: Ctx,
  id: string,
  intent: { action: Action; version: number; editor?: boolean },
  decide: (tx: Ctx, row: ReleaseRow, now: Date) => Promise<Step>,
) {
  let event: ReleaseVisibilityEvent | undefined;
  const { result } = await writeAggregate(ctx, releaseRoot, id, intent, async (tx, row) => {
    if (intent.editor && tx.actor.kind === 'user') await assertReleaseEditor(tx, tx.actor, row.institutionId, intent.action);
    const s = await decide(tx, row, new Date());
    const [after] = await tx.db.update(releases).set(s.set).where(eq(releases.id, id)).returning();
    if (s.event) event = eventOf(s.event, after!, row);
    return {
      result: after!,
      audit: {
        action: s.audit.action,
        entityType: 'release',
        entityId: id,
        before: pick(row, s.set),
        after: s.audit.after ?? pick(after!, s.set),
      },
    };
  });
  if (event) emitReleaseVisibilityChanged(event);
  return presentRelease(ctx, result);
}

export async function submitRelease(ctx: Ctx, id: string, version: number) {
  return step(ctx, id, { action: 'release.submit', version }, async (_tx, row, now) => {
    const missing: Record<string, string> = {};
    if (!row.bodyText.trim() && !/<img\b/.test(row.body)) missing.body = 'Isi rilis masih kosong';
    if (!row.summary.trim()) missing.summary = 'Ringkasan wajib diisi sebelum diajukan';
    if (Object.keys(missing).length) throw new ValidationError('Lengkapi rilis sebelum diajukan untuk persetujuan', missing);
    return { set: { status: 'submitted', submittedAt: now }, audit: { action: 'release.submit' } };
  });
}

export async function rejectRelease(ctx: Ctx, id: string, input: z.output<typeof rejectReleaseInput>) {
  return step(ctx, id, { action: 'release.review', version: input.version, editor: true }, async (tx, _row, now) => ({
    set: { status: 'rejected', reviewedBy: actorId(tx), reviewedAt: now, reviewComment: input.comment },
    audit: { action: 'release.reject', after: { status: 'rejected', comment: input.comment } },
  }));
}

const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** The publication part of approve/publish: now, or at a future embargo time (a job makes it public then). */
async function publication(tx: Ctx, row: ReleaseRow, now: Date, publishAt: string | null | undefined, featured?: boolean): Promise<Step> {
  const visibleNow = isPubliclyVisible(row, now);
  const featuredSet = featured === undefined ? {} : { featured };
  if (publishAt) {
    const at = checkEmbargo(publishAt, now);
    if (visibleNow) {
      throw new StateError('Rilis ini sudah tampil untuk publik; tarik rilis terlebih dahulu bila ingin menjadwalkan ulang.');
    }
    await firstRevision(tx, row);
    await enqueue(
      tx,
      releasePublishQueue,
      { releaseId: row.id, publishAt: at.toISOString() },
      { startAfter: at, singletonKey: `${row.id}:${at.toISOString()}` },
    );
    // The path's YYYY/MM follow the planned time until the release has been public once.
    const firstPublishedAt = row.unpublishedAt ? (row.firstPublishedAt ?? at) : at;
    return {
      set: { status: 'scheduled', publishAt: at, firstPublishedAt, ...featuredSet },
      audit: { action: 'release.schedule', after: { status: 'scheduled', publishAt: at, ...featuredSet } },
    };
  }
  await firstRevision(tx, row);
  const keep = visibleNow && row.publishAt ? row.publishAt : now;
  const firstPublishedAt = row.unpublishedAt || visibleNow ? (row.firstPublishedAt ?? keep) : now;
  return {
    set: { status: 'published', publishAt: keep, firstPublishedAt, ...featuredSet },
    audit: { action: 'release.publish', after: { status: 'published', publishAt: keep, ...featuredSet } },
    event: 'publish',
  };
}

/** Revision 1: the content as it was first published (or scheduled). */
async function firstRevision(tx: Ctx, row: ReleaseRow): Promise<void> {
  const [{ n }] = await tx.db
    .select({ n: max(releaseRevisions.revision) })
    .from(releaseRevisions)
    .where(eq(releaseRevisions.releaseId, row.id));
  if (n) return;
  await tx.db.insert(releaseRevisions).values({
    releaseId: row.id,
    revision: 1,
    title: row.title,
    summary: row.summary,
    body: row.body,
    editorId: actorId(tx),
  });
}

export async function approveRelease(ctx: Ctx, id: string, input: z.output<typeof approveReleaseInput>) {
  return step(ctx, id, { action: 'release.review', version: input.version, editor: true }, async (tx, row, now) => {
    const review = { reviewedBy: actorId(tx), reviewedAt: now, reviewComment: input.comment ?? null };
    if (row.status !== 'submitted') throw new StateError('Rilis ini sudah disetujui; terbitkan atau jadwalkan.');
    if (!input.publishNow && !input.publishAt) {
      return {
        set: { status: 'approved', ...review },
        audit: { action: 'release.approve', after: { status: 'approved', comment: input.comment ?? null } },
      };
    }
    const pub = await publication(tx, { ...row, status: 'approved' }, now, input.publishNow ? null : input.publishAt);
    await audit(tx, {
      action: 'release.approve',
      entityType: 'release',
      entityId: id,
      after: { status: 'approved', comment: input.comment ?? null },
    });
    return { ...pub, set: { ...review, ...pub.set } };
  });
}

/** An approved release's time requested by its writer, when still ahead: publish without a time then schedules it. */
function requestedOf(row: ReleaseRow, now: Date): string | null {
  return row.status === 'approved' && row.publishAt && row.publishAt.getTime() > now.getTime() ? row.publishAt.toISOString() : null;
}

export async function publishRelease(ctx: Ctx, id: string, input: z.output<typeof publishReleaseInput>) {
  return step(ctx, id, { action: 'release.publish', version: input.version, editor: true }, (tx, row, now) =>
    publication(tx, row, now, input.publishAt === undefined ? requestedOf(row, now) : input.publishAt, input.featured),
  );
}

export async function unscheduleRelease(ctx: Ctx, id: string, version: number) {
  return step(ctx, id, { action: 'release.publish', version, editor: true }, async (_tx, row, now) => {
    if (row.status !== 'scheduled') throw new StateError('Rilis ini tidak sedang terjadwal.');
    if (isPubliclyVisible(row, now)) throw new StateError('Waktu terbit sudah lewat dan rilis sudah tampil; gunakan Tarik rilis.');
    const set: Step['set'] = row.unpublishedAt
      ? { status: 'unpublished' }
      : { status: 'approved', publishAt: null, firstPublishedAt: null };
    return { set, audit: { action: 'release.unschedule' } };
  });
}

export async function unpublishRelease(ctx: Ctx, id: string, input: z.output<typeof unpublishReleaseInput>) {
  return step(ctx, id, { action: 'release.unpublish', version: input.version, editor: true }, async (_tx, row, now) => ({
    set: { status: 'unpublished', unpublishedAt: now },
    audit: { action: 'release.unpublish', after: { status: 'unpublished', reason: input.reason } },
    event: isPubliclyVisible(row, now) ? 'unpublish' : undefined,
  }));
}

/**
 * An editor's correction of a scheduled, published or unpublished release: the changed content, a new revision
 * (with the note), and, when significant, "Diperbarui pada ..." on the public page.
 */
export async function correctRelease(ctx: Ctx, id: string, input: z.output<typeof correctReleaseInput>) {
  const { version, significant, note, featured, ...fields } = input;
  if (significant && !note) {
    const message = 'Tulis catatan perubahan: catatan ini tampil di halaman publik ("Diperbarui pada ...")';
    throw new ValidationError(message, { note: message });
  }
  return step(ctx, id, { action: 'release.correct', version, editor: true }, async (tx, row, now) => {
    const set = await contentChanges(tx, row, fields);
    if (featured !== undefined) set.featured = featured;
    if (significant) Object.assign(set, { correctedAt: now, correctionNote: note });
    const [{ n }] = await tx.db
      .select({ n: max(releaseRevisions.revision) })
      .from(releaseRevisions)
      .where(and(eq(releaseRevisions.releaseId, id)));
    const next = { ...row, ...set } as ReleaseRow;
    await tx.db.insert(releaseRevisions).values({
      releaseId: id,
      revision: (n ?? 0) + 1,
      title: next.title,
      summary: next.summary,
      body: next.body,
      significant,
      note: note ?? null,
      editorId: actorId(tx),
    });
    return {
      set,
      audit: { action: 'release.correct', after: { ...pick(next, set), significant, note: note ?? null } },
      event: isPubliclyVisible(row, now) ? 'update' : undefined,
    };
  });
}

export { auditView };
