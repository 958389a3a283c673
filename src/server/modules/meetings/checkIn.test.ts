import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit';
import { checkIns } from '../../db/schema/meetings';
import { pdfPages } from '../../../../test/helpers/documents';
import { createTestApp, createUser, loginAs, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { seedCheckInMeeting, type CheckInFixture } from '../../../../test/helpers/checkInFixture';
import { otherMeetingMessage, ticketUnknownMessage } from './checkIn';

let t: TestApp;
let rina: Session;
let rinaId: string;
let admin: Session;
let fx: CheckInFixture;
let other: CheckInFixture;

const url = (m: string, rest = '') => `/api/meetings/${m}${rest}`;
const rowsFor = async (registrationId: string) => t.database.db.select().from(checkIns).where(eq(checkIns.registrationId, registrationId));

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t, 'committee', { name: 'Rina' });
  rinaId = user.id;
  rina = await loginAs(t, user.email);
  admin = (await sessionFor(t, 'admin')).session;
  fx = await seedCheckInMeeting(t.database.db, { managerIds: [rinaId], people: 9 });
  other = await seedCheckInMeeting(t.database.db, { managerIds: [rinaId], people: 2 });
});
afterAll(async () => t?.close());

describe('check-in by QR ticket', () => {
  it('checks a person in once; a retry with the same client id answers the same result', async () => {
    const p = fx.people[0]!;
    const body = { clientId: randomUUID(), ticket: p.token, deviceLabel: 'HP-1' };
    const first = await rina.request('POST', url(fx.meetingId, '/check-ins'), body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'checked_in',
      participant: { name: p.name },
      checkIn: { byName: 'Rina', deviceLabel: 'HP-1' },
    });
    const retry = await rina.request('POST', url(fx.meetingId, '/check-ins'), body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().status).toBe('checked_in');
    expect(retry.json().checkIn).toEqual(first.json().checkIn);
    expect(await rowsFor(p.id)).toHaveLength(1);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, first.json().checkIn.id));
    expect(audits.map((a) => a.action)).toEqual(['meeting.checkIn']);
  });

  it('a second scan of the same ticket answers when and by whom it was checked in', async () => {
    const p = fx.people[1]!;
    await rina.request('POST', url(fx.meetingId, '/check-ins'), { clientId: randomUUID(), ticket: p.token, deviceLabel: 'HP-2' });
    const again = await admin.request('POST', url(fx.meetingId, '/check-ins'), {
      clientId: randomUUID(),
      ticket: p.token,
      deviceLabel: 'HP-5',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('already');
    expect(again.json().message).toMatch(new RegExp(`^${p.name} sudah check-in pukul \\d{2}\\.\\d{2} oleh Rina \\(HP-2\\)$`));
    expect(await rowsFor(p.id)).toHaveLength(1);
  });

  it('8 phones scanning the same ticket at the same instant make one check-in and 7 "already" answers', async () => {
    const p = fx.people[2]!;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        rina.request('POST', url(fx.meetingId, '/check-ins'), { clientId: randomUUID(), ticket: p.token, deviceLabel: `HP-${i + 1}` }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    const statuses = answers.map((a) => a.json().status).sort();
    expect(statuses).toEqual(['already', 'already', 'already', 'already', 'already', 'already', 'already', 'checked_in']);
    expect(await rowsFor(p.id)).toHaveLength(1);
    // Every answer names the one check-in that was recorded.
    expect(new Set(answers.map((a) => a.json().checkIn.id)).size).toBe(1);
  });

  it('refuses a forged ticket and one of another meeting, in Indonesian, writing nothing', async () => {
    const before = (await t.database.db.select().from(checkIns)).length;
    const forged = await rina.request('POST', url(fx.meetingId, '/check-ins'), { clientId: randomUUID(), ticket: 'x'.repeat(43) });
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.message).toBe(ticketUnknownMessage);
    const foreign = await rina.request('POST', url(fx.meetingId, '/check-ins'), { clientId: randomUUID(), ticket: other.people[0]!.token });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json().error.message).toBe(otherMeetingMessage);
    const foreignId = await rina.request('POST', url(fx.meetingId, '/check-ins'), {
      clientId: randomUUID(),
      registrationId: other.people[0]!.id,
    });
    expect(foreignId.statusCode).toBe(404);
    expect(foreignId.json().error.message).toBe('Peserta tidak terdaftar pada rapat ini');
    const neither = await rina.request('POST', url(fx.meetingId, '/check-ins'), { clientId: randomUUID() });
    expect(neither.statusCode).toBe(400);
    const badClient = await rina.request('POST', url(fx.meetingId, '/check-ins'), { clientId: 'a b', ticket: fx.people[3]!.token });
    expect(badClient.statusCode).toBe(400);
    expect((await t.database.db.select().from(checkIns)).length).toBe(before);
  });

  it('reads a ticket given as a link ending in the token', async () => {
    const p = fx.people[3]!;
    const res = await rina.request('POST', url(fx.meetingId, '/check-ins'), {
      clientId: randomUUID(),
      ticket: `https://simpul.example/tiket/${p.token}`,
    });
    expect(res.json().status).toBe('checked_in');
  });
});

describe('who may check people in', () => {
  it('refuses members and committee members who do not run this meeting; admins may', async () => {
    const body = () => ({ clientId: randomUUID(), ticket: fx.people[4]!.token });
    const member = (await sessionFor(t, 'member', { institutionId: fx.institutions[0]!.id })).session;
    expect((await member.request('POST', url(fx.meetingId, '/check-ins'), body())).statusCode).toBe(403);
    expect((await member.request('GET', url(fx.meetingId, '/check-in/participants'))).statusCode).toBe(403);
    const outsider = (await sessionFor(t, 'committee')).session;
    const refused = await outsider.request('POST', url(fx.meetingId, '/check-ins'), body());
    expect(refused.statusCode).toBe(404);
    expect((await outsider.request('GET', url(fx.meetingId, '/check-in/participants'))).statusCode).toBe(404);
    expect((await outsider.request('GET', url(fx.meetingId, '/attendance'))).statusCode).toBe(404);
    expect((await outsider.request('POST', url(fx.meetingId, '/check-ins/sync'), { items: [body()] })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: url(fx.meetingId, '/check-ins'), payload: body() })).statusCode).toBe(401);
    expect(await rowsFor(fx.people[4]!.id)).toHaveLength(0);
    expect((await admin.request('POST', url(fx.meetingId, '/check-ins'), body())).json().status).toBe('checked_in');
  });

  it('refuses check-in at a draft meeting (409)', async () => {
    const draft = await seedCheckInMeeting(t.database.db, { managerIds: [rinaId], people: 1, status: 'draft' });
    const res = await rina.request('POST', url(draft.meetingId, '/check-ins'), { clientId: randomUUID(), ticket: draft.people[0]!.token });
    expect(res.statusCode).toBe(409);
  });
});

describe('offline queue sync', () => {
  it('applies a queued batch once, answering per item; re-sending it changes nothing', async () => {
    const items = [
      {
        clientId: randomUUID(),
        registrationId: fx.people[5]!.id,
        deviceLabel: 'HP-3',
        scannedAt: new Date(Date.now() - 60_000).toISOString(),
      },
      { clientId: randomUUID(), ticket: fx.people[6]!.token, deviceLabel: 'HP-3' },
      { clientId: randomUUID(), ticket: fx.people[5]!.token, deviceLabel: 'HP-3' },
      { clientId: randomUUID(), ticket: 'palsu-palsu-palsu-palsu', deviceLabel: 'HP-3' },
    ];
    const first = await rina.request('POST', url(fx.meetingId, '/check-ins/sync'), { items });
    expect(first.statusCode).toBe(200);
    const results = first.json().results;
    expect(results.map((r: { ok: boolean; status?: string }) => (r.ok ? r.status : 'error'))).toEqual([
      'checked_in',
      'checked_in',
      'already',
      'error',
    ]);
    expect(results[3].error.message).toBe(ticketUnknownMessage);
    // The time the phone recorded is kept.
    expect(Math.abs(new Date(results[0].checkIn.checkedInAt).getTime() - new Date(items[0]!.scannedAt!).getTime())).toBeLessThan(1000);
    const again = await rina.request('POST', url(fx.meetingId, '/check-ins/sync'), { items });
    expect(again.json().results.map((r: { ok: boolean; status?: string }) => (r.ok ? r.status : 'error'))).toEqual([
      'checked_in',
      'checked_in',
      'already',
      'error',
    ]);
    expect(await rowsFor(fx.people[5]!.id)).toHaveLength(1);
    expect(await rowsFor(fx.people[6]!.id)).toHaveLength(1);
  });

  it('three phones syncing overlapping queues at once converge on exactly one check-in per person', async () => {
    const m = await seedCheckInMeeting(t.database.db, { managerIds: [rinaId], people: 30 });
    const ids = m.people.map((p) => p.id);
    const phones = [ids.slice(0, 15), ids.slice(10, 25), [...ids.slice(20, 30), ...ids.slice(0, 5)]];
    const answers = await Promise.all(
      phones.map((list, d) =>
        rina.request('POST', url(m.meetingId, '/check-ins/sync'), {
          items: list.map((registrationId) => ({ clientId: randomUUID(), registrationId, deviceLabel: `HP-${d + 1}` })),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const statuses = answers.flatMap((a) => a.json().results.map((r: { status: string }) => r.status));
    expect(statuses.filter((x) => x === 'checked_in')).toHaveLength(30);
    expect(statuses.filter((x) => x === 'already')).toHaveLength(15);
    const rows = await t.database.db.select().from(checkIns).where(eq(checkIns.meetingId, m.meetingId));
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.registrationId)).size).toBe(30);
  });

  it('check-out records the time once', async () => {
    const res = await rina.request('POST', url(fx.meetingId, '/check-ins'), { clientId: randomUUID(), registrationId: fx.people[7]!.id });
    const id = res.json().checkIn.id;
    const out = await rina.request('POST', url(fx.meetingId, `/check-ins/${id}/check-out`));
    expect(out.statusCode).toBe(200);
    expect(out.json().checkedOutAt).toBeTruthy();
    const again = await rina.request('POST', url(fx.meetingId, `/check-ins/${id}/check-out`));
    expect(again.json().checkedOutAt).toBe(out.json().checkedOutAt);
  });
});

describe('participant list, search and the attendance board', () => {
  it('ships names, institutions and ticket hashes to the phone, but no contact data', async () => {
    const res = await rina.request('GET', url(fx.meetingId, '/check-in/participants'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.participants).toHaveLength(9);
    expect(Object.keys(body.participants[0]).sort()).toEqual(['category', 'id', 'institution', 'name', 'position', 'ticketHash', 'walkIn']);
    expect(body.checkIns.length).toBeGreaterThan(0);
  });

  it('finds people by name or institution, with their check-in', async () => {
    const res = await rina.request('GET', url(fx.meetingId, `/check-in/search?q=${encodeURIComponent('peserta 1 andalas')}`));
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((i: { name: string }) => i.name);
    expect(names.every((n: string) => n.startsWith('Peserta'))).toBe(true);
    expect(res.json().items.every((i: { institution: string }) => i.institution.startsWith('Universitas Andalas'))).toBe(true);
  });

  it('counts present institutions by category and lists the invited ones still missing', async () => {
    const board = (await rina.request('GET', url(other.meetingId, '/attendance'))).json();
    expect(board.totals).toMatchObject({ invitedInstitutions: 3, presentInstitutions: 0, registered: 2, checkedIn: 0 });
    await rina.request('POST', url(other.meetingId, '/check-ins'), { clientId: randomUUID(), ticket: other.people[0]!.token });
    const after = (await rina.request('GET', url(other.meetingId, '/attendance'))).json();
    expect(after.totals).toMatchObject({ presentInstitutions: 1, checkedIn: 1 });
    const regency = after.byCategory.find((c: { category: string }) => c.category === 'regency_city');
    expect(regency).toMatchObject({ label: 'Pemerintah Kabupaten/Kota', invited: 2, present: 1 });
    expect(after.missing.map((m: { name: string }) => m.name)).toEqual([other.institutions[1]!.name, other.institutions[2]!.name].sort());
    expect(after.arrivals).toEqual([expect.objectContaining({ count: 1, cumulative: 1 })]);
  });
});

describe('daftar hadir and name tags', () => {
  it('prints the daftar hadir as PDF: heading, columns, names by category, times, committee signature', async () => {
    const res = await rina.request('GET', url(fx.meetingId, '/attendance-list.pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfPages(res.rawPayload).join('\n');
    const squeezed = text.replace(/\s+/g, '');
    for (const s of [
      'DAFTAR HADIR',
      'Hari, tanggal',
      'Aula Kantor Gubernur',
      'No.',
      'Nama',
      'Jabatan / Instansi',
      'Waktu hadir',
      'Tanda tangan',
      'Pemerintah Kabupaten/Kota',
      'Perguruan Tinggi',
      'Sekretaris Panitia',
      'Rina Marlina, S.Sos',
      'NIP. 198703122010012003',
    ]) {
      expect(squeezed).toContain(s.replace(/\s+/g, ''));
    }
    expect(text).toMatch(/Peserta 1\b/);
    expect(text).toMatch(/\d{2}\.\d{2} WIB/);
    expect(text.indexOf('Pemerintah Kabupaten/Kota')).toBeLessThan(text.indexOf('Perguruan Tinggi'));
  });

  it('exports the daftar hadir as XLSX with the same rows', async () => {
    const res = await rina.request('GET', url(fx.meetingId, '/attendance-list.xlsx'));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    wb.worksheets[0]!.eachRow((r) => values.push((r.values as unknown[]).filter((v) => v !== undefined && v !== null).join(' | ')));
    expect(wb.worksheets[0]!.getRow(1).getCell(1).text).toBe('DAFTAR HADIR');
    expect(values.filter((v) => v.includes('Pranata Humas / '))).toHaveLength(9);
    expect(values.some((v) => /Peserta 1 \| Pranata Humas \/ .* \| \d{2}\.\d{2} WIB/.test(v))).toBe(true);
  });

  it('prints name tags 8 to an A4 page with name, institution and QR', async () => {
    const many = await seedCheckInMeeting(t.database.db, { managerIds: [rinaId], people: 10 });
    const res = await rina.request('GET', url(many.meetingId, '/name-tags.pdf'));
    expect(res.statusCode).toBe(200);
    const pages = pdfPages(res.rawPayload);
    expect(pages).toHaveLength(2);
    expect((pages[0]!.match(/Peserta \d+/g) ?? []).length).toBe(8);
    expect(pages[1]).toContain('Peserta 9');
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain(many.institutions[0]!.name);
  });
});
