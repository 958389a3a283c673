import { sql } from 'drizzle-orm';
import { check, customType, integer, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Optimistic concurrency: a save must name the version it read. */
export const version = () => integer('version').notNull().default(1);

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A CHECK constraint keeping a text column to the values of a shared zod enum, so the database refuses what the
 * API would (a row written by hand or by an old version cannot hold an unknown status). Values are our constants.
 */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[], opts: { nullable?: boolean } = {}) {
  const list = sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '));
  return opts.nullable ? check(name, sql`${column} is null or ${column} in (${list})`) : check(name, sql`${column} in (${list})`);
}
