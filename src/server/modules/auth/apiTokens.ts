import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { apiTokens } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { newSecret, sha256 } from '../../core/passwords';
import type { createApiTokenInput } from '../../../shared/schemas/auth';

const publicColumns = { id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt };

/** Personal API token for integrations; the secret is shown once and only its hash is kept. */
export async function createApiToken(ctx: Ctx, input: z.infer<typeof createApiTokenInput>) {
  authorize(ctx.actor, 'apiToken.manage');
  const userId = ctx.actor.id;
  const token = `smp_${newSecret()}`;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(apiTokens).values({ userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 8) }).returning(publicColumns);
    await audit(tx, { action: 'api_token.create', entityType: 'api_token', entityId: row!.id, after: row });
    return { ...row!, token };
  });
}

export async function listApiTokens(ctx: Ctx) {
  authorize(ctx.actor, 'apiToken.manage');
  const items = await ctx.db.select(publicColumns).from(apiTokens).where(eq(apiTokens.userId, ctx.actor.id)).orderBy(desc(apiTokens.createdAt));
  return { items, total: items.length };
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
