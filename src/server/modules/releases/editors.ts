import { and, asc, count, eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import { inTransaction, type Actor, type Ctx } from '../../core/context';
import { ForbiddenError, NotFoundError, ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { institutions, releaseEditors, users } from '../../db/schema/index';

type User = Extract<Actor, { kind: 'user' }>;

/** Whether the account carries the editor flag (administrators are editors without it). */
export async function hasEditorFlag(ctx: Ctx, userId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ userId: releaseEditors.userId }).from(releaseEditors).where(eq(releaseEditors.userId, userId));
  return !!row;
}

/**
 * May this actor review, publish, correct and unpublish this institution's releases? Administrators always;
 * a committee (bureau) editor for every institution; a member editor for its own institution only.
 */
export async function isReleaseEditor(ctx: Ctx, actor: Actor, institutionId: string): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'committee' && actor.role !== 'member') return false;
  if (actor.role === 'member' && actor.institutionId !== institutionId) return false;
  return hasEditorFlag(ctx, actor.id);
}

const verbs: Record<string, string> = {
  'release.review': 'menyetujui atau mengembalikan',
  'release.publish': 'menerbitkan atau menjadwalkan',
  'release.correct': 'mengoreksi',
  'release.unpublish': 'menarik',
};

/** 403 with a message saying who may, when the actor is not an editor for this release. */
export async function assertReleaseEditor(ctx: Ctx, actor: User, institutionId: string, action: string): Promise<void> {
  if (await isReleaseEditor(ctx, actor, institutionId)) return;
  throw new ForbiddenError(
    `Hanya editor lembaga penerbit atau editor Biro Humas yang dapat ${verbs[action] ?? 'mengelola'} rilis ini. ` +
      'Hak editor diberikan oleh administrator.',
  );
}

/** The accounts carrying the editor flag (administrators' screen). */
export async function listEditors(ctx: Ctx, page: { limit: number; offset: number }) {
  authorize(ctx.actor, 'release.editors');
  const [{ n }] = await ctx.db.select({ n: count() }).from(releaseEditors);
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, role: users.role, institution: institutions.name })
    .from(releaseEditors)
    .innerJoin(users, eq(users.id, releaseEditors.userId))
    .leftJoin(institutions, eq(institutions.id, users.institutionId))
    .orderBy(asc(users.name), asc(users.id))
    .limit(page.limit)
    .offset(page.offset);
  return { items: rows, total: Number(n) };
}

/** Sets or clears the editor flag of a member or committee account (administrators). */
export async function setEditor(ctx: Ctx, userId: string, editor: boolean) {
  authorize(ctx.actor, 'release.editors');
  const actorId = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError('Pengguna tidak ditemukan');
    if (editor && user.role !== 'member' && user.role !== 'committee') {
      throw new ValidationError(
        'Hak editor rilis hanya untuk akun petugas humas lembaga atau panitia Biro Humas (administrator selalu editor)',
        {
          editor: 'Peran akun ini tidak dapat menjadi editor',
        },
      );
    }
    if (editor && user.role === 'member' && !user.institutionId) {
      throw new ValidationError('Akun ini belum terhubung ke lembaga', { editor: 'Hubungkan akun ke lembaga terlebih dahulu' });
    }
    const had = await hasEditorFlag(tx, userId);
    if (had === editor) return { userId, editor };
    if (editor) await tx.db.insert(releaseEditors).values({ userId, grantedBy: actorId });
    else await tx.db.delete(releaseEditors).where(and(eq(releaseEditors.userId, userId)));
    await audit(tx, {
      action: editor ? 'release.editor_grant' : 'release.editor_revoke',
      entityType: 'user',
      entityId: userId,
      after: { email: user.email, editor },
    });
    return { userId, editor };
  });
}
