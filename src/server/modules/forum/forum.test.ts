import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildInstitution } from '../../../../test/builders/directory';
import { forumCategoryId, postReply, postTopic } from '../../../../test/builders/forum';

let t: TestApp;
let member: Session;
beforeAll(async () => {
  t = await createTestApp();
  const inst = await buildInstitution(t, { name: 'Dinas Kominfo Kabupaten Agam' });
  member = (await sessionFor(t, 'member', { institutionId: inst.id })).session;
});
afterAll(() => t?.close());

describe('forum basics', () => {
  it('lists the eight seeded categories', async () => {
    const res = await member.request('GET', '/api/forum/categories');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { name: string }) => c.name)).toHaveLength(8);
  });

  it('opens a topic, replies, lists and searches', async () => {
    const topic = await postTopic(t, member, { categoryId: await forumCategoryId(t, 'Komunikasi krisis') });
    await postReply(member, topic.id);
    const list = (await member.request('GET', '/api/forum/topics')).json();
    expect(list.items[0].id).toBe(topic.id);
    const found = (await member.request('GET', '/api/forum/search?q=anggaran')).json();
    expect(found.items.length).toBeGreaterThan(0);
  });
});
