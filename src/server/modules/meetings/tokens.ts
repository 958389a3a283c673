import { createHash, createHmac, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { settings } from '../../db/schema/index';

/**
 * The meeting module's two credentials.
 *
 * - RSVP link: `newToken()` (32 random bytes, base64url); only `hashToken(token)` is stored, on the invitation. The
 *   link is shown once (in the e-mail and the WhatsApp link made with it); sending again issues a new one.
 * - QR ticket: `ticketToken(db, registrationId)` = base64url(HMAC-SHA256(ticket key, registration id)): as
 *   unguessable as a random token, and only its sha256 is stored (`registrations.ticket_token_hash`), but the server
 *   can print it again (the confirmation e-mail after a retry, name tags, the RSVP page) without keeping it. The key
 *   is 32 random bytes made on first use and kept in `settings` under `meetings.ticket_key`.
 */

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const ticketKeyName = 'meetings.ticket_key';
const keys = new WeakMap<object, Buffer>();

async function ticketKey(db: Db): Promise<Buffer> {
  const cached = keys.get(db as object);
  if (cached) return cached;
  await db
    .insert(settings)
    .values({ key: ticketKeyName, value: sql`${JSON.stringify({ key: randomBytes(32).toString('base64url') })}::jsonb` })
    .onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, ticketKeyName));
  const key = Buffer.from((row!.value as { key: string }).key, 'base64url');
  keys.set(db as object, key);
  return key;
}

/** The QR ticket token of a registration (see above). */
export async function ticketToken(db: Db, registrationId: string): Promise<string> {
  const key = await ticketKey(db);
  return createHmac('sha256', key).update(`ticket:${registrationId}`).digest('base64url');
}

/** What to store for a new registration: its id (chosen here) and the hash of its ticket token. */
export async function newTicket(db: Db): Promise<{ id: string; ticketTokenHash: string }> {
  const id = crypto.randomUUID();
  return { id, ticketTokenHash: hashToken(await ticketToken(db, id)) };
}
