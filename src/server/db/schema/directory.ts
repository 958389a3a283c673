import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uuid, integer, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, oneOf, updatedAt, version } from './columns';
import { institutionCategories } from '../../../shared/categories';
import { prFunctionalLevels } from '../../../shared/schemas/directory';

export const files = pgTable('files', {
  id: id(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  /** The bytes themselves (small files such as logos); null when stored elsewhere. */
  content: bytea('content'),
  createdAt: createdAt(),
});

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
    logoFileId: uuid('logo_file_id').references(() => files.id),
    active: boolean('active').notNull().default(true),
    /** Lower-cased, accent-stripped name + short name, for accent- and case-insensitive search. */
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('institutions_category_idx').on(t.category),
    oneOf('institutions_category_check', t.category, institutionCategories),
    index('institutions_search_idx').on(t.searchText),
    index('institutions_name_idx').on(t.name, t.id),
    uniqueIndex('institutions_name_key').on(sql`lower(${t.name})`),
    // One row per regency/city: its Kemendagri code identifies it.
    uniqueIndex('institutions_region_code_key').on(t.regionCode).where(sql`${t.category} = 'regency_city'`),
  ],
);

/** A PR officer (pejabat humas) of a member institution. */
export const officers = pgTable(
  'officers',
  {
    id: id(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
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
  (t) => [
    index('officers_institution_idx').on(t.institutionId),
    oneOf('officers_pr_functional_level_check', t.prFunctionalLevel, prFunctionalLevels, { nullable: true }),
    index('officers_search_idx').on(t.searchText),
    index('officers_name_idx').on(t.name, t.id),
    uniqueIndex('officers_email_key').on(t.email).where(sql`${t.email} is not null`),
    uniqueIndex('officers_nip_key').on(t.nip).where(sql`${t.nip} is not null`),
    // At most one main PR contact per institution.
    uniqueIndex('officers_main_contact_key').on(t.institutionId).where(sql`${t.isMainContact}`),
  ],
);
