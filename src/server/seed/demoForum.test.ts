import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../test/helpers/testApp';
import { seedDemo } from './index';
import { seedDemoForum } from './demoForum';

let t: TestApp;
let member: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  member = (await sessionFor(t, 'member')).session;
});
afterAll(() => t.close());

describe('demo forum', () => {
  it('is lively: topics in every category, some solved, some voted, replies from several institutions, one on the agenda', async () => {
    const categories = (await member.request('GET', '/api/forum/categories')).json().items as { topicCount: number }[];
    expect(categories).toHaveLength(8);
    expect(categories.every((c) => c.topicCount > 0)).toBe(true);
    const topics = (await member.request('GET', '/api/forum/topics?limit=100')).json().items as {
      id: string;
      status: string;
      voteCount: number;
      hasSolution: boolean;
    }[];
    expect(topics.filter((x) => x.hasSolution).length).toBeGreaterThanOrEqual(3);
    expect(topics.filter((x) => x.voteCount > 0).length).toBeGreaterThanOrEqual(5);
    const inMeeting = topics.find((x) => x.status === 'in_meeting')!;
    const detail = (await member.request('GET', `/api/forum/topics/${inMeeting.id}`)).json();
    expect(detail.meeting.label).toMatch(/^dibahas pada Rapat Koordinasi Kehumasan Provinsi Sumatera Barat, sesi /);
    const replies = (await member.request('GET', `/api/forum/topics/${topics.find((x) => x.hasSolution)!.id}/replies`)).json().items as {
      institution: { id: string } | null;
    }[];
    expect(new Set(replies.map((r) => r.institution?.id)).size).toBeGreaterThanOrEqual(2);
    const search = (await member.request('GET', '/api/forum/search?q=hoaks')).json();
    expect(search.items.length).toBeGreaterThan(0);
  });

  it('is created once', async () => {
    expect(await seedDemoForum(t.database.db)).toEqual({ created: false });
  });
});
