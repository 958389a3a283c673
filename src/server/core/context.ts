import type { Db } from '../db/client';
import type { Config } from '../config';
import type { Mailer } from './mail';

/** Who is calling. Anonymous visitors have no id. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      email: string;
      name: string;
      role: Role;
      institutionId: string | null;
    };

export const roles = ['admin', 'committee', 'member', 'speaker'] as const;
export type Role = (typeof roles)[number];

/** Everything a use case needs: the actor, the database (or the open transaction) and the request id. */
export type Ctx = {
  actor: Actor;
  db: Db;
  requestId: string;
  config: Config;
  mailer: Mailer;
  ip?: string;
};

/** Runs fn in one transaction; the ctx passed to fn writes through it (audit rows included). */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

export const anonymous: Actor = { kind: 'anonymous' };
export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : 'anonim';
}
