import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, updatedAt, version } from './columns';
import { activities, committeeMembers, speakers } from './activities';
import { users } from './auth';
import { files, institutions } from './directory';
import { meetings, registrations } from './meetings';
import { certificateBatchStates, certificateRoles, followUpStatuses } from '../../../shared/outcomes';

/** Rumusan hasil rapat: the numbered statements a meeting agreed on. */
export const resolutions = pgTable(
  'resolutions',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    statement: text('statement').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('resolutions_meeting_number_key').on(t.meetingId, t.number), check('resolutions_number_check', sql`${t.number} > 0`)],
);

/**
 * Tindak lanjut: an action a resolution asks of one or more institutions, with a due date (never before the
 * meeting), where it stands, and its evidence (a link or a stored file). Reminders are sent once each.
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    resolutionId: uuid('resolution_id')
      .notNull()
      .references(() => resolutions.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('not_started'),
    statusNote: text('status_note'),
    evidenceUrl: text('evidence_url'),
    evidenceFileId: uuid('evidence_file_id').references(() => files.id),
    evidenceFileName: text('evidence_file_name'),
    dueReminderAt: timestamp('due_reminder_at', { withTimezone: true }),
    overdueReminderAt: timestamp('overdue_reminder_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('follow_ups_resolution_idx').on(t.resolutionId),
    index('follow_ups_meeting_idx').on(t.meetingId, t.dueDate),
    oneOf('follow_ups_status_check', t.status, followUpStatuses),
    check('follow_ups_evidence_url_check', sql`${t.evidenceUrl} is null or ${t.evidenceUrl} ~ '^https?://'`),
  ],
);

/** The institutions responsible for a follow-up (their member officers see and update it). */
export const followUpInstitutions = pgTable(
  'follow_up_institutions',
  {
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.institutionId] }), index('follow_up_institutions_institution_idx').on(t.institutionId)],
);

/** A bulk generation of a meeting's certificates (its progress is the share of its certificates with a PDF). */
export const certificateBatches = pgTable(
  'certificate_batches',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    total: integer('total').notNull(),
    state: text('state').notNull().default('running'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('certificate_batches_meeting_idx').on(t.meetingId),
    oneOf('certificate_batches_state_check', t.state, certificateBatchStates),
  ],
);

/**
 * A certificate (sertifikat) for a participant who checked in, a speaker or a committee member. Its number is
 * unique and sequential per activity ('001/SERT/HUMAS/2019'); `verify_id` is a random 128-bit id, the only key
 * of the public verification page. One certificate per person and meeting.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    role: text('role').notNull(),
    /** "Peserta", "Narasumber", "Panitia (Ketua)". */
    roleLabel: text('role_label').notNull(),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    speakerId: uuid('speaker_id').references(() => speakers.id, { onDelete: 'cascade' }),
    committeeMemberId: uuid('committee_member_id').references(() => committeeMembers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    institutionName: text('institution_name'),
    email: text('email'),
    verifyId: text('verify_id').notNull(),
    batchId: uuid('batch_id').references(() => certificateBatches.id, { onDelete: 'set null' }),
    fileId: uuid('file_id').references(() => files.id),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('certificates_activity_seq_key').on(t.activityId, t.seq),
    uniqueIndex('certificates_activity_number_key').on(t.activityId, t.number),
    uniqueIndex('certificates_verify_key').on(t.verifyId),
    uniqueIndex('certificates_registration_key').on(t.meetingId, t.registrationId).where(sql`${t.registrationId} is not null`),
    uniqueIndex('certificates_speaker_key').on(t.meetingId, t.speakerId).where(sql`${t.speakerId} is not null`),
    uniqueIndex('certificates_committee_key').on(t.meetingId, t.committeeMemberId).where(sql`${t.committeeMemberId} is not null`),
    index('certificates_batch_idx').on(t.batchId),
    oneOf('certificates_role_check', t.role, certificateRoles),
    check('certificates_seq_check', sql`${t.seq} > 0`),
    check(
      'certificates_subject_check',
      sql`(${t.role} = 'participant' and ${t.registrationId} is not null and ${t.speakerId} is null and ${t.committeeMemberId} is null)
        or (${t.role} = 'speaker' and ${t.speakerId} is not null and ${t.registrationId} is null and ${t.committeeMemberId} is null)
        or (${t.role} = 'committee' and ${t.committeeMemberId} is not null and ${t.registrationId} is null and ${t.speakerId} is null)`,
    ),
  ],
);
