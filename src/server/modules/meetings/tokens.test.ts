import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { hashToken, newTicket, ticketKeyFrom, ticketToken } from './tokens';

describe('the QR ticket key', () => {
  it('comes from TICKET_SECRET when set: another secret gives other tickets', () => {
    const a = ticketKeyFrom({ TICKET_SECRET: 'a'.repeat(44) });
    const b = ticketKeyFrom({ TICKET_SECRET: 'b'.repeat(44) });
    expect(a.equals(ticketKeyFrom({ TICKET_SECRET: 'a'.repeat(44) }))).toBe(true);
    expect(a.equals(b)).toBe(false);
    const id = '7d1b1c3e-8a35-4a7e-9a55-0c3c0d2f4e11';
    expect(ticketToken(id, a)).not.toBe(ticketToken(id, b));
    expect(ticketToken(id, a)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('without TICKET_SECRET, is derived from where the data lives (stable for one installation, another for another)', () => {
    const here = ticketKeyFrom({ DATA_DIR: '/srv/simpul' });
    expect(here.equals(ticketKeyFrom({ DATA_DIR: '/srv/simpul' }))).toBe(true);
    expect(here.equals(ticketKeyFrom({ DATA_DIR: '/srv/other' }))).toBe(false);
    expect(here.equals(ticketKeyFrom({ DATABASE_URL: 'postgres://db/simpul' }))).toBe(false);
    expect(here.equals(ticketKeyFrom({ DATA_DIR: '/srv/simpul', TICKET_SECRET: 'x'.repeat(40) }))).toBe(false);
  });

  it('is required in production, and must be long enough', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TICKET_SECRET must be set in production/);
    expect(() => loadConfig({ TICKET_SECRET: 'short' })).toThrow(/TICKET_SECRET: must be at least 32 characters/);
    expect(loadConfig({ NODE_ENV: 'production', TICKET_SECRET: 'k'.repeat(44) }).port).toBe(3000);
  });

  it('a new ticket stores only the hash of its token, which the key can print again', () => {
    const t = newTicket();
    expect(t.ticketTokenHash).toBe(hashToken(ticketToken(t.id)));
    expect(t.ticketTokenHash).not.toContain(ticketToken(t.id));
  });
});
