import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../core/audit';
import { anonymous, type Ctx } from '../../core/context';
import { defineQueue, enqueue, type JobContext } from '../../core/jobs';
import { releases } from '../../db/schema/index';
import { emitReleaseVisibilityChanged } from './events';
import { releasePath } from './visibility';

/**
 * Embargo: a scheduled release's job runs at its publish_at (pg-boss startAfter, queued in the transaction that
 * scheduled it). It makes the release `published` and fires the portal's hook after the commit. A job whose
 * release was rescheduled, unscheduled or taken down meanwhile (publish_at differs, status not scheduled) does
 * nothing: the new schedule has its own job. The SQL definition of "public" does not wait for this job.
 */
export async function liftEmbargo(
  jc: Pick<JobContext, 'db' | 'config' | 'mailer'>,
  data: { releaseId: string; publishAt: string },
  now = new Date(),
): Promise<{ published: boolean }> {
  const lifted = await jc.db.transaction(async (db) => {
    const ctx: Ctx = {
      actor: anonymous,
      db: db as unknown as Ctx['db'],
      requestId: 'job:release_publish',
      config: jc.config,
      mailer: jc.mailer,
    };
    const [row] = await ctx.db.select().from(releases).where(eq(releases.id, data.releaseId)).for('update');
    if (!row || row.status !== 'scheduled' || row.publishAt?.toISOString() !== new Date(data.publishAt).toISOString()) return null;
    // pg-boss never starts a job before startAfter; a clock a little behind the database's is tolerated.
    if (row.publishAt.getTime() > now.getTime() + 5_000) throw new Error('embargo belum berakhir: dicoba lagi');
    const [after] = await ctx.db
      .update(releases)
      .set({ status: 'published', version: row.version + 1, updatedAt: now })
      .where(eq(releases.id, row.id))
      .returning();
    await audit(ctx, {
      action: 'release.embargo_lift',
      entityType: 'release',
      entityId: row.id,
      before: { status: row.status, publishAt: row.publishAt },
      after: { status: 'published', publishAt: row.publishAt },
    });
    return after!;
  });
  if (!lifted) return { published: false };
  emitReleaseVisibilityChanged({
    reason: 'embargo_lift',
    releaseId: lifted.id,
    slug: lifted.slug,
    path: releasePath(lifted),
    institutionId: lifted.institutionId,
    category: lifted.category,
    tagSlugs: lifted.tagSlugs,
    at: new Date(),
  });
  return { published: true };
}

export const releasePublishQueue = defineQueue({
  name: 'release_publish',
  label: 'Penerbitan rilis terjadwal (embargo)',
  schema: z.object({ releaseId: z.uuid(), publishAt: z.iso.datetime({ offset: true }) }),
  retryLimit: 10,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 120,
  handler: (data, jc) => liftEmbargo(jc, data),
  // Every scheduled release has its job, also after a restore or a seed that ran before the queue existed; a
  // job already queued for the same time is kept (singleton key), and a duplicate would find nothing to do.
  onStart: async (db) => {
    const due = await db.select({ id: releases.id, publishAt: releases.publishAt }).from(releases).where(eq(releases.status, 'scheduled'));
    for (const r of due) {
      if (!r.publishAt) continue;
      const publishAt = r.publishAt.toISOString();
      await enqueue(
        { db },
        releasePublishQueue,
        { releaseId: r.id, publishAt },
        { startAfter: r.publishAt, singletonKey: `${r.id}:${publishAt}` },
      );
    }
  },
});
