import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../test/helpers/testApp';
import { seedDemo } from './index';
import { seedDemoActivity } from './demoActivity';
import { seedDemoMeeting } from './demoMeeting';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  admin = (await sessionFor(t, 'admin')).session;
});
afterAll(() => t.close());

describe('demo meeting of the 2019 activity', () => {
  it('has an agenda, the 19 regencies and cities invited with letters sent, and some answers with delegates', async () => {
    const activity = await seedDemoActivity(t.database.db);
    const list = (await admin.request('GET', `/api/meetings?activityId=${activity.id}`)).json();
    expect(list.total).toBe(1);
    const meeting = (await admin.request('GET', `/api/meetings/${list.items[0].id}`)).json();
    expect(meeting).toMatchObject({
      title: 'Rapat Koordinasi Kehumasan Provinsi Sumatera Barat',
      status: 'done', // the outcomes seed closes the 2019 meeting
      startDate: '2019-03-14',
    });
    expect(meeting.agenda.length).toBeGreaterThanOrEqual(4);
    const invitations = (await admin.request('GET', `/api/meetings/${meeting.id}/invitations?limit=200`)).json().items as {
      category: string;
      state: string;
      sendState: string;
    }[];
    expect(invitations.filter((i) => i.category === 'regency_city')).toHaveLength(19);
    expect(invitations.every((i) => i.sendState === 'sent')).toBe(true);
    expect(new Set(invitations.map((i) => i.state))).toEqual(new Set(['accepted', 'declined', 'pending']));
    expect((await admin.request('GET', `/api/meetings/${meeting.id}/delegates?limit=200`)).json().total).toBeGreaterThan(5);
    expect((await admin.request('GET', `/api/meetings/${meeting.id}/letters.pdf`)).statusCode).toBe(200);
  });

  it('is created once', async () => {
    const activity = await seedDemoActivity(t.database.db);
    expect((await seedDemoMeeting(t.database.db, activity.id)).created).toBe(false);
  });
});
