import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCheckInMeeting, type CheckInFixture } from '../../../../test/helpers/checkInFixture';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { ticketMailText } from '../meetings/mailing';
import { agendaSessions, auditLog, checkIns, forumTopics, meetings, surveyResponses, surveySessionRatings } from '../../db/schema/index';

let t: TestApp;
let fx: CheckInFixture;
let manager: Session;
let otherCommittee: Session;
let member: Session;
let sessionIds: string[];
const day = '2019-03-12';

const answer = (token: string, body: object) => t.app.inject({ method: 'POST', url: `/api/tickets/${token}/survey`, payload: body });
const okBody = () => ({
  usefulness: 4,
  sessionRatings: [
    { sessionId: sessionIds[0], rating: 5 },
    { sessionId: sessionIds[1], rating: 3 },
  ],
  suggestions: 'Mohon materi dibagikan sebelum rapat.',
  topicsWanted: 'Penanganan hoaks bencana',
});
const responses = async () => (await t.database.db.select({ n: count() }).from(surveyResponses))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const committee = await sessionFor(t, 'committee');
  manager = committee.session;
  otherCommittee = (await sessionFor(t, 'committee')).session;
  fx = await seedCheckInMeeting(t.database.db, { managerIds: [committee.user.id], status: 'done', startDate: day, people: 6 });
  member = (await sessionFor(t, 'member', { institutionId: fx.institutions[0]!.id })).session;
  const db = t.database.db;
  const rows = await db
    .insert(agendaSessions)
    .values([
      { meetingId: fx.meetingId, position: 0, startTime: '08:00', endTime: '09:00', title: 'Pembukaan' },
      { meetingId: fx.meetingId, position: 1, startTime: '09:00', endTime: '11:00', title: 'Strategi komunikasi krisis' },
    ])
    .returning();
  sessionIds = rows.map((r) => r.id);
  for (const p of fx.people.slice(0, 4))
    await db.insert(checkIns).values({ registrationId: p.id, meetingId: fx.meetingId, meetingDay: day, clientId: randomUUID() });
}, 120_000);
afterAll(() => t.close());

describe('ticket page', () => {
  it('answers the participant their own ticket, and 404 for a forged token', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/tickets/${fx.people[0]!.token}` });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.name).toBe('Peserta 1');
    expect(v.institution).toBe(fx.institutions[0]!.name);
    expect(v.checkedIn).toBe(true);
    expect(v.meeting.sessions.map((s: { title: string }) => s.title)).toEqual(['Pembukaan', 'Strategi komunikasi krisis']);
    expect(v.qrUrl).toBe(`/api/tickets/${fx.people[0]!.token}/qr.png`);
    expect(v.certificateUrl).toBeNull();
    expect(v.survey).toEqual({ state: 'open', answeredAt: null });
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(JSON.stringify(v)).not.toContain('Peserta 2');
    const notIn = (await t.app.inject({ method: 'GET', url: `/api/tickets/${fx.people[5]!.token}` })).json();
    expect([notIn.checkedIn, notIn.survey.state]).toEqual([false, 'not_checked_in']);
    for (const bad of ['A'.repeat(43), 'abc', fx.people[0]!.id]) {
      const forged = await t.app.inject({ method: 'GET', url: `/api/tickets/${bad}` });
      expect(forged.statusCode).toBe(404);
      expect(forged.json().error.message).toMatch(/^Tiket tidak dikenal/);
    }
  });

  it('is linked from the confirmation mail', () => {
    const ctx = { config: { publicUrl: 'https://simpul.example' } } as Parameters<typeof ticketMailText>[1]['ctx'];
    const mail = ticketMailText(
      { title: 'Rapat', startDate: day, endDate: day, startTime: '08:00', endTime: '12:00', venue: 'Aula', venueAddress: null },
      { name: 'Peserta 1', institution: null, token: 'tok_en-123', ctx },
    );
    expect(mail.text).toContain('https://simpul.example/app/tiket/tok_en-123');
    expect(mail.html).toContain('<a href="https://simpul.example/app/tiket/tok_en-123">');
  });
});

describe('survey answers', () => {
  it('refuses bad input with 400 and stores nothing', async () => {
    const token = fx.people[0]!.token;
    for (const body of [
      { ...okBody(), usefulness: 6 },
      { ...okBody(), usefulness: 0 },
      { ...okBody(), sessionRatings: [{ sessionId: sessionIds[0], rating: 9 }] },
      { ...okBody(), sessionRatings: [{ sessionId: randomUUID(), rating: 4 }] },
      {
        ...okBody(),
        sessionRatings: [
          { sessionId: sessionIds[0], rating: 4 },
          { sessionId: sessionIds[0], rating: 2 },
        ],
      },
      { ...okBody(), suggestions: 'x'.repeat(2001) },
    ]) {
      const res = await answer(token, body);
      expect(res.statusCode, res.body).toBe(400);
    }
    const unknown = await answer(token, { ...okBody(), sessionRatings: [{ sessionId: randomUUID(), rating: 4 }] });
    expect(unknown.json().error.message).toBe('Sesi yang dinilai bukan bagian dari acara rapat ini');
    expect(await responses()).toBe(0);
    expect((await t.database.db.select({ n: count() }).from(surveySessionRatings))[0]!.n).toBe(0);
  });

  it('refuses a forged ticket (404) and a participant who did not check in (403), storing nothing', async () => {
    expect((await answer('B'.repeat(43), okBody())).statusCode).toBe(404);
    const res = await answer(fx.people[5]!.token, okBody());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/^Survei hanya untuk peserta yang hadir/);
    expect(await responses()).toBe(0);
  });

  it('takes one answer, audited; a second one is 409 and changes nothing', async () => {
    const token = fx.people[0]!.token;
    const res = await answer(token, okBody());
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const ratings = await t.database.db.select().from(surveySessionRatings).where(eq(surveySessionRatings.responseId, id));
    expect(ratings.map((r) => r.rating).sort()).toEqual([3, 5]);
    const [a] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(a!.action).toBe('surveyResponse.create');
    expect((a!.after as { registrationId: string }).registrationId).toBe(fx.people[0]!.id);
    const again = await answer(token, { ...okBody(), usefulness: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/^Anda sudah mengisi survei/);
    const [row] = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(row!.usefulness).toBe(4);
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${token}` })).json().survey.state).toBe('answered');
  });

  it('takes one of two concurrent answers of the same participant', async () => {
    const token = fx.people[1]!.token;
    const results = await Promise.all([answer(token, { ...okBody(), usefulness: 5 }), answer(token, { ...okBody(), usefulness: 2 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.registrationId, fx.people[1]!.id));
    expect(rows).toHaveLength(1);
    const auditRows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'surveyResponse.create'));
    expect(auditRows).toHaveLength(2);
  });

  it('is not open before the meeting runs', async () => {
    await t.database.db.update(meetings).set({ status: 'invitations_sent' }).where(eq(meetings.id, fx.meetingId));
    try {
      const res = await answer(fx.people[2]!.token, okBody());
      expect(res.statusCode).toBe(409);
      expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${fx.people[2]!.token}` })).json().survey.state).toBe('not_started');
    } finally {
      await t.database.db.update(meetings).set({ status: 'done' }).where(eq(meetings.id, fx.meetingId));
    }
  });
});

describe('survey results', () => {
  beforeAll(async () => {
    const res = await answer(fx.people[2]!.token, { usefulness: 5, sessionRatings: [{ sessionId: sessionIds[1], rating: 4 }] });
    expect(res.statusCode).toBe(201);
  });

  it('shows counts, averages and distributions to the bureau only', async () => {
    const res = await manager.request('GET', `/api/meetings/${fx.meetingId}/survey`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect([r.responses, r.attendees]).toEqual([3, 4]);
    const first = (await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.registrationId, fx.people[1]!.id)))[0]!;
    const expectedAvg = Math.round(((4 + first.usefulness + 5) / 3) * 100) / 100;
    expect(r.usefulness.average).toBe(expectedAvg);
    expect(r.usefulness.distribution.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(r.sessions.map((s: { count: number; average: number }) => [s.count, s.average])).toEqual([
      [2, 5],
      [3, 3.33],
    ]);
    expect(r.sessions[1].distribution).toEqual([0, 0, 2, 1, 0]);
    expect(r.answers.filter((a: { suggestions: string | null }) => a.suggestions)).toHaveLength(2);
    expect(r.can.forward).toBe(true);
    // Another committee member (the bureau) reads but may not forward; a member officer may not read.
    const other = await otherCommittee.request('GET', `/api/meetings/${fx.meetingId}/survey`);
    expect(other.statusCode).toBe(200);
    expect(other.json().can.forward).toBe(false);
    expect((await member.request('GET', `/api/meetings/${fx.meetingId}/survey`)).statusCode).toBe(403);
    expect((await member.request('GET', `/api/meetings/${fx.meetingId}/survey.xlsx`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/meetings/${fx.meetingId}/survey` })).statusCode).toBe(401);
  });

  it('exports an XLSX with a summary sheet and an answers sheet holding the numbers', async () => {
    const res = await manager.request('GET', `/api/meetings/${fx.meetingId}/survey.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sum = wb.getWorksheet('Ringkasan')!;
    expect(sum.getRow(2).values).toEqual([undefined, 'Jumlah jawaban', 3]);
    expect(sum.getRow(3).values).toEqual([undefined, 'Jumlah peserta hadir', 4]);
    const session2 = sum.getRow(8).values as unknown[];
    expect(session2.slice(1)).toEqual(['Strategi komunikasi krisis', '09.00–11.00', 3, 3.33, 0, 0, 2, 1, 0]);
    const answers = wb.getWorksheet('Jawaban')!;
    expect(answers.rowCount).toBe(4);
    expect(answers.getRow(2).getCell(7).value).toBe('Penanganan hoaks bencana');
  });

  it('turns a suggestion into a forum topic once, audited; only the managers may', async () => {
    const [resp] = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.registrationId, fx.people[0]!.id));
    expect((await otherCommittee.request('POST', `/api/survey-responses/${resp!.id}/forward`, {})).statusCode).toBe(404);
    expect((await member.request('POST', `/api/survey-responses/${resp!.id}/forward`, {})).statusCode).toBe(403);
    const topicsBefore = (await t.database.db.select({ n: count() }).from(forumTopics))[0]!.n;
    const res = await manager.request('POST', `/api/survey-responses/${resp!.id}/forward`, {});
    expect(res.statusCode, res.body).toBe(200);
    const [topic] = await t.database.db.select().from(forumTopics).where(eq(forumTopics.id, res.json().topicId));
    expect(topic!.title).toMatch(/^Usulan peserta Rapat Koordinasi/);
    expect(topic!.bodyText).toContain('Mohon materi dibagikan sebelum rapat.');
    expect(topic!.bodyText).not.toContain('Peserta 1');
    const again = await manager.request('POST', `/api/survey-responses/${resp!.id}/forward`, {});
    expect(again.statusCode).toBe(409);
    expect((await t.database.db.select({ n: count() }).from(forumTopics))[0]!.n).toBe(topicsBefore + 1);
    // Two clicks at once on another suggestion: one topic.
    const [second] = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.registrationId, fx.people[1]!.id));
    const both = await Promise.all([1, 2].map(() => manager.request('POST', `/api/survey-responses/${second!.id}/forward`, {})));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await t.database.db.select({ n: count() }).from(forumTopics))[0]!.n).toBe(topicsBefore + 2);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'surveyResponse.forward'));
    expect(audits.map((a) => a.entityId).sort()).toEqual([resp!.id, second!.id].sort());
    const [after] = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.id, resp!.id));
    expect(after!.forwardedAt).not.toBeNull();
  });
});
