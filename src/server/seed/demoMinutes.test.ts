import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../../test/helpers/documents';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../test/helpers/testApp';
import { seedDemo } from './index';
import { seedDemoActivity } from './demoActivity';
import { seedDemoMinutes } from './demoMinutes';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  admin = (await sessionFor(t, 'admin')).session;
}, 240_000);
afterAll(() => t.close());

describe('demo minutes of the 2019 meeting', () => {
  it('has a chair, a note-taker, discussion for the sessions and the attendance, and exports as DOCX', async () => {
    const activity = await seedDemoActivity(t.database.db);
    const meetingId = (await admin.request('GET', `/api/meetings?activityId=${activity.id}`)).json().items[0].id;
    const res = await admin.request('GET', `/api/meetings/${meetingId}/minutes`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.chairName).toBe('Drs. Hendra Contoh, M.Si');
    expect(m.noteTakerName).toBe('Dewi Contoh, S.Kom');
    expect(m.openingHtml).toContain('<strong>wadah koordinasi');
    const discussed = m.sessions.filter((s: { bodyHtml: string }) => s.bodyHtml !== '').map((s: { title: string }) => s.title);
    expect(discussed).toEqual([
      'Pembukaan dan arahan',
      'Isu kehumasan terkini',
      'Strategi komunikasi publik dan penanganan hoaks',
      'Penutupan',
    ]);
    expect(m.attendance.total).toBeGreaterThanOrEqual(10);
    expect(m.attendance.byCategory.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(m.attendance.total);
    const docx = await admin.request('GET', `/api/meetings/${meetingId}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    const text = (await docxParagraphs(docx.rawPayload)).join('\n');
    expect(text).toContain('NOTULEN RAPAT');
    expect(text).toContain('Hari/tanggal: Kamis, 14 Maret 2019');
    expect(text).toContain('Klarifikasi resmi paling lambat 1x24 jam melalui kanal resmi instansi.');
    expect(await seedDemoMinutes(t.database.db, meetingId)).toEqual({ created: false });
  });
});
