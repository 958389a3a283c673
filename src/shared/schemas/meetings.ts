import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { institutionCategories } from '../categories';
import { isoDateError } from '../dates';
import { meetingStatuses, rsvpStates, sendStates } from '../meetingStates';
import { email, optionalText, requiredEnum, requiredText, safeString, uuid, z } from '../zod';
import { versionField } from './version';
import { pageQueryFields } from './common';

/** Shapes of the meetings API (rapat koordinasi): inputs validated on both sides, outputs typed for the SPA. */

export const timeOfDay = (label = 'Jam') =>
  z
    .string({ error: `${label} wajib diisi` })
    .trim()
    .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, `${label} harus berformat JJ:MM (00:00-23:59)`)
    .transform((v) => v.replace('.', ':'));
export const isoDate = (label = 'Tanggal') =>
  z
    .string({ error: `${label} wajib diisi` })
    .trim()
    .superRefine((v, ctx) => {
      const error = isoDateError(v);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    });

export const indonesianPhoneMessage = 'Nomor telepon harus nomor Indonesia (contoh: 0812-3456-7890 atau +62 812 3456 7890)';
/** An Indonesian phone number, stored as E.164 (+62...). */
export function indonesianPhone(input: string): string | null {
  let text = input.trim();
  const digits = text.replace(/[^\d]/g, '');
  if (!text.startsWith('+') && digits.startsWith('62') && digits.length >= 10) text = `+${digits}`;
  const phone = parsePhoneNumberFromString(text, 'ID');
  if (!phone || !phone.isValid() || phone.countryCallingCode !== '62') return null;
  return phone.number;
}
const optionalPhone = () =>
  z
    .union([safeString().trim().max(40), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === '') return null;
      const n = indonesianPhone(v);
      if (!n) {
        ctx.addIssue({ code: 'custom', message: indonesianPhoneMessage });
        return z.NEVER;
      }
      return n;
    });
const optionalEmail = () =>
  z
    .union([email(), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));
const optionalNip = () =>
  z
    .union([safeString().trim().max(30), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const digits = v.replace(/\s/g, '');
      if (!/^\d{18}$/.test(digits)) {
        ctx.addIssue({ code: 'custom', message: 'NIP harus 18 angka' });
        return z.NEVER;
      }
      return digits;
    });

export const signerSchema = z.object({
  name: requiredText(120, 'Nama penandatangan'),
  position: requiredText(160, 'Jabatan penandatangan'),
  rank: optionalText(120),
  nip: optionalNip(),
});
export type Signer = z.output<typeof signerSchema>;

const meetingFields = {
  title: requiredText(200, 'Nama rapat'),
  startDate: isoDate('Tanggal mulai'),
  endDate: isoDate('Tanggal selesai').optional(),
  startTime: timeOfDay('Jam mulai'),
  endTime: timeOfDay('Jam selesai'),
  venue: requiredText(200, 'Tempat'),
  venueAddress: optionalText(300),
  capacity: z.union([z.number().int('Kapasitas harus bilangan bulat').min(1, 'Kapasitas minimal 1').max(100_000), z.null()]).optional(),
  isPublic: z.boolean().optional(),
  rsvpDeadline: z.union([z.iso.datetime({ offset: true, error: 'Batas jawaban harus tanggal dan jam yang valid' }), z.null()]).optional(),
  reminderDaysBefore: z.number().int().min(0, 'Minimal 0 hari').max(60, 'Maksimal 60 hari').optional(),
  letterNumberPattern: requiredText(100, 'Pola nomor surat')
    .refine((v) => v.includes('{seq}'), 'Pola nomor surat harus memuat {seq}')
    .optional(),
  letterPlace: optionalText(100),
  letterDate: z.union([isoDate('Tanggal surat'), z.null()]).optional(),
  letterNature: requiredText(40, 'Sifat').optional(),
  letterSubject: optionalText(200),
  signer: z.union([signerSchema, z.null()]).optional(),
  copies: z.array(requiredText(200, 'Tembusan')).max(20).optional(),
  /** User ids of the committee members who run the meeting (the creator is always added). */
  managerIds: z.array(uuid()).max(50).optional(),
};
export const createMeetingInput = z.strictObject({ activityId: uuid(), ...meetingFields });
export const updateMeetingInput = z.strictObject(meetingFields).partial().extend({ version: versionField() });

export const meetingIdParams = z.object({ id: uuid() });
export const meetingChildParams = z.object({ id: uuid(), childId: uuid() });
export const listMeetingsQuery = z.object({ activityId: uuid().optional(), ...pageQueryFields });
export const meetingPageQuery = z.object({ ...pageQueryFields });

export const agendaSessionFields = {
  day: z.union([isoDate('Hari'), z.null()]).optional(),
  startTime: timeOfDay('Jam mulai'),
  endTime: timeOfDay('Jam selesai'),
  title: requiredText(200, 'Acara'),
  speakerIds: z.array(uuid()).max(10).optional(),
  moderator: optionalText(120),
  topics: optionalText(1000),
};
export const addAgendaSessionBody = z.strictObject({ version: versionField(), ...agendaSessionFields });
export const updateAgendaSessionBody = z.strictObject({
  version: versionField(),
  day: agendaSessionFields.day,
  startTime: agendaSessionFields.startTime.optional(),
  endTime: agendaSessionFields.endTime.optional(),
  title: agendaSessionFields.title.optional(),
  speakerIds: agendaSessionFields.speakerIds,
  moderator: agendaSessionFields.moderator,
  topics: agendaSessionFields.topics,
});
export const moveAgendaSessionBody = z.strictObject({ version: versionField(), direction: z.enum(['up', 'down']) });

export const addInvitationsBody = z.strictObject({
  version: versionField(),
  institutionIds: z.array(uuid()).max(500).optional(),
  /** Every active institution of a category in one action ("semua 19 kabupaten/kota"). */
  category: z.enum(institutionCategories).optional(),
  quota: z.number().int().min(1, 'Kuota minimal 1 orang').max(100, 'Kuota maksimal 100 orang').optional(),
});
export const updateInvitationBody = z.strictObject({
  version: versionField(),
  quota: z.number().int().min(1, 'Kuota minimal 1 orang').max(100, 'Kuota maksimal 100 orang').optional(),
  addressee: requiredText(200, 'Yth.').optional(),
  rsvpDeadline: z.union([z.iso.datetime({ offset: true }), z.null()]).optional(),
});
export const sendInvitationsBody = z.strictObject({
  version: versionField(),
  /** Only these invitations (resend); default every invitation not sent yet. */
  invitationIds: z.array(uuid()).max(500).optional(),
});

export const delegateInput = z.strictObject({
  /** Keep an existing delegate (its ticket stays valid). */
  id: uuid().optional(),
  name: requiredText(120, 'Nama'),
  position: optionalText(160),
  phone: optionalPhone(),
  email: optionalEmail(),
  nip: optionalNip(),
  officerId: z.union([uuid(), z.null()]).optional(),
});
export type DelegateInput = z.output<typeof delegateInput>;
export const rsvpAnswerBody = z.discriminatedUnion('answer', [
  z.strictObject({ answer: z.literal('accept'), delegates: z.array(delegateInput).min(1, 'Isi minimal satu peserta').max(100) }),
  z.strictObject({ answer: z.literal('decline'), reason: requiredText(500, 'Alasan') }),
]);
export const rsvpParams = z.object({ token: z.string().min(10).max(100) });
export const walkInBody = z.strictObject({
  version: versionField(),
  institutionId: z.union([uuid(), z.null()]).optional(),
  delegate: delegateInput,
  /** The committee lets the delegate in over the institution's quota. */
  overrideQuota: z.boolean().optional(),
});

// ---- outputs

export const agendaSessionOutput = z.object({
  id: z.string(),
  position: z.number().int(),
  day: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  title: z.string(),
  speakerIds: z.array(z.string()),
  speakerNames: z.array(z.string()),
  moderator: z.string().nullable(),
  topics: z.string().nullable(),
});
export type AgendaSession = z.infer<typeof agendaSessionOutput>;

export const delegateOutput = z.object({
  id: z.string(),
  invitationId: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  nip: z.string().nullable(),
  officerId: z.string().nullable(),
  walkIn: z.boolean(),
  quotaOverride: z.boolean(),
  createdAt: z.string(),
});
export type Delegate = z.infer<typeof delegateOutput>;

export const invitationOutput = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  category: z.string(),
  quota: z.number().int(),
  addressee: z.string(),
  letterNumber: z.string().nullable(),
  state: z.enum(rsvpStates),
  declineReason: z.string().nullable(),
  respondedAt: z.string().nullable(),
  sendState: z.enum(sendStates),
  sentTo: z.string().nullable(),
  sentAt: z.string().nullable(),
  sendError: z.string().nullable(),
  sendCount: z.number().int(),
  remindedAt: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  delegateCount: z.number().int(),
});
export type Invitation = z.infer<typeof invitationOutput>;

export const meetingCanOutput = z.object({
  manage: z.boolean(),
  send: z.boolean(),
  status: z.boolean(),
  checkIn: z.boolean(),
  overrideQuota: z.boolean(),
});

export const meetingSummaryOutput = z.object({
  id: z.string(),
  activityId: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  venue: z.string(),
  status: z.enum(meetingStatuses),
  isPublic: z.boolean(),
  invitationCount: z.number().int(),
  acceptedCount: z.number().int(),
  delegateCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummaryOutput>;

export const meetingDetailOutput = meetingSummaryOutput.extend({
  activityTitle: z.string(),
  fiscalYear: z.number().int(),
  venueAddress: z.string().nullable(),
  capacity: z.number().int().nullable(),
  rsvpDeadline: z.string().nullable(),
  reminderDaysBefore: z.number().int(),
  letterNumberPattern: z.string(),
  letterPlace: z.string().nullable(),
  letterDate: z.string().nullable(),
  letterNature: z.string(),
  letterSubject: z.string().nullable(),
  signer: z
    .object({ name: z.string(), position: z.string(), rank: z.string().nullable().optional(), nip: z.string().nullable().optional() })
    .nullable(),
  copies: z.array(z.string()),
  managers: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  agenda: z.array(agendaSessionOutput),
  version: z.number().int(),
  updatedAt: z.string(),
  can: meetingCanOutput,
});
export type MeetingDetail = z.infer<typeof meetingDetailOutput>;

export const meetingListOutput = z.object({ items: z.array(meetingSummaryOutput), total: z.number().int() });
export const invitationListOutput = z.object({ items: z.array(invitationOutput), total: z.number().int() });
export const delegateListOutput = z.object({ items: z.array(delegateOutput), total: z.number().int() });
export const agendaWriteOutput = agendaSessionOutput.extend({ meetingVersion: z.number().int() });
export const meetingVersionOutput = z.object({ ok: z.literal(true), meetingVersion: z.number().int() });
export const addInvitationsOutput = z.object({ added: z.number().int(), skipped: z.number().int(), meetingVersion: z.number().int() });
export const invitationWriteOutput = invitationOutput.extend({ meetingVersion: z.number().int() });
export const sendResultOutput = z.object({
  queued: z.array(
    z.object({
      invitationId: z.string(),
      institutionName: z.string(),
      to: z.string().nullable(),
      /** wa.me link with the invitation text and the new RSVP link (null when the institution has no WhatsApp number). */
      whatsappUrl: z.string().nullable(),
      rsvpUrl: z.string(),
      problem: z.string().nullable(),
    }),
  ),
  meetingVersion: z.number().int(),
});
export const walkInOutput = delegateOutput.extend({ meetingVersion: z.number().int() });

/** What the RSVP page shows to the holder of the link (no account). */
export const rsvpViewOutput = z.object({
  meeting: z.object({
    title: z.string(),
    dateText: z.string(),
    timeText: z.string(),
    venue: z.string(),
    venueAddress: z.string().nullable(),
    agenda: z.array(z.object({ time: z.string(), title: z.string(), speakers: z.string() })),
  }),
  institution: z.object({ id: z.string(), name: z.string() }),
  addressee: z.string(),
  quota: z.number().int(),
  state: z.enum(rsvpStates),
  declineReason: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  canChange: z.boolean(),
  delegates: z.array(delegateOutput.pick({ id: true, name: true, position: true, phone: true, email: true, nip: true, officerId: true })),
  officers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      position: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      nip: z.string().nullable(),
    }),
  ),
});
export type RsvpView = z.infer<typeof rsvpViewOutput>;

export const publicAgendaOutput = z.object({
  title: z.string(),
  dateText: z.string(),
  timeText: z.string(),
  venue: z.string(),
  agenda: z.array(z.object({ time: z.string(), title: z.string(), speakers: z.string() })),
});

export const meetingStatusBody = z.strictObject({ version: versionField(), status: requiredEnum(meetingStatuses, 'Status') });
