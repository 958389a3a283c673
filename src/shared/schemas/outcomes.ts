import { certificateRoles, followUpStatuses } from '../outcomes';
import { optionalText, requiredEnum, requiredText, safeString, uuid, z } from '../zod';
import { pageOutput, pageQueryFields } from './common';
import { isoDate } from './meetings';
import { versionField } from './version';

/** Shapes of the outcomes API (rumusan, tindak lanjut, sertifikat): inputs validated on both sides, outputs typed for the SPA. */

/** An http(s) link to evidence (a news article, a post, a shared folder). */
export const evidenceUrl = () =>
  z
    .union([
      safeString()
        .trim()
        .max(1000, 'Tautan maksimal 1.000 karakter')
        .refine((v) => {
          if (v === '') return true;
          try {
            const u = new URL(v);
            return u.protocol === 'http:' || u.protocol === 'https:';
          } catch {
            return false;
          }
        }, 'Tautan bukti harus alamat web lengkap yang diawali http:// atau https://'),
      z.null(),
    ])
    .optional()
    .transform((v) => (v === '' ? null : v));

export const resolutionBody = z.object({ statement: requiredText(3000, 'Rumusan') });
export const updateResolutionBody = resolutionBody.extend({ version: versionField() });

export const followUpFields = {
  action: requiredText(1000, 'Tindak lanjut'),
  dueDate: isoDate('Batas waktu'),
  institutionIds: z
    .array(uuid(), { error: 'Pilih instansi penanggung jawab' })
    .min(1, 'Pilih minimal satu instansi penanggung jawab')
    .max(50, 'Maksimal 50 instansi'),
};
export const followUpBody = z.object(followUpFields);
export const updateFollowUpBody = z.object({ ...followUpFields, version: versionField() });

/** A responsible officer's report: where the action stands, a note, and optionally a link as evidence. */
export const followUpProgressBody = z.object({
  status: requiredEnum(followUpStatuses, 'Status'),
  statusNote: optionalText(2000),
  evidenceUrl: evidenceUrl(),
  version: versionField(),
});

export const outcomeMeetingParams = z.object({ id: uuid() });
export const resolutionParams = z.object({ id: uuid() });
export const followUpParams = z.object({ id: uuid() });
export const followUpListQuery = z.object({
  meetingId: uuid().optional(),
  open: z.enum(['true', 'false']).optional(),
  ...pageQueryFields,
});

export const followUpOutput = z.object({
  id: z.string(),
  resolutionId: z.string(),
  resolutionNumber: z.number().int(),
  resolutionStatement: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  action: z.string(),
  dueDate: z.string(),
  status: z.enum(followUpStatuses),
  statusNote: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  evidenceFileName: z.string().nullable(),
  institutions: z.array(z.object({ id: z.string(), name: z.string() })),
  overdue: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), manage: z.boolean() }),
});
export type FollowUp = z.infer<typeof followUpOutput>;
export const followUpListOutput = pageOutput(followUpOutput);

export const resolutionOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  statement: z.string(),
  version: z.number().int(),
  followUps: z.array(followUpOutput),
});
export type Resolution = z.infer<typeof resolutionOutput>;

const tally = {
  total: z.number().int(),
  done: z.number().int(),
  notFeasible: z.number().int(),
  overdue: z.number().int(),
  rate: z.number(),
};
export const outcomesOutput = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    venue: z.string(),
    status: z.string(),
  }),
  resolutions: z.array(resolutionOutput),
  byInstitution: z.array(z.object({ institutionId: z.string(), name: z.string(), ...tally })),
  totals: z.object(tally),
  can: z.object({ manage: z.boolean() }),
});
export type Outcomes = z.infer<typeof outcomesOutput>;

// Certificates

export const certificateOutput = z.object({
  id: z.string(),
  number: z.string(),
  role: z.enum(certificateRoles),
  roleLabel: z.string(),
  name: z.string(),
  institutionName: z.string().nullable(),
  email: z.string().nullable(),
  ready: z.boolean(),
  emailedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  verifyUrl: z.string(),
});
export type Certificate = z.infer<typeof certificateOutput>;
export const certificateListOutput = pageOutput(certificateOutput);
export const certificateListQuery = z.object({ ...pageQueryFields });

export const certificateBatchOutput = z.object({
  id: z.string().nullable(),
  total: z.number().int(),
  ready: z.number().int(),
  state: z.enum(['none', 'running', 'done']),
});
export type CertificateBatch = z.infer<typeof certificateBatchOutput>;

export const generateCertificatesBody = z.object({
  /** Send each certificate by e-mail once it is made (to those with an address). */
  sendEmail: z.boolean().default(true),
});
export const generateCertificatesOutput = z.object({ created: z.number().int(), batch: certificateBatchOutput });

export const issueCertificateBody = z.object({
  role: requiredEnum(certificateRoles, 'Peran'),
  registrationId: uuid().optional(),
  speakerId: uuid().optional(),
  committeeMemberId: uuid().optional(),
});
export const revokeCertificateBody = z.object({ reason: requiredText(500, 'Alasan pencabutan') });
export const certificateParams = z.object({ id: uuid() });
