import { auditLog } from '../db/schema/index';
import { actorLabel, type Ctx } from './context';

const secretKeys = new Set(['passwordHash', 'password', 'tokenHash', 'token', 'csrfToken']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !secretKeys.has(k) && k !== 'searchText')
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

/** Records who changed what; call it with the transaction's ctx so it commits or rolls back with the change. */
export async function audit(
  ctx: Ctx,
  entry: { action: string; entityType: string; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await ctx.db.insert(auditLog).values({
    actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    actorLabel: actorLabel(ctx.actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: scrub(entry.before) ?? null,
    after: scrub(entry.after) ?? null,
    requestId: ctx.requestId,
  });
}
