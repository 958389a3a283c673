import { email, password, requiredText, z } from '../zod';

export const roleValues = ['admin', 'committee', 'member', 'speaker'] as const;
export const roleLabels: Record<(typeof roleValues)[number], string> = {
  admin: 'Administrator (Biro Humas)',
  committee: 'Panitia',
  member: 'Petugas humas anggota',
  speaker: 'Narasumber',
};

export const loginInput = z.strictObject({ email: email(), password: z.string().min(1, 'Kata sandi wajib diisi').max(200) });
export const requestResetInput = z.strictObject({ email: email() });
export const resetPasswordInput = z.strictObject({ token: z.string().min(10).max(200), password: password() });
export const acceptInvitationInput = z.strictObject({
  token: z.string().min(10).max(200),
  name: requiredText(120, 'Nama').optional(),
  password: password(),
});
export const invitationQuery = z.strictObject({ token: z.string().min(10).max(200) });
/** Re-issue an invitation link (earlier ones stop working); `send: false` only answers the link to copy. */
export const resendInvitationInput = z.strictObject({ send: z.boolean().default(true) });
export const createApiTokenInput = z.strictObject({ name: requiredText(80, 'Nama token') });

export const inviteUserInput = z
  .strictObject({
    email: email(),
    name: requiredText(120, 'Nama'),
    role: z.enum(roleValues),
    institutionId: z.uuid().nullable().optional(),
  })
  .refine((v) => v.role !== 'member' || !!v.institutionId, {
    path: ['institutionId'],
    message: 'Petugas humas anggota harus terhubung ke satu lembaga',
  });
export const updateUserInput = z.strictObject({
  name: requiredText(120, 'Nama').optional(),
  role: z.enum(roleValues).optional(),
  institutionId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});

/** Changing one's own password while signed in: the current one proves it is really the account holder. */
export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'Kata sandi saat ini wajib diisi').max(200, 'Kata sandi maksimal 200 karakter'),
  newPassword: password(),
  /** Also revoke every personal API token (default true: a password change often follows a suspected leak). */
  revokeTokens: z.boolean().default(true),
});

// ---- Outputs (response schemas; also the SPA's types) ----

export const sessionUserOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roleValues),
  institutionId: z.uuid().nullable(),
});
export const loginOutput = z.object({
  user: sessionUserOutput.omit({ institutionId: true }),
  csrfToken: z.string(),
});
/** GET /api/auth/me: who is signed in (null when nobody), what they may do, and the CSRF token of the session. */
export const meOutput = z.object({
  user: sessionUserOutput.nullable(),
  abilities: z.array(z.string()),
  csrfToken: z.string().nullable(),
});
export const okMessageOutput = z.object({ ok: z.literal(true), message: z.string() });
export const acceptInvitationOutput = z.object({ email: z.string() });
/** GET /api/auth/invitation: who is invited, for which institution, until when (the accept page shows it). */
export const invitationOutput = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(roleValues),
  institutionName: z.string().nullable(),
  expiresAt: z.date(),
});
export const resendInvitationOutput = z.object({
  /** The new link (one-time, secret): for the administrator to copy when the e-mail went astray. */
  link: z.string(),
  expiresAt: z.date(),
  /** The address it was e-mailed to, or null when only the link was asked for. */
  sentTo: z.string().nullable(),
});
export const changePasswordOutput = z.object({ ok: z.literal(true), endedSessions: z.number().int(), revokedTokens: z.number().int() });

export const apiTokenOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the token, to recognise it ("smp_ab12"). */
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export const apiTokenListOutput = z.object({ items: z.array(apiTokenOutput), total: z.number().int() });
/** The answer of creating a token: the only time its secret is shown. */
export const createdApiTokenOutput = apiTokenOutput.extend({ token: z.string() });

export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roleValues),
  institutionId: z.uuid().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
});
export const userListItemOutput = userOutput.extend({
  institutionName: z.string().nullable(),
  /** Invited but no password chosen yet. */
  invitationPending: z.boolean(),
});
export const userListOutput = z.object({ items: z.array(userListItemOutput), total: z.number().int() });

export type SessionUser = z.output<typeof sessionUserOutput>;
export type Me = z.output<typeof meOutput>;
export type ApiToken = z.output<typeof apiTokenOutput>;
export type UserListItem = z.output<typeof userListItemOutput>;
export type Invitation = z.output<typeof invitationOutput>;
export type ResendInvitationResult = z.output<typeof resendInvitationOutput>;
