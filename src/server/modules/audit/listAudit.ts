import { and, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { activities, auditLog, budgetLines, committeeMembers, institutions, officers, speakers, users } from '../../db/schema/index';
import type { Ctx } from '../../core/context';
import { pageQueryFields } from '../../../shared/schemas/common';
import { authorize } from '../../core/policy';
import { auditActionLabel, auditEntityLabel } from '../../../shared/auditLabels';

export const auditQuery = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...pageQueryFields,
});

type AuditRow = typeof auditLog.$inferSelect;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tables whose rows an audit entry may name, with the column people know them by. */
const namedTables = {
  institution: { table: institutions, id: institutions.id, name: institutions.name },
  officer: { table: officers, id: officers.id, name: officers.name },
  activity: { table: activities, id: activities.id, name: activities.title },
  user: { table: users, id: users.id, name: users.name },
  budget_line: { table: budgetLines, id: budgetLines.id, name: budgetLines.description },
  committee_member: { table: committeeMembers, id: committeeMembers.id, name: committeeMembers.name },
  speaker: { table: speakers, id: speakers.id, name: speakers.name },
} as const;

/** A name kept in the entry itself (for rows since deleted): the title, name or description it recorded. */
function nameInSnapshot(row: AuditRow): string | null {
  for (const side of [row.after, row.before]) {
    if (side && typeof side === 'object' && !Array.isArray(side)) {
      const s = side as Record<string, unknown>;
      for (const k of ['title', 'name', 'description']) if (typeof s[k] === 'string' && s[k]) return s[k] as string;
    }
  }
  return null;
}

/**
 * Labels and names for one page of entries, resolved with one query per kind of entity on the page (at most
 * 200 ids each): the actor's name, the entity's current name (or the one the entry recorded, when the row is
 * gone), and the Indonesian words for the action and the entity type.
 */
async function describe(ctx: Ctx, rows: AuditRow[]) {
  const idsOf = (type: string) => [
    ...new Set(rows.filter((r) => r.entityType === type && r.entityId && uuidPattern.test(r.entityId)).map((r) => r.entityId!)),
  ];
  const names = new Map<string, string>();
  await Promise.all(
    Object.entries(namedTables).map(async ([type, t]) => {
      const ids = idsOf(type);
      if (!ids.length) return;
      const found = await ctx.db.select({ id: t.id, name: t.name }).from(t.table).where(inArray(t.id, ids));
      for (const f of found) names.set(`${type}:${f.id}`, f.name);
    }),
  );
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = new Map(
    actorIds.length
      ? (await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))).map((u) => [u.id, u.name])
      : [],
  );
  return rows.map((r) => ({
    ...r,
    actionLabel: auditActionLabel(r.action),
    entityLabel: auditEntityLabel(r.entityType),
    actorName: (r.actorId && actors.get(r.actorId)) || null,
    entityName: (r.entityId && names.get(`${r.entityType}:${r.entityId}`)) || (r.entityId ? nameInSnapshot(r) : null),
  }));
}

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
  return { items: await describe(ctx, items), total: total?.n ?? 0 };
}
