import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Config } from '../config';
import { users } from '../db/schema/index';
import { hashPassword, newSecret } from '../core/passwords';

export const demoAdminEmail = 'admin@simpul.local';

/**
 * Makes sure there is a first administrator: ADMIN_EMAIL/ADMIN_PASSWORD when given, otherwise in demo
 * mode admin@simpul.local with a generated password that is returned (to be printed once).
 */
export async function ensureAdmin(db: Db, config: Config): Promise<{ email: string; password?: string; created: boolean } | null> {
  const email = config.adminEmail?.toLowerCase() ?? (config.demo ? demoAdminEmail : null);
  if (!email) return null;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return { email, created: false };
  const password = config.adminPassword ?? newSecret(12);
  await db.insert(users).values({ email, name: 'Administrator Biro Humas', role: 'admin', passwordHash: await hashPassword(password) });
  return { email, password: config.adminPassword ? undefined : password, created: true };
}
