import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { audit } from './audit';
import { inTransaction, type Ctx } from './context';
import { NotFoundError, StaleVersionError } from './errors';
import type { SubjectType } from './lifecycles';
import { authorize, type Action, type Subject } from './policy';

/** A table whose rows are aggregate roots: they carry the optimistic `version` every write must name. */
type RootTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** How to find, authorize and describe one kind of aggregate root (an activity, a meeting, a release...). */
export type AggregateRoot<Row> = {
  type: SubjectType;
  table: RootTable;
  /** 404 message, e.g. "Kegiatan tidak ditemukan". */
  notFound: string;
  /** What the policy reads of the row: status, institution, owner. */
  subject: (row: Row) => Subject;
  /**
   * Reads the row with what its subject needs from other tables (a meeting's manager ids); default: the
   * table's row. `loadAuthorized` uses it; `writeAggregate` locks the table's row and reads it the same way.
   */
  load?: (ctx: Ctx, id: string) => Promise<Row | undefined>;
};

export type AuditEntry = Parameters<typeof audit>[1];
export type Change<T> = { result: T; audit: AuditEntry | AuditEntry[] };

export const staleVersionMessage =
  'Data ini telah diubah oleh pengguna lain sejak Anda membukanya. Muat ulang untuk melihat perubahan terbaru, lalu ulangi perubahan Anda.';

/**
 * The one optimistic-concurrency rule: a write names the version it read, and a different current version
 * refuses it with 409. (Validation refuses a write that names none.)
 */
export function assertVersion(current: number, sent: number): void {
  if (sent !== current) throw new StaleVersionError(staleVersionMessage, current);
}

/** Reads a root row without locking or authorizing it (for presenters and the policy's read checks). */
export async function findRoot<Row>(ctx: Ctx, root: AggregateRoot<Row>, id: string): Promise<Row> {
  if (root.load) {
    const loaded = await root.load(ctx, id);
    if (!loaded) throw new NotFoundError(root.notFound);
    return loaded;
  }
  const [row] = await ctx.db
    .select()
    .from(root.table as PgTable)
    .where(eq(root.table.id, id));
  if (!row) throw new NotFoundError(root.notFound);
  return row as Row;
}

/** Loads a root row and checks that the actor may take `action` on it (404 / 403 / 409 as the policy says). */
export async function loadAuthorized<Row>(ctx: Ctx, root: AggregateRoot<Row>, id: string, action: Action): Promise<Row> {
  authorize(ctx.actor, action);
  const row = await findRoot(ctx, root, id);
  authorize(ctx.actor, action, { type: root.type, ...root.subject(row) });
  return row;
}

/**
 * The one write path of an aggregate. In one transaction: lock the root row (FOR UPDATE), authorize the
 * action against it (role, institution, owner, status), refuse a stale `version`, bump the version, run the
 * change, and write its audit rows. Whatever fails leaves the data as it was. Returns the change's result
 * and the root's new version (the client names it in its next write).
 */
export async function writeAggregate<Row, T>(
  ctx: Ctx,
  root: AggregateRoot<Row>,
  id: string,
  intent: { action: Action; version: number },
  change: (tx: Ctx, row: Row) => Promise<Change<T>>,
): Promise<{ result: T; version: number }> {
  authorize(ctx.actor, intent.action);
  return inTransaction(ctx, async (tx) => {
    const [locked] = await tx.db
      .select()
      .from(root.table as PgTable)
      .where(eq(root.table.id, id))
      .for('update');
    if (!locked) throw new NotFoundError(root.notFound);
    const row = root.load ? ((await root.load(tx, id)) as Row) : (locked as Row);
    authorize(tx.actor, intent.action, { type: root.type, ...root.subject(row) });
    const current = (locked as { version: number }).version;
    assertVersion(current, intent.version);
    await tx.db
      .update(root.table)
      .set({ version: sql`${root.table.version} + 1`, updatedAt: sql`now()` } as never)
      .where(eq(root.table.id, id));
    const { result, audit: entries } = await change(tx, row);
    for (const entry of Array.isArray(entries) ? entries : [entries]) await audit(tx, entry);
    return { result, version: current + 1 };
  });
}
