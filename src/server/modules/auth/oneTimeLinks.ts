import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { apiTokens, institutions, loginAttempts, sessions, users, userTokens } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx, type Role } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { hashPassword, newSecret, sha256 } from '../../core/passwords';
import { enqueueMail, flushMail } from '../../core/mailOutbox';
import type { acceptInvitationInput, requestResetInput, resetPasswordInput } from '../../../shared/schemas/auth';
import { hitCounter } from './rateLimits';

export const linkLifetimeHours = { reset: 1, invite: 24 * 7 } as const;
type Purpose = keyof typeof linkLifetimeHours;

/**
 * Anonymous password-reset requests (which also re-send a pending invitation): at most `perAddress` mails per
 * address and `perIp` requests per client address in one `windowMinutes`. Counted in the database, shared by every
 * process. Beyond a limit the request is answered exactly as any other, and no mail leaves.
 */
export const resetRequestLimits = { windowMinutes: 60, perAddress: 3, perIp: 10, answerFloorMs: 200 };

const invalidLink = () =>
  new ValidationError('Tautan tidak berlaku lagi (kedaluwarsa atau sudah dipakai). Mintalah tautan baru.', {
    token: 'Tautan tidak berlaku',
  });

/** Creates a one-time link token (stored hashed) inside the caller's transaction. */
export async function issueUserToken(ctx: Ctx, userId: string, purpose: Purpose): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + linkLifetimeHours[purpose] * 3600_000);
  if (purpose === 'invite') {
    // Only the newest invitation link works: a re-sent or copied link replaces the earlier ones.
    await ctx.db
      .update(userTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, 'invite'), isNull(userTokens.usedAt)));
  }
  await ctx.db.insert(userTokens).values({ tokenHash: sha256(token), userId, purpose, expiresAt });
  return { token, expiresAt };
}

export function linkFor(ctx: Ctx, purpose: Purpose, token: string) {
  const path = purpose === 'reset' ? 'reset-password' : 'accept-invitation';
  return `${ctx.config.publicUrl}/app/${path}?token=${encodeURIComponent(token)}`;
}

/** The invitation e-mail, sent on invitation, on an administrator's re-send and on "lupa kata sandi" before acceptance. */
export async function enqueueInvitationMail(tx: Ctx, user: { email: string; name: string }, link: string, from: string) {
  await enqueueMail(tx, {
    to: user.email,
    subject: 'Undangan bergabung di Simpul - Koordinasi Kehumasan',
    text: `Yth. ${user.name},\n\n${from} mengundang Anda bergabung di Simpul, platform Koordinasi Kehumasan.\nBuka tautan berikut untuk membuat kata sandi (berlaku ${linkLifetimeHours.invite / 24} hari):\n${link}\n\nSimpul - Koordinasi Kehumasan`,
  });
}

/**
 * "Lupa kata sandi". Always answers the same way, in the same time, so the form does not reveal which addresses have
 * accounts. The request itself does the same work for every address: it counts against the address and the client
 * address (one transaction with the account look-up). What differs, issuing a link and queueing its mail (a reset
 * link for an account with a password, the invitation again for one that has not chosen it yet, nothing for an
 * unknown address or beyond a limit), runs after the answer, so its cost never shows in the answer's time.
 */
export async function requestPasswordReset(ctx: Ctx, input: z.infer<typeof requestResetInput>) {
  const started = performance.now();
  const ip = ctx.ip ?? 'unknown';
  const windowMs = resetRequestLimits.windowMinutes * 60_000;
  const target = await inTransaction(ctx, async (tx) => {
    const perAddress = await hitCounter(tx.db, `reset-address:${input.email}`, windowMs);
    const perIp = await hitCounter(tx.db, `reset-ip:${ip}`, windowMs);
    const [user] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, input.email), eq(users.active, true)))
      .limit(1);
    const allowed = perAddress.count <= resetRequestLimits.perAddress && perIp.count <= resetRequestLimits.perIp;
    return allowed ? user : undefined;
  });
  // The answer never comes sooner than this floor, so small differences in the shared part do not tell either.
  const left = resetRequestLimits.answerFloorMs - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  if (target) {
    // Detached on purpose, and started once the answer has left (on the embedded database the work would otherwise
    // hold up this answer's event loop). A failure loses only this mail; the person can ask again.
    setTimeout(() => {
      sendResetOrInvitation(ctx, target.id).catch((e: unknown) => {
        console.error(`password-reset request: the link could not be issued (${(e as { code?: string }).code ?? 'error'})`);
      });
    }, 20);
  }
}

/** After the answer: a reset link, or the invitation again for an account that has not chosen a password yet. */
async function sendResetOrInvitation(ctx: Ctx, userId: string) {
  await inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)))
      .limit(1);
    if (!user) return;
    if (!user.passwordHash) {
      const { token } = await issueUserToken(tx, user.id, 'invite');
      await enqueueInvitationMail(tx, user, linkFor(ctx, 'invite', token), 'Biro Humas');
      await audit(tx, { action: 'user.invitation_resend', entityType: 'user', entityId: user.id, after: { via: 'lupa kata sandi' } });
      return;
    }
    const { token } = await issueUserToken(tx, user.id, 'reset');
    await enqueueMail(tx, {
      to: user.email,
      subject: 'Atur ulang kata sandi Simpul',
      text: `Yth. ${user.name},\n\nUntuk mengatur ulang kata sandi Anda, buka tautan berikut (berlaku ${linkLifetimeHours.reset} jam, sekali pakai):\n${linkFor(ctx, 'reset', token)}\n\nAbaikan e-mail ini bila Anda tidak memintanya.\n\nSimpul - Koordinasi Kehumasan`,
    });
  });
  await flushMail(ctx);
}

/**
 * Uses a one-time link: one conditional update marks it used and answers its row, so of several simultaneous uses
 * exactly one gets it (the others wait for the row lock, then find `used_at` set).
 */
async function consumeToken(ctx: Ctx, token: string, purpose: Purpose) {
  const [row] = await ctx.db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userTokens.tokenHash, sha256(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!row) throw invalidLink();
  return row;
}

/**
 * Sets a new password from a reset link: ends every session, revokes every personal API token, and lifts the
 * log-in delay of the account (the link proves the mailbox is the owner's).
 */
export async function resetPassword(ctx: Ctx, input: z.infer<typeof resetPasswordInput>) {
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    const row = await consumeToken(tx, input.token, 'reset');
    const [user] = await tx.db.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).returning({ email: users.email });
    const endedSessions = await tx.db.delete(sessions).where(eq(sessions.userId, row.userId)).returning({ k: sessions.tokenHash });
    const revoked = await tx.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.userId, row.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    await tx.db.insert(loginAttempts).values({ email: user!.email, ip: ctx.ip ?? 'unknown', success: true });
    await audit(tx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: row.userId,
      after: { endedSessions: endedSessions.length, revokedTokens: revoked.length },
    });
  });
}

/** What the accept page shows before a password is chosen: who is invited, to which institution, until when. */
export async function describeInvitation(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select({
      email: users.email,
      name: users.name,
      role: users.role,
      institutionName: institutions.name,
      expiresAt: userTokens.expiresAt,
      passwordHash: users.passwordHash,
      active: users.active,
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .leftJoin(institutions, eq(institutions.id, users.institutionId))
    .where(
      and(
        eq(userTokens.tokenHash, sha256(token)),
        eq(userTokens.purpose, 'invite'),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row || row.passwordHash || !row.active) throw invalidLink();
  const { passwordHash: _p, active: _a, ...invitation } = row;
  return { ...invitation, role: invitation.role as Role };
}

export async function acceptInvitation(ctx: Ctx, input: z.infer<typeof acceptInvitationInput>) {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const row = await consumeToken(tx, input.token, 'invite');
    // A speaker account's name is what links it to its sessions on the agenda (it may upload their materials), so
    // only an administrator sets it; anyone else may correct the name the invitation gave them.
    const name = input.name ? { name: sql<string>`case when ${users.role} = 'speaker' then ${users.name} else ${input.name} end` } : {};
    const patch = { passwordHash, ...name };
    // Only an account still waiting for its first password, and still active, can be taken up with the link.
    const [user] = await tx.db
      .update(users)
      .set(patch)
      .where(and(eq(users.id, row.userId), isNull(users.passwordHash), eq(users.active, true)))
      .returning();
    if (!user) throw invalidLink();
    await audit(tx, { action: 'user.invitation_accepted', entityType: 'user', entityId: row.userId });
    return { email: user.email };
  });
}
