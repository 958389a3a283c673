import { createHash, createHmac, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registrations } from '../../db/schema/index';

/**
 * The meeting module's two credentials.
 *
 * - RSVP link: `newToken()` (32 random bytes, base64url); only `hashToken(token)` is stored, on the invitation. The
 *   link is shown once (in the e-mail and the WhatsApp link made with it); sending again issues a new one.
 * - QR ticket: `ticketToken(registrationId)` = base64url(HMAC-SHA256(ticket key, registration id)): as
 *   unguessable as a random token, and only its sha256 is stored (`registrations.ticket_token_hash`), but the server
 *   can print it again (the confirmation e-mail after a retry) without keeping it. Checking a ticket in needs no
 *   key (the scanned token's sha256 is looked up). The key comes from the environment (`ticketKeyFrom`).
 */

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** At least this many characters of TICKET_SECRET (32 random bytes in base64 are 44). */
export const ticketSecretMinLength = 32;

/**
 * The ticket key from the environment, never from the database (a copy of the database, a backup or a
 * read-only SQL account must not be enough to print valid tickets):
 * - `TICKET_SECRET` set (production): key = HMAC-SHA256(TICKET_SECRET, "simpul:ticket-key:v1");
 * - unset (development, tests, the demo): a key derived from where the data lives (DATABASE_URL, or the
 *   absolute DATA_DIR), stable across restarts of the same installation but NOT secret; `loadConfig` refuses
 *   to start without TICKET_SECRET when NODE_ENV=production.
 */
export function ticketKeyFrom(env: NodeJS.ProcessEnv): Buffer {
  const secret = env.TICKET_SECRET?.trim();
  if (secret) return createHmac('sha256', secret).update('simpul:ticket-key:v1').digest();
  const place = env.DATABASE_URL || `pglite:${resolve(env.DATA_DIR || './data')}`;
  return createHmac('sha256', 'simpul:dev-ticket-key:not-secret').update(place).digest();
}

let cachedKey: Buffer | null = null;
function ticketKey(): Buffer {
  cachedKey ??= ticketKeyFrom(process.env);
  return cachedKey;
}

/** The QR ticket token of a registration (see above). */
export function ticketToken(registrationId: string, key: Buffer = ticketKey()): string {
  return createHmac('sha256', key).update(`ticket:${registrationId}`).digest('base64url');
}

/** What to store for a new registration: its id (chosen here) and the hash of its ticket token. */
export function newTicket(): { id: string; ticketTokenHash: string } {
  const id = crypto.randomUUID();
  return { id, ticketTokenHash: hashToken(ticketToken(id)) };
}

/**
 * The ticket token to print for a registration. When the key changed since the ticket was issued (TICKET_SECRET
 * set or rotated, or tickets of the former key kept in the settings row), the stored hash no longer matches: the
 * registration then gets the current key's ticket (the old QR cannot be printed again), written in the caller's
 * transaction.
 */
export async function printableTicket(db: Db, r: { id: string; ticketTokenHash: string }): Promise<string> {
  const token = ticketToken(r.id);
  const hash = hashToken(token);
  if (hash !== r.ticketTokenHash) await db.update(registrations).set({ ticketTokenHash: hash }).where(eq(registrations.id, r.id));
  return token;
}
