import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { apiTokens, institutions, sessions, users } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx, type Role } from '../../core/context';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import type { inviteUserInput, updateUserInput } from '../../../shared/schemas/auth';
import { enqueueInvitationMail, issueUserToken, linkFor } from '../auth/oneTimeLinks';
import { flushMail } from '../../core/mailOutbox';

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  institutionId: users.institutionId,
  active: users.active,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

/** Accounts by name, one page (`limit`, `offset`) and the total, like every list. */
export async function listUsers(ctx: Ctx, page: { limit: number; offset: number } = { limit: 50, offset: 0 }) {
  authorize(ctx.actor, 'user.manage');
  const rowsQuery = ctx.db
    .select({ ...publicColumns, hasPassword: users.passwordHash, institutionName: institutions.name })
    .from(users)
    .leftJoin(institutions, eq(institutions.id, users.institutionId))
    .orderBy(asc(users.name), asc(users.id))
    .limit(page.limit)
    .offset(page.offset);
  const [rows, [total]] = await Promise.all([rowsQuery, ctx.db.select({ n: count() }).from(users)]);
  const items = rows.map(({ hasPassword, ...u }) => withRole({ ...u, invitationPending: !hasPassword }));
  return { items, total: total?.n ?? 0 };
}

async function checkInstitution(ctx: Ctx, institutionId: string | null | undefined) {
  if (!institutionId) return;
  const [row] = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId));
  if (!row) throw new ValidationError('Lembaga tidak ditemukan', { institutionId: 'Lembaga tidak ditemukan' });
}

/** The role column is text with a CHECK; its values are the roles. */
function withRole<T extends { role: string }>(u: T): T & { role: Role } {
  return u as T & { role: Role };
}

function inviterName(ctx: Ctx) {
  return ctx.actor.kind === 'user' ? ctx.actor.name : 'Biro Humas';
}

/** Creates the account without a password and e-mails an invitation link to choose one. */
export async function inviteUser(ctx: Ctx, input: z.infer<typeof inviteUserInput>) {
  authorize(ctx.actor, 'user.manage');
  const user = await inTransaction(ctx, async (tx) => {
    await checkInstitution(tx, input.institutionId);
    const [existing] = await tx.db
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, input.email));
    if (existing && !existing.passwordHash) {
      const msg = 'E-mail ini sudah diundang dan belum menerima undangannya. Kirim ulang undangan dari daftar pengguna.';
      throw new ConflictError(msg, { email: msg });
    }
    if (existing) throw new ConflictError('E-mail ini sudah terdaftar', { email: 'E-mail ini sudah terdaftar' });
    const [user] = await tx.db
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        institutionId: input.role === 'member' ? input.institutionId! : (input.institutionId ?? null),
      })
      .returning(publicColumns);
    const { token } = await issueUserToken(tx, user!.id, 'invite');
    await audit(tx, { action: 'user.invite', entityType: 'user', entityId: user!.id, after: user });
    await enqueueInvitationMail(tx, user!, linkFor(ctx, 'invite', token), inviterName(ctx));
    return withRole(user!);
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
    const [after] = await tx.db
      .update(users)
      .set({ ...input, institutionId })
      .where(eq(users.id, id))
      .returning(publicColumns);
    // Deactivation ends the account's sessions and revokes its API tokens for good: reactivating does not revive them.
    let ended = { sessions: 0, tokens: 0 };
    if (before.active && after!.active === false) {
      const s = await tx.db.delete(sessions).where(eq(sessions.userId, id)).returning({ k: sessions.tokenHash });
      const t = await tx.db
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      ended = { sessions: s.length, tokens: t.length };
    }
    await audit(tx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before,
      after: ended.sessions || ended.tokens ? { ...after!, endedSessions: ended.sessions, revokedTokens: ended.tokens } : after,
    });
    return withRole(after!);
  });
}

/**
 * Issues a fresh invitation link for an account that has not chosen a password yet; earlier links stop working.
 * `send: true` e-mails it again; either way the link is answered so the administrator can copy it and pass it on
 * (e.g. by WhatsApp) when the e-mail went astray.
 */
export async function resendInvitation(ctx: Ctx, id: string, input: { send: boolean }) {
  authorize(ctx.actor, 'user.manage');
  const result = await inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, active: users.active })
      .from(users)
      .where(eq(users.id, id))
      .for('update');
    if (!user) throw new NotFoundError('Pengguna tidak ditemukan');
    if (user.passwordHash) throw new ConflictError('Undangan ini sudah diterima: pengguna sudah memiliki kata sandi');
    if (!user.active) throw new ValidationError('Akun ini nonaktif. Aktifkan dahulu sebelum mengirim ulang undangan.');
    const { token, expiresAt } = await issueUserToken(tx, user.id, 'invite');
    const link = linkFor(ctx, 'invite', token);
    if (input.send) await enqueueInvitationMail(tx, user, link, inviterName(ctx));
    await audit(tx, { action: 'user.invitation_resend', entityType: 'user', entityId: user.id, after: { sent: input.send } });
    return { link, expiresAt, sentTo: input.send ? user.email : null };
  });
  if (input.send) await flushMail(ctx);
  return result;
}
