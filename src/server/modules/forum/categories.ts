import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import { assertVersion } from '../../core/aggregate';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, NotFoundError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { forumCategories, forumFollows, forumTopics } from '../../db/schema/index';
import type { createCategoryBody, ForumCategory, updateCategoryBody } from '../../../shared/schemas/forum';

const notFound = 'Kategori forum tidak ditemukan';
const duplicate = () => new ConflictError('Kategori dengan nama itu sudah ada', { name: 'Nama kategori sudah dipakai' });

/** The categories with their topic counts and whether the caller follows each; inactive ones for administrators only. */
export async function listCategories(ctx: Ctx): Promise<{ items: ForumCategory[] }> {
  authorize(ctx.actor, 'forum.read');
  const userId = ctx.actor.id;
  const admin = ctx.actor.role === 'admin';
  const rows = await ctx.db
    .select({
      c: forumCategories,
      topicCount: sql<number>`(select count(*)::int from ${forumTopics} t where t.category_id = ${forumCategories.id} and t.hidden_at is null and t.merged_into_id is null)`,
      openCount: sql<number>`(select count(*)::int from ${forumTopics} t where t.category_id = ${forumCategories.id} and t.hidden_at is null and t.merged_into_id is null and t.status = 'open')`,
      following: forumFollows.mode,
    })
    .from(forumCategories)
    .leftJoin(forumFollows, and(eq(forumFollows.categoryId, forumCategories.id), eq(forumFollows.userId, userId)))
    .where(admin ? undefined : eq(forumCategories.active, true))
    .orderBy(asc(forumCategories.position), asc(forumCategories.name));
  return { items: rows.map((r) => present(r.c, r)) };
}

function present(
  c: typeof forumCategories.$inferSelect,
  extra: { topicCount: number; openCount: number; following: string | null },
): ForumCategory {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    position: c.position,
    active: c.active,
    topicCount: extra.topicCount,
    openCount: extra.openCount,
    following: (extra.following as ForumCategory['following']) ?? null,
    version: c.version,
  };
}

async function one(ctx: Ctx, id: string): Promise<ForumCategory> {
  const { items } = await listCategories(ctx);
  const found = items.find((c) => c.id === id);
  if (!found) throw new NotFoundError(notFound);
  return found;
}

async function nameTaken(ctx: Ctx, name: string, selfId: string | null) {
  const [row] = await ctx.db
    .select({ id: forumCategories.id })
    .from(forumCategories)
    .where(sql`lower(${forumCategories.name}) = lower(${name})`);
  return !!row && row.id !== selfId;
}

export async function createCategory(ctx: Ctx, input: z.output<typeof createCategoryBody>): Promise<ForumCategory> {
  authorize(ctx.actor, 'forum.categories');
  const id = await inTransaction(ctx, async (tx) => {
    if (await nameTaken(tx, input.name, null)) throw duplicate();
    const [{ max }] = (await tx.db
      .select({ max: sql<number>`coalesce(max(${forumCategories.position}), -1)::int` })
      .from(forumCategories)) as [{ max: number }];
    const [row] = await tx.db
      .insert(forumCategories)
      .values({ name: input.name, description: input.description ?? null, position: max + 1 })
      .returning();
    await audit(tx, { action: 'forumCategory.create', entityType: 'forum_category', entityId: row!.id, after: row });
    return row!.id;
  });
  return one(ctx, id);
}

export async function updateCategory(ctx: Ctx, id: string, input: z.output<typeof updateCategoryBody>): Promise<ForumCategory> {
  authorize(ctx.actor, 'forum.categories');
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(forumCategories).where(eq(forumCategories.id, id)).for('update');
    if (!before) throw new NotFoundError(notFound);
    assertVersion(before.version, input.version);
    if (input.name !== undefined && (await nameTaken(tx, input.name, id))) throw duplicate();
    const [after] = await tx.db
      .update(forumCategories)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(forumCategories.id, id))
      .returning();
    await audit(tx, { action: 'forumCategory.update', entityType: 'forum_category', entityId: id, before, after });
  });
  return one(ctx, id);
}
