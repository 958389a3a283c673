import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, updatedAt, version } from './columns';
import { activities, committeeMembers } from './activities';
import { users } from './auth';
import { institutions, officers } from './directory';
import { meetingStatuses, rsvpStates, sendStates } from '../../../shared/meetingStates';

/**
 * A coordination meeting (rapat) of an activity: the aggregate root of its agenda, invitations and
 * registrations. Times are wall-clock WIB ('HH:MM'); dates are calendar dates.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** WIB, 'HH:MM'. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    venue: text('venue').notNull(),
    venueAddress: text('venue_address'),
    capacity: integer('capacity'),
    isPublic: boolean('is_public').notNull().default(false),
    status: text('status').notNull().default('draft'),
    /** RSVP answers are accepted (and changed) until then; null = until the meeting starts. */
    rsvpDeadline: timestamp('rsvp_deadline', { withTimezone: true }),
    /** The automatic reminder goes this many days before the meeting to invitees who have not answered. */
    reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
    /** Letter (tata naskah dinas): numbering pattern e.g. '005/{seq}/Humas-{year}', place and date, Sifat, Hal. */
    letterNumberPattern: text('letter_number_pattern').notNull().default('005/{seq}/Humas-{year}'),
    letterPlace: text('letter_place'),
    letterDate: date('letter_date', { mode: 'string' }),
    letterNature: text('letter_nature').notNull().default('Biasa'),
    letterSubject: text('letter_subject'),
    /** The signing official: { name, position, rank, nip }. */
    signer: jsonb('signer'),
    /** Tembusan: list of addressees of copies. */
    copies: jsonb('copies').notNull().default(sql`'[]'::jsonb`),
    /** Last sequence number used by the numbering pattern. */
    letterSeq: integer('letter_seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('meetings_activity_idx').on(t.activityId),
    oneOf('meetings_status_check', t.status, meetingStatuses),
    check('meetings_dates_check', sql`${t.endDate} >= ${t.startDate}`),
    check('meetings_times_check', sql`${t.endTime} > ${t.startTime}`),
    check('meetings_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('meetings_reminder_check', sql`${t.reminderDaysBefore} >= 0`),
  ],
);

/** The committee members who run a meeting (as user accounts). Only they and administrators manage it. */
export const meetingManagers = pgTable(
  'meeting_managers',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    committeeMemberId: uuid('committee_member_id').references(() => committeeMembers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_managers_user_idx').on(t.userId)],
);

/** Susunan acara: sessions of a meeting, ordered by position. */
export const agendaSessions = pgTable(
  'agenda_sessions',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** The meeting day; null = the first day. */
    day: date('day', { mode: 'string' }),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    title: text('title').notNull(),
    /** Ids of the activity's speakers. */
    speakerIds: jsonb('speaker_ids').notNull().default(sql`'[]'::jsonb`),
    moderator: text('moderator'),
    topics: text('topics'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agenda_sessions_meeting_idx').on(t.meetingId, t.position),
    check('agenda_sessions_times_check', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/**
 * One invited institution: its quota of delegates, the letter's addressee and number, the RSVP link (stored as
 * sha256 of the token; the token is the credential), its answer and where the letter's e-mail stands.
 */
export const meetingInvitations = pgTable(
  'meeting_invitations',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    quota: integer('quota').notNull().default(2),
    /** "Bupati Agam", "Kepala Dinas Kominfo ..." (the letter prints "Yth." before it). */
    addressee: text('addressee').notNull(),
    letterNumber: text('letter_number'),
    rsvpTokenHash: text('rsvp_token_hash'),
    rsvpTokenExpiresAt: timestamp('rsvp_token_expires_at', { withTimezone: true }),
    /** Overrides the meeting's RSVP deadline for this institution. */
    rsvpDeadline: timestamp('rsvp_deadline', { withTimezone: true }),
    state: text('state').notNull().default('pending'),
    declineReason: text('decline_reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    sendState: text('send_state').notNull().default('unsent'),
    sentTo: text('sent_to'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sendError: text('send_error'),
    sendCount: integer('send_count').notNull().default(0),
    mailId: bigint('mail_id', { mode: 'number' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_invitations_institution_key').on(t.meetingId, t.institutionId),
    uniqueIndex('meeting_invitations_token_key').on(t.rsvpTokenHash),
    uniqueIndex('meeting_invitations_letter_number_key').on(t.meetingId, t.letterNumber),
    index('meeting_invitations_institution_idx').on(t.institutionId),
    oneOf('meeting_invitations_state_check', t.state, rsvpStates),
    oneOf('meeting_invitations_send_state_check', t.sendState, sendStates),
    check('meeting_invitations_quota_check', sql`${t.quota} >= 0`),
  ],
);

/**
 * A delegate registered for a meeting (through an RSVP or at the desk as a walk-in). The QR ticket carries an
 * unguessable token; only sha256(token) is stored. A delegate removed by a changed RSVP is cancelled, not
 * deleted (a check-in may point at it); quotas count rows with cancelled_at null.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** Null only for a walk-in from an institution that was not invited. */
    invitationId: uuid('invitation_id').references(() => meetingInvitations.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id').references(() => institutions.id),
    name: text('name').notNull(),
    position: text('position'),
    /** E.164 (+62...). */
    phone: text('phone'),
    email: text('email'),
    nip: text('nip'),
    officerId: uuid('officer_id').references(() => officers.id, { onDelete: 'set null' }),
    ticketTokenHash: text('ticket_token_hash').notNull(),
    walkIn: boolean('walk_in').notNull().default(false),
    /** The committee member who let a walk-in in over the quota (null when within quota). */
    quotaOverrideBy: uuid('quota_override_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('registrations_ticket_key').on(t.ticketTokenHash),
    index('registrations_meeting_idx').on(t.meetingId),
    index('registrations_invitation_idx').on(t.invitationId),
  ],
);

/**
 * One arrival. The client generates client_id, so a retried or re-synced check-in is applied once; a
 * registration is checked in at most once per meeting day whatever the number of devices.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: id(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    meetingDay: date('meeting_day', { mode: 'string' }).notNull(),
    clientId: text('client_id').notNull(),
    /** When the scan happened on the device (may be earlier than when it reached the server). */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    byUserId: uuid('by_user_id').references(() => users.id),
    deviceLabel: text('device_label'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('check_ins_client_id_key').on(t.clientId),
    uniqueIndex('check_ins_registration_day_key').on(t.registrationId, t.meetingDay),
    index('check_ins_meeting_idx').on(t.meetingId, t.checkedInAt),
  ],
);
