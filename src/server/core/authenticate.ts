import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, sessions, users } from '../db/schema/index';
import { anonymous, type Actor, type Role } from './context';
import { sha256 } from './passwords';

export const sessionCookie = 'simpul_session';

export type Authentication = { actor: Actor; via: 'none' | 'session' | 'token'; csrfToken?: string; sessionHash?: string };

type UserRow = typeof users.$inferSelect;
function actorOf(u: UserRow): Actor {
  return { kind: 'user', id: u.id, email: u.email, name: u.name, role: u.role as Role, institutionId: u.institutionId };
}

/** Resolves the caller from a Bearer API token or the session cookie; anything invalid means anonymous. */
export async function authenticate(db: Db, headers: { authorization?: string }, cookie: string | undefined): Promise<Authentication> {
  const now = new Date();
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const [row] = await db
      .select({ user: users, tokenId: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sha256(bearer)), isNull(apiTokens.revokedAt), eq(users.active, true)))
      .limit(1);
    if (!row) return { actor: anonymous, via: 'none' };
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
    return { actor: actorOf(row.user), via: 'token' };
  }
  if (cookie) {
    const hash = sha256(cookie);
    const [row] = await db
      .select({ user: users, csrfToken: sessions.csrfToken })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now), eq(users.active, true)))
      .limit(1);
    if (row) return { actor: actorOf(row.user), via: 'session', csrfToken: row.csrfToken, sessionHash: hash };
  }
  return { actor: anonymous, via: 'none' };
}
