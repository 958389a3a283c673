import { and, asc, ne, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { activities } from '../../db/schema/index';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { seesDraftActivities } from './visibility';
import type { ActivityStatus, listActivitiesQuery } from '../../../shared/schemas/activities';

/** Activities, newest fiscal year first, optionally of one year or status; one page (`limit`, `offset`) and the total. */
export async function listActivities(ctx: Ctx, q: z.output<typeof listActivitiesQuery>) {
  authorize(ctx.actor, 'activity.read');
  const where: SQL[] = [];
  if (q.year) where.push(eq(activities.fiscalYear, q.year));
  if (q.status) where.push(eq(activities.status, q.status));
  // Member officers and speakers see only approved activities (approved, running, done).
  if (!seesDraftActivities(ctx.actor)) where.push(ne(activities.status, 'draft'));
  const cond = where.length ? and(...where) : undefined;
  const rowsQuery = ctx.db
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
    .where(cond)
    .orderBy(desc(activities.fiscalYear), asc(activities.title), asc(activities.createdAt), asc(activities.id))
    .limit(q.limit)
    .offset(q.offset);
  const [rows, [total]] = await Promise.all([rowsQuery, ctx.db.select({ n: count() }).from(activities).where(cond)]);
  const items = rows.map((r) => ({
    ...r,
    status: r.status as ActivityStatus,
    fundingTotal: Number(r.fundingTotal ?? 0) || 0,
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0 };
}
