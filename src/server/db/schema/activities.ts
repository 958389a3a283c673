import { bigint, boolean, index, integer, jsonb, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, updatedAt, version } from './columns';
import { users } from './auth';
import { activityStatuses } from '../../../shared/kak';
import { committeeRoles, speakerStatuses } from '../../../shared/schemas/activities';

/** One budgeted yearly activity (kegiatan) and its Terms of Reference (KAK) sections. */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    title: text('title').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    orgUnit: text('org_unit').notNull(),
    status: text('status').notNull().default('draft'), // draft | approved | running | done
    /** PPTK: { name, position, nip } */
    officerInCharge: jsonb('officer_in_charge').notNull(),
    /** The KAK sections A-G as one validated document (see src/shared/kak.ts). */
    kak: jsonb('kak').notNull(),
    committeeDecree: text('committee_decree'),
    signPlace: text('sign_place'),
    signDate: text('sign_date'),
    copiedFromId: uuid('copied_from_id'),
    /** The bureau shares the personal data (NIPs, fees, budget lines) of this activity with member officers. */
    sharedWithMembers: boolean('shared_with_members').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('activities_year_idx').on(t.fiscalYear), oneOf('activities_status_check', t.status, activityStatuses)],
);

/** Rincian anggaran: volume x unit price = amount, spread over quarters. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    accountCode: text('account_code').notNull(),
    description: text('description').notNull(),
    volume: numeric('volume', { precision: 14, scale: 2 }).notNull(),
    unit: text('unit').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** Planned amount per quarter [I, II, III, IV]; adds up to amount. */
    quarterPlan: jsonb('quarter_plan').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('budget_lines_activity_idx').on(t.activityId)],
);

export const committeeMembers = pgTable(
  'committee_members',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    role: text('role').notNull(), // pengarah | penanggung_jawab | ketua | sekretaris | anggota
    name: text('name').notNull(),
    position: text('position'),
    nip: text('nip'),
    officerId: uuid('officer_id'),
    createdAt: createdAt(),
  },
  (t) => [index('committee_activity_idx').on(t.activityId), oneOf('committee_members_role_check', t.role, committeeRoles)],
);

export const speakers = pgTable(
  'speakers',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    institution: text('institution'),
    expertise: text('expertise'),
    topic: text('topic'),
    status: text('status').notNull().default('candidate'), // candidate | invited | confirmed | declined
    fee: bigint('fee', { mode: 'number' }).notNull().default(0),
    budgetLineId: uuid('budget_line_id').references(() => budgetLines.id, { onDelete: 'set null' }),
    /** The speaker's own account (role speaker), which may upload the materials of the speaker's sessions. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('speakers_activity_idx').on(t.activityId),
    index('speakers_user_idx').on(t.userId),
    oneOf('speakers_status_check', t.status, speakerStatuses),
  ],
);
