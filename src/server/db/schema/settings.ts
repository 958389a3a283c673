import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns';
import { files } from './directory';

/** Organisation-wide settings (letterhead, rupiah style), one row per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
  /**
   * The letterhead logo the value points at, as a real foreign key: a file stays while a setting uses it
   * (core/files.ts deletes a replaced file only when no foreign key refers to it).
   */
  logoFileId: uuid('logo_file_id')
    .generatedAlwaysAs(sql`(value ->> 'logoFileId')::uuid`)
    .references(() => files.id),
});
