import { boolean, index, pgTable, text, uuid, integer } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';

export const institutions = pgTable(
  'institutions',
  {
    id: id(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    category: text('category').notNull(),
    regionCode: text('region_code'),
    address: text('address'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    logoFileId: uuid('logo_file_id'),
    active: boolean('active').notNull().default(true),
    /** Lower-cased, accent-stripped name + short name, for accent- and case-insensitive search. */
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('institutions_category_idx').on(t.category), index('institutions_search_idx').on(t.searchText)],
);

/** A PR officer (pejabat humas) of a member institution. */
export const officers = pgTable(
  'officers',
  {
    id: id(),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    name: text('name').notNull(),
    nip: text('nip'),
    position: text('position'),
    prFunctionalLevel: text('pr_functional_level'),
    email: text('email'),
    phone: text('phone'),
    isMainContact: boolean('is_main_contact').notNull().default(false),
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('officers_institution_idx').on(t.institutionId), index('officers_search_idx').on(t.searchText)],
);

export const files = pgTable('files', {
  id: id(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: createdAt(),
});
