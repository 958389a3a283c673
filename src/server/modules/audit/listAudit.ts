import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../db/schema/index';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';

export const auditQuery = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Browse the audit trail, newest first, filtered by entity, actor, action and date range. */
export async function listAudit(ctx: Ctx, q: z.infer<typeof auditQuery>) {
  authorize(ctx.actor, 'audit.read');
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+07:00`)));
  if (q.to) where.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999+07:00`)));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    ctx.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}
