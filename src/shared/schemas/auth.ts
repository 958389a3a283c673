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
});
