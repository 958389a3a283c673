import { accountCodeError, normalizeAccountCode } from '../accountCode';
import { activityStatuses, fundingSchema, kakSchema, officerInChargeSchema, rupiah, signDateSchema } from '../kak';
import { optionalText, requiredEnum, requiredText, z } from '../zod';
import { pageQueryFields } from './common';
import { versionField } from './version';

/** Shapes of the activities API (KAK planning): inputs validated on both sides, outputs typed for the SPA. */

export const committeeRoles = ['pengarah', 'penanggung_jawab', 'ketua', 'sekretaris', 'anggota'] as const;
export const speakerStatuses = ['candidate', 'invited', 'confirmed', 'declined'] as const;
export type CommitteeRole = (typeof committeeRoles)[number];
export type SpeakerStatus = (typeof speakerStatuses)[number];
export type ActivityStatus = (typeof activityStatuses)[number];

export const activityStatusLabels: Record<ActivityStatus, string> = {
  draft: 'Draf',
  approved: 'Disetujui',
  running: 'Berjalan',
  done: 'Selesai',
};
export const committeeRoleLabels: Record<CommitteeRole, string> = {
  pengarah: 'Pengarah',
  penanggung_jawab: 'Penanggung Jawab',
  ketua: 'Ketua',
  sekretaris: 'Sekretaris',
  anggota: 'Anggota',
};
export const speakerStatusLabels: Record<SpeakerStatus, string> = {
  candidate: 'Calon',
  invited: 'Diundang',
  confirmed: 'Bersedia',
  declined: 'Berhalangan',
};

/**
 * Allowed status moves and the permission each needs: approving (and withdrawing approval, which reopens the
 * KAK for editing) is the administrator's; the other moves are the committee's.
 */
export const statusTransitions: Record<ActivityStatus, Partial<Record<ActivityStatus, 'activity.approve' | 'activity.status'>>> = {
  draft: { approved: 'activity.approve' },
  approved: { draft: 'activity.approve', running: 'activity.status' },
  running: { done: 'activity.status' },
  done: { running: 'activity.status' },
};

export const fiscalYear = () =>
  z
    .number()
    .int('Tahun anggaran harus bilangan bulat')
    .min(2000, 'Tahun anggaran harus 2000-2100')
    .max(2100, 'Tahun anggaran harus 2000-2100');
const nip = () =>
  z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^\d{18}$/, 'NIP harus 18 digit angka'),
    ])
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
export const accountCode = () =>
  z
    .string()
    .max(40, 'Maksimal 40 karakter')
    .transform(normalizeAccountCode)
    .superRefine((v, c) => {
      const message = accountCodeError(v);
      if (message) c.addIssue({ code: 'custom', message });
    });
/** Volume of a budget line: positive, at most 2 decimals (e.g. 2.5 OH). */
export const volume = () =>
  z
    .number()
    .gt(0, 'Volume harus lebih dari 0')
    .max(1_000_000_000, 'Volume melebihi batas wajar')
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'Volume paling banyak 2 angka di belakang koma');
export const quarterPlan = () => z.tuple([rupiah(), rupiah(), rupiah(), rupiah()]);

export const budgetLineInput = z.strictObject({
  accountCode: accountCode(),
  description: requiredText(500, 'Uraian'),
  volume: volume(),
  unit: requiredText(40, 'Satuan'),
  unitPrice: rupiah(),
  /** Planned amount per quarter [I, II, III, IV]; must add up to volume x unit price. */
  quarterPlan: quarterPlan(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const updateBudgetLineInput = budgetLineInput.partial();
/** Bodies of the budget line, committee and speaker writes: the row plus the activity's version read. */
export const addBudgetLineBody = budgetLineInput.extend({ version: versionField() });
export const updateBudgetLineBody = updateBudgetLineInput.extend({ version: versionField() });

export const committeeMemberInput = z.strictObject({
  role: requiredEnum(committeeRoles, 'Peran panitia'),
  name: requiredText(120, 'Nama'),
  position: optionalText(300),
  nip: nip(),
});
export const updateCommitteeMemberInput = committeeMemberInput.partial();
export const addCommitteeMemberBody = committeeMemberInput.extend({ version: versionField() });
export const updateCommitteeMemberBody = updateCommitteeMemberInput.extend({ version: versionField() });

export const speakerInput = z.strictObject({
  name: requiredText(120, 'Nama narasumber'),
  institution: optionalText(300),
  expertise: optionalText(300),
  topic: optionalText(500),
  status: requiredEnum(speakerStatuses, 'Status narasumber').default('candidate'),
  fee: rupiah().default(0),
  /** The budget line (of the same activity) that pays the fee. */
  budgetLineId: z.uuid('ID tidak valid').nullable().optional(),
  /** The speaker's account (role speaker): it may upload the materials of the speaker's sessions. */
  userId: z.uuid('ID tidak valid').nullable().optional(),
});
export const updateSpeakerInput = z.strictObject({
  name: requiredText(120, 'Nama narasumber').optional(),
  institution: optionalText(300),
  expertise: optionalText(300),
  topic: optionalText(500),
  status: requiredEnum(speakerStatuses, 'Status narasumber').optional(),
  fee: rupiah().optional(),
  budgetLineId: z.uuid('ID tidak valid').nullable().optional(),
  userId: z.uuid('ID tidak valid').nullable().optional(),
});

export const addSpeakerBody = speakerInput.extend({ version: versionField() });
export const updateSpeakerBody = updateSpeakerInput.extend({ version: versionField() });

export const defaultOrgUnit = 'Biro Humas Sekretariat Daerah Provinsi Sumatera Barat';

/** POST /api/activities, and the use case createActivity (also used by the Word import). */
export const createActivityInput = z.strictObject({
  title: requiredText(300, 'Judul kegiatan'),
  fiscalYear: fiscalYear(),
  orgUnit: requiredText(300, 'Unit kerja').default(defaultOrgUnit),
  officerInCharge: officerInChargeSchema.default({ name: '', position: '', nip: '' }),
  kak: kakSchema.optional(),
  committeeDecree: optionalText(300),
  signPlace: optionalText(120),
  signDate: signDateSchema.nullable().optional(),
  budgetLines: z.array(budgetLineInput).max(200, 'Maksimal 200 rincian anggaran').optional(),
});
export type CreateActivityInput = z.input<typeof createActivityInput>;

const k = kakSchema.shape;
/** Any subset of the KAK sections; a section sent replaces that section as a whole. */
export const kakPatchSchema = z.strictObject({
  background: k.background.removeDefault().optional(),
  intent: k.intent.removeDefault().optional(),
  objectives: k.objectives.removeDefault().optional(),
  legalBases: k.legalBases.removeDefault().optional(),
  method: k.method.removeDefault().optional(),
  participants: k.participants.removeDefault().optional(),
  scheduleIntro: k.scheduleIntro.removeDefault().optional(),
  schedule: k.schedule.removeDefault().optional(),
  locations: k.locations.removeDefault().optional(),
  outputs: k.outputs.removeDefault().optional(),
  funding: fundingSchema.optional(),
});
const o = officerInChargeSchema.shape;
export const officerInChargePatchSchema = z.strictObject({
  name: o.name.removeDefault().optional(),
  position: o.position.removeDefault().optional(),
  nip: o.nip.removeDefault().optional(),
});

/** PATCH /api/activities/:id: only the keys sent change; `version` is the version the client read. */
export const updateActivityInput = z.strictObject({
  version: versionField(),
  title: requiredText(300, 'Judul kegiatan').optional(),
  fiscalYear: fiscalYear().optional(),
  orgUnit: requiredText(300, 'Unit kerja').optional(),
  officerInCharge: officerInChargePatchSchema.optional(),
  kak: kakPatchSchema.optional(),
  committeeDecree: optionalText(300),
  signPlace: optionalText(120),
  signDate: signDateSchema.nullable().optional(),
});

export const changeStatusInput = z.strictObject({
  status: requiredEnum(activityStatuses, 'Status'),
  version: versionField(),
});
/** PUT /api/activities/:id/sharing: whether member officers see the activity's personal data; `version` as read. */
export const shareActivityInput = z.strictObject({
  sharedWithMembers: z.boolean('Pilih ya atau tidak'),
  version: versionField(),
});
/** POST /api/activities/:id/copy: the fiscal year of the copy (default: the year after the original's). */
export const copyActivityInput = z.strictObject({ fiscalYear: fiscalYear().optional() }).nullish();
export const listActivitiesQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(activityStatuses).optional(),
  ...pageQueryFields,
});
export const activityIdParams = z.object({ id: z.uuid('ID tidak valid') });
export const budgetLineParams = z.object({ id: z.uuid('ID tidak valid'), lineId: z.uuid('ID tidak valid') });
export const committeeMemberParams = z.object({ id: z.uuid('ID tidak valid'), memberId: z.uuid('ID tidak valid') });
export const speakerParams = z.object({ id: z.uuid('ID tidak valid'), speakerId: z.uuid('ID tidak valid') });

// ---- Outputs (what the API answers) ----

export const issueSchema = z.object({ code: z.string(), path: z.string(), message: z.string() });
export const checkResultSchema = z.object({ errors: z.array(issueSchema), warnings: z.array(issueSchema) });
export type Issue = z.infer<typeof issueSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;

export const budgetLineOutput = z.object({
  id: z.string(),
  activityId: z.string(),
  position: z.number(),
  accountCode: z.string(),
  description: z.string(),
  volume: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  amount: z.number(),
  quarterPlan: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  updatedAt: z.string(),
});
export const committeeMemberOutput = z.object({
  id: z.string(),
  activityId: z.string(),
  role: z.enum(committeeRoles),
  name: z.string(),
  position: z.string().nullable(),
  nip: z.string().nullable(),
});
export const speakerOutput = z.object({
  id: z.string(),
  activityId: z.string(),
  name: z.string(),
  institution: z.string().nullable(),
  expertise: z.string().nullable(),
  topic: z.string().nullable(),
  status: z.enum(speakerStatuses),
  /** null when hidden from the caller (member officers do not see fees). */
  fee: z.number().nullable(),
  budgetLineId: z.string().nullable(),
  /** The speaker's account; null when none is linked, or hidden from the caller. */
  userId: z.string().nullable(),
  updatedAt: z.string(),
});
export const activityOutput = z.object({
  id: z.string(),
  title: z.string(),
  fiscalYear: z.number(),
  orgUnit: z.string(),
  status: z.enum(activityStatuses),
  officerInCharge: z.object({ name: z.string(), position: z.string(), nip: z.string() }),
  kak: kakSchema,
  committeeDecree: z.string().nullable(),
  signPlace: z.string().nullable(),
  signDate: z.string().nullable(),
  copiedFromId: z.string().nullable(),
  /** The bureau shares this activity's personal data (NIPs, fees, budget lines) with member officers. */
  sharedWithMembers: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
/** What the caller may do with this activity now (its status and the caller's role decide): the SPA shows only these. */
export const activityCanOutput = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  copy: z.boolean(),
  /** The statuses the caller may move the activity to. */
  moveTo: z.array(z.enum(activityStatuses)),
});
export type ActivityCan = z.infer<typeof activityCanOutput>;

/** GET /api/activities/:id and the answer of every activity write. */
export const activityDetailOutput = activityOutput.extend({
  budgetLines: z.array(budgetLineOutput),
  committee: z.array(committeeMemberOutput),
  speakers: z.array(speakerOutput),
  checks: checkResultSchema,
  can: activityCanOutput,
  /**
   * True when the caller is not shown the personal and internal data (member officers): NIPs are empty,
   * fees null, budget lines and check results left out.
   */
  personalDataHidden: z.boolean().optional(),
});
/** Answers of budget line, committee and speaker writes: the row and the activity's new version. */
export const budgetLineWriteOutput = budgetLineOutput.extend({ activityVersion: z.number() });
export const committeeMemberWriteOutput = committeeMemberOutput.extend({ activityVersion: z.number() });
export const speakerWriteOutput = speakerOutput.extend({ activityVersion: z.number() });
export const speakerAccountsQuery = z.strictObject(pageQueryFields);
export const speakerAccountsOutput = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  total: z.number(),
});
export const activityVersionOutput = z.object({ ok: z.literal(true), activityVersion: z.number() });
export const activitySummaryOutput = z.object({
  id: z.string(),
  title: z.string(),
  fiscalYear: z.number(),
  status: z.enum(activityStatuses),
  orgUnit: z.string(),
  fundingTotal: z.number(),
  updatedAt: z.string(),
});
export const activityListOutput = z.object({ items: z.array(activitySummaryOutput), total: z.number() });

export type BudgetLine = z.infer<typeof budgetLineOutput>;
export type CommitteeMember = z.infer<typeof committeeMemberOutput>;
export type Speaker = z.infer<typeof speakerOutput>;
/** The activity as the server holds it; the API answer adds what the caller `can` do with it. */
export type ActivityDetail = Omit<z.infer<typeof activityDetailOutput>, 'can'>;
export type ActivityView = z.infer<typeof activityDetailOutput>;
export type ActivitySummary = z.infer<typeof activitySummaryOutput>;
