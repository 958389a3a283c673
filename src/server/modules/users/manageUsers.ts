import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { institutions, users } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import type { inviteUserInput, updateUserInput } from '../../../shared/schemas/auth';
import { issueUserToken, linkFor, linkLifetimeHours } from '../auth/oneTimeLinks';
import { enqueueMail, flushMail } from '../../core/mailOutbox';

const publicColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, institutionId: users.institutionId,
  active: users.active, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt,
};

export async function listUsers(ctx: Ctx) {
  authorize(ctx.actor, 'user.manage');
  const rows = await ctx.db
    .select({ ...publicColumns, hasPassword: users.passwordHash, institutionName: institutions.name })
    .from(users)
    .leftJoin(institutions, eq(institutions.id, users.institutionId))
    .orderBy(asc(users.name));
  const items = rows.map(({ hasPassword, ...u }) => ({ ...u, invitationPending: !hasPassword }));
  return { items, total: items.length };
}

async function checkInstitution(ctx: Ctx, institutionId: string | null | undefined) {
  if (!institutionId) return;
  const [row] = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId));
  if (!row) throw new ValidationError('Lembaga tidak ditemukan', { institutionId: 'Lembaga tidak ditemukan' });
}

/** Creates the account without a password and e-mails an invitation link to choose one. */
export async function inviteUser(ctx: Ctx, input: z.infer<typeof inviteUserInput>) {
  authorize(ctx.actor, 'user.manage');
  const user = await inTransaction(ctx, async (tx) => {
    await checkInstitution(tx, input.institutionId);
    const [existing] = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new ConflictError('E-mail ini sudah terdaftar', { email: 'E-mail ini sudah terdaftar' });
    const [user] = await tx.db
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, institutionId: input.role === 'member' ? input.institutionId! : (input.institutionId ?? null) })
      .returning(publicColumns);
    const token = await issueUserToken(tx, user!.id, 'invite');
    await audit(tx, { action: 'user.invite', entityType: 'user', entityId: user!.id, after: user });
    await enqueueMail(tx, {
      to: user!.email,
      subject: 'Undangan bergabung di Simpul - Koordinasi Kehumasan',
      text: `Yth. ${user!.name},\n\n${ctx.actor.kind === 'user' ? ctx.actor.name : 'Biro Humas'} mengundang Anda bergabung di Simpul, platform Koordinasi Kehumasan.\nBuka tautan berikut untuk membuat kata sandi (berlaku ${linkLifetimeHours.invite / 24} hari):\n${linkFor(ctx, 'invite', token)}\n\nSimpul - Koordinasi Kehumasan`,
    });
    return user!;
  });
  await flushMail(ctx);
  return user;
}

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof updateUserInput>) {
  authorize(ctx.actor, 'user.manage');
  if (id === ctx.actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw new ValidationError('Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri');
  }
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select(publicColumns).from(users).where(eq(users.id, id));
    if (!before) throw new NotFoundError('Pengguna tidak ditemukan');
    await checkInstitution(tx, input.institutionId);
    const role = input.role ?? before.role;
    const institutionId = input.institutionId !== undefined ? input.institutionId : before.institutionId;
    if (role === 'member' && !institutionId) {
      throw new ValidationError('Petugas humas anggota harus terhubung ke satu lembaga', { institutionId: 'Pilih lembaga' });
    }
    const [after] = await tx.db.update(users).set({ ...input, institutionId }).where(eq(users.id, id)).returning(publicColumns);
    await audit(tx, { action: 'user.update', entityType: 'user', entityId: id, before, after });
    return after!;
  });
}
