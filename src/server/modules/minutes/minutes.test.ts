import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCheckInMeeting, type CheckInFixture } from '../../../../test/helpers/checkInFixture';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { agendaSessions, auditLog, checkIns, institutions, meetingMinutes, meetings, sessionMinutes } from '../../db/schema/index';

let t: TestApp;
let fx: CheckInFixture;
let manager: Session;
let otherCommittee: Session;
let memberA: Session;
let outsiderMember: Session;
let sessionIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  const committee = await sessionFor(t, 'committee');
  manager = committee.session;
  otherCommittee = (await sessionFor(t, 'committee')).session;
  fx = await seedCheckInMeeting(t.database.db, { managerIds: [committee.user.id], status: 'running', startDate: '2019-03-12' });
  memberA = (await sessionFor(t, 'member', { institutionId: fx.institutions[0]!.id })).session;
  const [stranger] = await t.database.db
    .insert(institutions)
    .values({ name: 'Instansi Tak Diundang', category: 'bumn', searchText: 'instansi tak diundang' })
    .returning();
  outsiderMember = (await sessionFor(t, 'member', { institutionId: stranger!.id })).session;
  const rows = await t.database.db
    .insert(agendaSessions)
    .values([
      { meetingId: fx.meetingId, position: 0, startTime: '08:30', endTime: '09:00', title: 'Pembukaan dan arahan' },
      { meetingId: fx.meetingId, position: 1, startTime: '09:00', endTime: '11:00', title: 'Pengelolaan isu strategis daerah' },
    ])
    .returning();
  sessionIds = rows.map((r) => r.id);
  // Four of the six delegates came: two from Agam (regency), one from Padang (regency), one from the university.
  const came = [fx.people[0]!, fx.people[1]!, fx.people[2]!, fx.people[3]!];
  await t.database.db
    .insert(checkIns)
    .values(came.map((p, i) => ({ registrationId: p.id, meetingId: fx.meetingId, meetingDay: '2019-03-12', clientId: `c-${i}` })));
});
afterAll(() => t.close());

const url = () => `/api/meetings/${fx.meetingId}/minutes`;
const body = (version: number, extra: Record<string, unknown> = {}) => ({
  chairName: 'Drs. Jasman Rizal, M.Si',
  chairPosition: 'Kepala Biro Humas Setda Provinsi Sumatera Barat',
  noteTakerName: 'Rina Marlina, S.Sos',
  noteTakerPosition: 'Analis Humas',
  openingHtml: '<p>Rapat dibuka pukul 08.30 WIB oleh pimpinan rapat.</p>',
  closingHtml: '<p>Rapat ditutup pukul 12.00 WIB.</p>',
  sessions: [
    { sessionId: sessionIds[0], bodyHtml: '<p>Arahan <strong>Sekretaris Daerah</strong>.</p>' },
    {
      sessionId: sessionIds[1],
      bodyHtml: '<ol><li><p>Isu <em>banjir</em> dibahas.</p></li><li><p>Lihat <a href="https://sumbarprov.go.id">portal</a>.</p></li></ol>',
    },
  ],
  version,
  ...extra,
});

async function state() {
  const [m] = await t.database.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, fx.meetingId));
  const s = await t.database.db.select().from(sessionMinutes).where(eq(sessionMinutes.meetingId, fx.meetingId));
  const [{ n }] = (await t.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'meeting_minutes'), eq(auditLog.entityId, fx.meetingId)))) as [{ n: number }];
  return { m, s: s.map((x) => x.bodyHtml).sort(), audits: Number(n) };
}

describe('minutes', () => {
  it('starts empty at version 1 with the attendance counted from check-ins by institution category', async () => {
    const res = await manager.request('GET', url());
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.version).toBe(1);
    expect(m.chairName).toBeNull();
    expect(m.sessions.map((s: { title: string }) => s.title)).toEqual(['Pembukaan dan arahan', 'Pengelolaan isu strategis daerah']);
    expect(m.attendance.total).toBe(4);
    expect(m.attendance.byCategory).toEqual([
      { category: 'regency_city', label: 'Pemerintah Kabupaten/Kota', count: 3 },
      { category: 'university', label: 'Perguruan Tinggi', count: 1 },
    ]);
    expect(m.attendance.attendees.map((a: { name: string }) => a.name).sort()).toEqual([
      'Peserta 1',
      'Peserta 2',
      'Peserta 3',
      'Peserta 4',
    ]);
    expect(m.can.write).toBe(true);
  });

  it('saves the whole document sanitised, bumps the version, audits, and refuses a stale version with 409', async () => {
    const res = await manager.request('PUT', url(), body(1));
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json();
    expect(saved.version).toBe(2);
    expect(saved.sessions[0].bodyHtml).toBe('<p>Arahan <strong>Sekretaris Daerah</strong>.</p>');
    expect(saved.sessions[1].bodyHtml).toContain('<a href="https://sumbarprov.go.id" rel="nofollow noopener noreferrer">portal</a>');
    const after = await state();
    expect(after.m!.version).toBe(2);
    expect(after.audits).toBe(1);

    const stale = await manager.request('PUT', url(), body(1, { chairName: 'Orang Lain' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.currentVersion).toBe(2);
    expect(await state()).toEqual(after);

    // A session left out loses its discussion; the reload shows exactly what was saved.
    const next = await manager.request(
      'PUT',
      url(),
      body(2, { sessions: [{ sessionId: sessionIds[1], bodyHtml: '<p>Hanya sesi dua.</p>' }] }),
    );
    expect(next.statusCode, next.body).toBe(200);
    const reread = (await manager.request('GET', url())).json();
    expect(reread.version).toBe(3);
    expect(reread.sessions.map((s: { bodyHtml: string }) => s.bodyHtml)).toEqual(['', '<p>Hanya sesi dua.</p>']);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'meeting_minutes'), eq(auditLog.action, 'minutes.update')))
      .orderBy(auditLog.id);
    expect(row!.after).toMatchObject({ chairName: 'Drs. Jasman Rizal, M.Si', version: 2 });
  });

  it('refuses bad input with a 400 in Indonesian and changes nothing', async () => {
    const before = await state();
    const v = (await manager.request('GET', url())).json().version as number;
    const cases: [Record<string, unknown>, string][] = [
      [{ chairName: '' }, 'Nama pimpinan rapat wajib diisi'],
      [{ sessions: undefined }, 'Daftar pembahasan sesi wajib dikirim'],
      [{ openingHtml: `<p>${'a'.repeat(20_001)}</p>` }, 'Pembukaan terlalu panjang'],
      [{ closingHtml: '<p>ok</p><script>alert(1)</script>' }, 'skrip'],
      [{ closingHtml: '<p><a href="javascript:alert(1)">x</a></p>' }, 'javascript:'],
      [{ openingHtml: '<p onclick="x()">hai</p>' }, 'atribut skrip'],
      [{ sessions: [{ sessionId: fx.meetingId, bodyHtml: '<p>x</p>' }] }, 'Sesi acara tidak ditemukan'],
      [{ version: undefined }, 'Versi data wajib dikirim'],
    ];
    for (const [extra, message] of cases) {
      const payload = body(v, extra);
      for (const k of Object.keys(extra)) if (extra[k] === undefined) delete (payload as Record<string, unknown>)[k];
      const res = await manager.request('PUT', url(), payload);
      expect(res.statusCode, JSON.stringify(extra).slice(0, 80)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(message);
    }
    // A missing field is named.
    const { noteTakerName: _, ...noNoteTaker } = body(v);
    const missing = await manager.request('PUT', url(), noNoteTaker);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.noteTakerName).toBeTruthy();
    expect(await state()).toEqual(before);
  });

  it('accepts one of two saves naming the same version at once; the other is refused with 409', async () => {
    const before = await state();
    const v = before.m!.version;
    const answers = await Promise.all([
      manager.request('PUT', url(), body(v, { chairName: 'Pimpinan A' })),
      manager.request('PUT', url(), body(v, { chairName: 'Pimpinan B' })),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = await state();
    expect(after.m!.version).toBe(v + 1);
    expect(after.audits).toBe(before.audits + 1);
    expect(after.m!.chairName).toBe(answers.find((r) => r.statusCode === 200)!.json().chairName);
  });

  it('lets only the managers write; other institutions and non-managers are refused', async () => {
    const before = await state();
    const v = before.m!.version;
    // Another committee member reads (the bureau) but does not write.
    expect((await otherCommittee.request('GET', url())).json().can.write).toBe(false);
    expect((await otherCommittee.request('PUT', url(), body(v))).statusCode).toBe(404);
    // Member officers never write, and do not read before the meeting is done.
    expect((await memberA.request('PUT', url(), body(v))).statusCode).toBe(403);
    expect((await memberA.request('GET', url())).statusCode).toBe(404);
    // A forged session cookie is not a session.
    const forged = await t.app.inject({ method: 'GET', url: url(), headers: { cookie: 'simpul_session=forged' } });
    expect(forged.statusCode).toBe(401);
    expect(await state()).toEqual(before);
  });

  it('lets invited institutions read once the meeting is done (not others), and keeps the minutes of a cancelled meeting', async () => {
    await t.database.db.update(meetings).set({ status: 'done' }).where(eq(meetings.id, fx.meetingId));
    const mine = await memberA.request('GET', url());
    expect(mine.statusCode).toBe(200);
    expect(mine.json().can.write).toBe(false);
    expect((await memberA.request('GET', `${url()}.pdf`)).statusCode).toBe(200);
    expect((await outsiderMember.request('GET', url())).statusCode).toBe(404);
    expect((await outsiderMember.request('GET', `${url()}.docx`)).statusCode).toBe(404);
    // A done meeting's minutes are still written by its managers.
    const v = (await manager.request('GET', url())).json().version;
    expect((await manager.request('PUT', url(), body(v))).statusCode).toBe(200);

    await t.database.db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, fx.meetingId));
    const before = await state();
    const refused = await manager.request('PUT', url(), body(before.m!.version));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('dibatalkan');
    expect(await state()).toEqual(before);
    await t.database.db.update(meetings).set({ status: 'done' }).where(eq(meetings.id, fx.meetingId));
  });
});
