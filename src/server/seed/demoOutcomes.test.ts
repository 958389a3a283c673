import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../test/helpers/testApp';
import { certificates } from '../db/schema/index';
import { seedDemo } from './index';
import { seedDemoActivity } from './demoActivity';
import { seedDemoOutcomes } from './demoOutcomes';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  admin = (await sessionFor(t, 'admin')).session;
}, 240_000);
afterAll(() => t.close());

describe('demo outcomes of the 2019 meeting', () => {
  it('has resolutions with follow-ups in every state (one overdue) and certificates that verify', async () => {
    const activity = await seedDemoActivity(t.database.db);
    const meetingId = (await admin.request('GET', `/api/meetings?activityId=${activity.id}`)).json().items[0].id;
    // The 2019 meeting is over: certificates can be generated for it ("Buat sertifikat" is not refused).
    expect((await admin.request('GET', `/api/meetings/${meetingId}`)).json().status).toBe('done');
    const board = (await admin.request('GET', `/api/meetings/${meetingId}/outcomes`)).json();
    expect(board.resolutions.map((r: { number: number }) => r.number)).toEqual([1, 2, 3]);
    const states = new Set(board.resolutions.flatMap((r: { followUps: { status: string }[] }) => r.followUps.map((f) => f.status)));
    expect([...states].sort()).toEqual(['done', 'in_progress', 'not_feasible', 'not_started']);
    expect(board.totals.overdue).toBeGreaterThanOrEqual(1);
    const list = (await admin.request('GET', `/api/meetings/${meetingId}/certificates`)).json();
    expect(list.total).toBeGreaterThan(10);
    expect(list.items[0].number).toBe('001/SERT/HUMAS/2019');
    const page = await t.app.inject({ method: 'GET', url: new URL(list.items[0].verifyUrl).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('sah');
    const participant = list.items.find((c: { role: string }) => c.role === 'participant');
    const pdf = await admin.request('GET', `/api/certificates/${participant.id}/file.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const [row] = await t.database.db.select().from(certificates).where(eq(certificates.id, participant.id));
    expect(row!.fileId).not.toBeNull();
    expect(await seedDemoOutcomes(t.database.db, meetingId)).toEqual({ created: false });
  });
});
