import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../test/helpers/testApp';
import { seedDemo } from './index';
import { seedDemoActivity } from './demoActivity';
import { seedDemoSurvey } from './demoSurvey';

let t: TestApp;
let committee: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  committee = (await sessionFor(t, 'committee')).session;
}, 240_000);
afterAll(() => t.close());

describe('demo survey of the 2019 meeting', () => {
  it('holds answers from checked-in delegates, with per-session ratings and suggestions', async () => {
    const activity = await seedDemoActivity(t.database.db);
    const meetingId = (await committee.request('GET', `/api/meetings?activityId=${activity.id}`)).json().items[0].id;
    const res = await committee.request('GET', `/api/meetings/${meetingId}/survey`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.responses).toBe(9);
    expect(r.attendees).toBe(12);
    expect(r.usefulness.average).toBe(4);
    expect(r.sessions.length).toBeGreaterThan(2);
    expect(r.sessions.every((s: { count: number }) => s.count > 0)).toBe(true);
    expect(r.answers.filter((a: { suggestions: string | null }) => a.suggestions)).toHaveLength(4);
    expect(await seedDemoSurvey(t.database.db, meetingId)).toEqual({ created: false });
  });
});
