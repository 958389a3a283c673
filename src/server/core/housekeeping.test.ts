import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { files, forumAttachments, forumUnsubscribeTokens, institutions, loginAttempts, sessions } from '../db/schema/index';
import { removeExpiredRecords } from './housekeeping';
import { createTestApp, createUser, loginAs, sessionFor, type TestApp } from '../../../test/helpers/testApp';
import { buildInstitution, multipart } from '../../../test/builders/directory';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const twoDaysAgo = () => new Date(Date.now() - 2 * 24 * 3600_000);
const png = (colour: string) =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: colour } })
    .png()
    .toBuffer();

describe('housekeeping', () => {
  it('removes expired sessions and old log-in attempts but keeps live sessions working', async () => {
    const u = await createUser(t, 'committee');
    const live = await loginAs(t, u.email);
    const stale = await loginAs(t, u.email);
    const staleHash = (await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).map((r) => r.tokenHash);
    // Expire one of the two sessions, and age the attempts.
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, staleHash[1]!));
    await t.database.db.update(loginAttempts).set({ at: twoDaysAgo() }).where(eq(loginAttempts.email, u.email));

    const removed = await removeExpiredRecords(t.database.db);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(removed.loginAttempts).toBeGreaterThanOrEqual(2);
    expect((await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).length).toBe(1);
    const meLive = (await live.request('GET', '/api/auth/me')).json().user;
    const meStale = (await stale.request('GET', '/api/auth/me')).json().user;
    expect([meLive?.email, meStale?.email].filter(Boolean)).toEqual([u.email]);
  });

  it('removes expired forum unsubscribe links and keeps live ones', async () => {
    const u = await createUser(t, 'member');
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    await t.database.db.insert(forumUnsubscribeTokens).values([
      { tokenHash: hash('expired'), userId: u.id, expiresAt: new Date(Date.now() - 1000) },
      { tokenHash: hash('live'), userId: u.id, expiresAt: new Date(Date.now() + 3600_000) },
    ]);
    const removed = await removeExpiredRecords(t.database.db);
    expect(removed.unsubscribeTokens).toBe(1);
    const left = await t.database.db.select().from(forumUnsubscribeTokens).where(eq(forumUnsubscribeTokens.userId, u.id));
    expect(left.map((r) => r.tokenHash)).toEqual([hash('live')]);
  });

  it('frees a forum upload never posted and a file nothing refers to after a day, and keeps what is in use or fresh', async () => {
    const inst = await buildInstitution(t);
    const { session: member } = await sessionFor(t, 'member', { institutionId: inst.id });
    const upload = async (colour: string) => {
      const form = await multipart({}, { name: 'bagan.png', content: await png(colour), type: 'image/png' });
      const res = await member.request('POST', '/api/forum/attachments', form.payload, form.headers);
      expect(res.statusCode, res.body).toBe(201);
      const [row] = await t.database.db.select().from(forumAttachments).where(eq(forumAttachments.id, res.json().id));
      return row!;
    };
    const abandoned = await upload('#aa0000');
    const fresh = await upload('#00aa00');
    // A logo in use, and a file that lost its last reference (as a replaced logo does), both old.
    const [logo] = await t.database.db.select().from(files).where(eq(files.id, fresh.fileId));
    const [inUse] = await t.database.db
      .insert(files)
      .values({ name: 'logo.png', mime: 'image/png', size: 1, sha256: 'x', content: Buffer.from([1]), createdAt: twoDaysAgo() })
      .returning();
    const [orphan] = await t.database.db
      .insert(files)
      .values({ name: 'lama.png', mime: 'image/png', size: 1, sha256: 'y', content: Buffer.from([2]), createdAt: twoDaysAgo() })
      .returning();
    await t.database.db.update(institutions).set({ logoFileId: inUse!.id }).where(eq(institutions.id, inst.id));
    await t.database.db.update(forumAttachments).set({ createdAt: twoDaysAgo() }).where(eq(forumAttachments.id, abandoned.id));
    await t.database.db.update(files).set({ createdAt: twoDaysAgo() }).where(eq(files.id, abandoned.fileId));

    const removed = await removeExpiredRecords(t.database.db);
    expect(removed.unpostedAttachments).toBe(1);
    expect(removed.files).toBeGreaterThanOrEqual(2);
    const attachments = await t.database.db
      .select({ id: forumAttachments.id })
      .from(forumAttachments)
      .where(inArray(forumAttachments.id, [abandoned.id, fresh.id]));
    expect(attachments.map((a) => a.id)).toEqual([fresh.id]);
    const kept = await t.database.db
      .select({ id: files.id })
      .from(files)
      .where(inArray(files.id, [abandoned.fileId, logo!.id, inUse!.id, orphan!.id]));
    expect(kept.map((f) => f.id).sort()).toEqual([logo!.id, inUse!.id].sort());
  });
});
