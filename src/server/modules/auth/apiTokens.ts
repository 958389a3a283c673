import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { apiTokens } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { newSecret, sha256 } from '../../core/passwords';
import type { createApiTokenInput } from '../../../shared/schemas/auth';

const publicColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/**
 * Personal API token for integrations; the secret is shown once and only its hash is kept. Only a signed-in browser
 * session may create one: a token cannot mint further tokens that would outlive its own revocation.
 */
export async function createApiToken(ctx: Ctx, input: z.infer<typeof createApiTokenInput>, via: 'none' | 'session' | 'token') {
  authorize(ctx.actor, 'apiToken.manage');
  if (via !== 'session')
    throw new ForbiddenError('Token API hanya dapat dibuat setelah masuk dengan e-mail dan kata sandi, bukan dengan token API');
  const userId = ctx.actor.id;
  const token = `smp_${newSecret()}`;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(apiTokens)
      .values({ userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 8) })
      .returning(publicColumns);
    await audit(tx, { action: 'api_token.create', entityType: 'api_token', entityId: row!.id, after: row });
    return { ...row!, token };
  });
}

/** My tokens, newest first, one page (`limit`, `offset`) and the total, like every list. */
export async function listApiTokens(ctx: Ctx, page: { limit: number; offset: number } = { limit: 50, offset: 0 }) {
  authorize(ctx.actor, 'apiToken.manage');
  const mine = eq(apiTokens.userId, ctx.actor.id);
  const [items, [total]] = await Promise.all([
    ctx.db
      .select(publicColumns)
      .from(apiTokens)
      .where(mine)
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(apiTokens).where(mine),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function revokeApiToken(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'apiToken.manage');
  const userId = ctx.actor.id;
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning(publicColumns);
    if (!row) throw new NotFoundError('Token tidak ditemukan atau sudah dicabut');
    await audit(tx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id, after: row });
  });
}
