import { and, asc, ne, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { activities } from '../../db/schema/index';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { seesDraftActivities } from './visibility';
import type { ActivityStatus, listActivitiesQuery } from '../../../shared/schemas/activities';

/** Activities, newest fiscal year first, optionally of one year or status. */
export async function listActivities(ctx: Ctx, q: z.output<typeof listActivitiesQuery>) {
  authorize(ctx.actor, 'activity.read');
  const where: SQL[] = [];
  if (q.year) where.push(eq(activities.fiscalYear, q.year));
  if (q.status) where.push(eq(activities.status, q.status));
  // Member officers and speakers see only approved activities (approved, running, done).
  if (!seesDraftActivities(ctx.actor)) where.push(ne(activities.status, 'draft'));
  const rows = await ctx.db
    .select({
      id: activities.id,
      title: activities.title,
      fiscalYear: activities.fiscalYear,
      status: activities.status,
      orgUnit: activities.orgUnit,
      fundingTotal: sql<string | null>`${activities.kak} -> 'funding' ->> 'total'`,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(activities.fiscalYear), asc(activities.title), asc(activities.createdAt));
  const items = rows.map((r) => ({
    ...r,
    status: r.status as ActivityStatus,
    fundingTotal: Number(r.fundingTotal ?? 0) || 0,
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total: items.length };
}
