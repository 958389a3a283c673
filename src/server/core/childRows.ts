import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from './context';
import { NotFoundError } from './errors';
import { writeAggregate, type AggregateRoot } from './aggregate';
import type { Action } from './policy';

/**
 * The rows an aggregate holds beside its root (an activity's budget lines, committee, speakers; a meeting's
 * agenda sessions). Every add, change and removal goes through the root's write path, so it is authorized
 * against the root's status and institution, bumps the root's version (a stale one gets 409) and is audited.
 */
export type ChildSpec<Row, Out, Input> = {
  root: AggregateRoot<any>;
  /** The root-level action every write needs, e.g. 'activity.write'. */
  action: Action;
  table: PgTable & { id: PgColumn };
  /** The column that points at the root. */
  parentKey: PgColumn;
  /** Audit names: `${auditName}.create` and the entity type. */
  auditName: string;
  entityType: string;
  notFound: string;
  present: (row: Row) => Out;
  /**
   * The stored values for a new row (before = null) or a change (before = the row as presented; input holds
   * only the fields sent). Throws ValidationError for input the rules refuse.
   */
  values: (tx: Ctx, parentId: string, input: Partial<Input>, before: Out | null) => Promise<Record<string, unknown>>;
};

export type ChildWrite<Out> = { item: Out; version: number };

export function childRows<Row, Out, Input>(spec: ChildSpec<Row, Out, Input>) {
  const table = spec.table;
  const parentProperty = keyOf(spec as ChildSpec<unknown, unknown, unknown>);

  async function find(tx: Ctx, parentId: string, childId: string): Promise<Out> {
    const [row] = await tx.db
      .select()
      .from(table)
      .where(and(eq(table.id, childId), eq(spec.parentKey, parentId)));
    if (!row) throw new NotFoundError(spec.notFound);
    return spec.present(row as Row);
  }

  return {
    async add(ctx: Ctx, parentId: string, input: Input, version: number): Promise<ChildWrite<Out>> {
      const { result, version: v } = await writeAggregate(ctx, spec.root, parentId, { action: spec.action, version }, async (tx) => {
        const values = await spec.values(tx, parentId, input, null);
        const [row] = await tx.db
          .insert(table)
          .values({ ...values, [parentProperty]: parentId } as never)
          .returning();
        const item = spec.present(row as Row);
        return {
          result: item,
          audit: { action: `${spec.auditName}.create`, entityType: spec.entityType, entityId: idOf(item), after: item },
        };
      });
      return { item: result, version: v };
    },

    async update(ctx: Ctx, parentId: string, childId: string, input: Partial<Input>, version: number): Promise<ChildWrite<Out>> {
      const { result, version: v } = await writeAggregate(ctx, spec.root, parentId, { action: spec.action, version }, async (tx) => {
        const before = await find(tx, parentId, childId);
        const values = await spec.values(tx, parentId, input, before);
        const [row] = await tx.db
          .update(table)
          .set(values as never)
          .where(eq(table.id, childId))
          .returning();
        const after = spec.present(row as Row);
        return {
          result: after,
          audit: { action: `${spec.auditName}.update`, entityType: spec.entityType, entityId: childId, before, after },
        };
      });
      return { item: result, version: v };
    },

    async remove(ctx: Ctx, parentId: string, childId: string, version: number): Promise<{ version: number }> {
      const { version: v } = await writeAggregate(ctx, spec.root, parentId, { action: spec.action, version }, async (tx) => {
        const before = await find(tx, parentId, childId);
        await tx.db.delete(table).where(eq(table.id, childId));
        return { result: null, audit: { action: `${spec.auditName}.delete`, entityType: spec.entityType, entityId: childId, before } };
      });
      return { version: v };
    },
  };
}

/** The TypeScript key of the parent column (Drizzle inserts by property name, not column name). */
function keyOf(spec: ChildSpec<unknown, unknown, unknown>): string {
  const entry = Object.entries(spec.table).find(([, col]) => col === spec.parentKey);
  if (!entry) throw new Error(`parentKey is not a column of ${spec.entityType}`);
  return entry[0];
}

function idOf(item: unknown): string | null {
  return (item as { id?: string }).id ?? null;
}
