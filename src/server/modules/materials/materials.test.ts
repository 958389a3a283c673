import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../test/builders/directory';
import { seedCheckInMeeting, type CheckInFixture } from '../../../../test/helpers/checkInFixture';
import { samplePptx, sampleXlsx, sampleZip } from '../../../../test/helpers/officeDocuments';
import { createUser, loginAs, sessionFor, type Session, type TestApp, createTestApp } from '../../../../test/helpers/testApp';
import { agendaSessions, auditLog, files, institutions, meetings, sessionMaterials, speakers } from '../../db/schema/index';
import { materialDocx, materialPdf } from '../../seed/demoMaterials';
import { searchTextOf } from '../../../shared/text';
import { downloadName } from '../../core/documentUpload';

let t: TestApp;
let fx: CheckInFixture;
let other: CheckInFixture;
let manager: Session;
let otherCommittee: Session;
let memberInvited: Session;
let memberOutside: Session;
let speakerA: Session;
let speakerB: Session;
let sessionA: string;
let sessionB: string;
let pdf: Buffer;

const mimes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const committee = await sessionFor(t, 'committee');
  manager = committee.session;
  otherCommittee = (await sessionFor(t, 'committee')).session;
  fx = await seedCheckInMeeting(db, { managerIds: [committee.user.id], status: 'running' });
  other = await seedCheckInMeeting(db, { managerIds: [committee.user.id], status: 'running' });
  const [andi, maya] = await db
    .insert(speakers)
    .values([
      { activityId: fx.activityId, name: 'Dr. Andi Uji, M.Si', status: 'confirmed' },
      { activityId: fx.activityId, name: 'Maya Uji', status: 'confirmed' },
    ])
    .returning();
  const sessions = await db
    .insert(agendaSessions)
    .values([
      { meetingId: fx.meetingId, position: 0, startTime: '09:00', endTime: '10:00', title: 'Isu kehumasan', speakerIds: [andi!.id] },
      { meetingId: fx.meetingId, position: 1, startTime: '10:00', endTime: '11:00', title: 'Penanganan hoaks', speakerIds: [maya!.id] },
    ])
    .returning();
  [sessionA, sessionB] = [sessions[0]!.id, sessions[1]!.id];
  await db.insert(agendaSessions).values({ meetingId: other.meetingId, startTime: '09:00', endTime: '10:00', title: 'Sesi lain' });
  // The account of a speaker: role speaker, same name (case and spacing aside).
  speakerA = await loginAs(t, (await createUser(t, 'speaker', { name: '  dr. andi  uji, m.si ' })).email);
  speakerB = await loginAs(t, (await createUser(t, 'speaker', { name: 'Maya Uji' })).email);
  memberInvited = (await sessionFor(t, 'member', { institutionId: fx.institutions[0]!.id })).session;
  const [outside] = await db
    .insert(institutions)
    .values({ name: 'Lembaga Lain', category: 'university', searchText: searchTextOf('Lembaga Lain') })
    .returning();
  memberOutside = (await sessionFor(t, 'member', { institutionId: outside!.id })).session;
  pdf = await materialPdf('Paparan uji', ['Isi paparan.']);
}, 120_000);
afterAll(() => t.close());

async function upload(s: Session, o: { name: string; content: Buffer | string; sessionId?: string; title?: string; meetingId?: string }) {
  const fields: Record<string, string> = {};
  if (o.title !== '') fields.title = o.title ?? `Materi ${o.name}`;
  fields.sessionId = o.sessionId ?? sessionA;
  const form = await multipart(fields, { name: o.name, content: o.content, type: 'application/pdf' });
  return s.request('POST', `/api/meetings/${o.meetingId ?? fx.meetingId}/materials`, form.payload, form.headers);
}
const stored = async () => ({
  materials: (await t.database.db.select({ n: count() }).from(sessionMaterials))[0]!.n,
  files: (await t.database.db.select({ n: count() }).from(files))[0]!.n,
});

describe('session materials', () => {
  it('stores PDF, DOCX, XLSX and PPTX typed by content, with sha256 and an audit row', async () => {
    const docs = { pdf, docx: await materialDocx('Makalah', ['Isi']), xlsx: await sampleXlsx(), pptx: await samplePptx() };
    for (const [ext, content] of Object.entries(docs)) {
      // The name says .bin: the content decides the type and the download name's extension.
      const res = await upload(manager, { name: `materi-${ext}.bin`, content });
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json();
      expect(m.mime).toBe(mimes[ext as keyof typeof mimes]);
      expect(m.fileName).toBe(`materi-${ext}.${ext}`);
      expect(m.can.delete).toBe(true);
      const [row] = await t.database.db.select().from(sessionMaterials).where(eq(sessionMaterials.id, m.id));
      const [file] = await t.database.db.select().from(files).where(eq(files.id, row!.fileId));
      expect(file!.size).toBe(content.length);
      expect(file!.sha256).toMatch(/^[0-9a-f]{64}$/);
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'material.upload'), eq(auditLog.entityId, m.id)));
      expect(entry!.after).toMatchObject({ sessionId: sessionA, sha256: file!.sha256, mime: m.mime });
    }
  });

  it('refuses HTML, SVG, an executable and a plain zip renamed to .pdf, and stores nothing', async () => {
    const before = await stored();
    const fakes: [string, Buffer | string][] = [
      ['paparan.pdf', '<!doctype html><html><script>alert(1)</script></html>'],
      ['gambar.pdf', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'],
      ['setup.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200)])],
      ['arsip.pdf', await sampleZip()],
    ];
    for (const [name, content] of fakes) {
      const res = await upload(manager, { name, content });
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.message).toContain('hanya PDF, PPTX, DOCX atau XLSX');
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over 25 MB with 413 while reading it, and stores nothing', async () => {
    const before = await stored();
    const big = Buffer.concat([pdf, Buffer.alloc(25 * 1024 * 1024 + 1 - pdf.length, 0x20)]);
    const res = await upload(manager, { name: 'besar.pdf', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('Berkas materi terlalu besar: maksimal 25 MB');
    expect(await stored()).toEqual(before);
  }, 60_000);

  it('checks title and session with Indonesian messages', async () => {
    const noTitle = await upload(manager, { name: 'a.pdf', content: pdf, title: '' });
    expect(noTitle.statusCode).toBe(400);
    const otherSession = (await t.database.db.select().from(agendaSessions).where(eq(agendaSessions.meetingId, other.meetingId)))[0]!;
    const wrong = await upload(manager, { name: 'a.pdf', content: pdf, sessionId: otherSession.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('Sesi tidak ditemukan pada rapat ini');
  });

  it('takes the account linked to a speaker over a namesake, whatever its name', async () => {
    const db = t.database.db;
    const linked = await createUser(t, 'speaker', { name: 'Nama Akun Berbeda' });
    const namesake = await createUser(t, 'speaker', { name: 'Penanggap Uji' });
    const [speaker] = await db.insert(speakers).values({ activityId: fx.activityId, name: 'Penanggap Uji', userId: linked.id }).returning();
    const [session] = await db
      .insert(agendaSessions)
      .values({ meetingId: fx.meetingId, position: 2, startTime: '11:00', endTime: '12:00', title: 'Tanggapan', speakerIds: [speaker!.id] })
      .returning();
    const viaLink = await upload(await loginAs(t, linked.email), { name: 'tanggapan.pdf', content: pdf, sessionId: session!.id });
    expect(viaLink.statusCode, viaLink.body).toBe(201);
    expect((await upload(await loginAs(t, namesake.email), { name: 'x.pdf', content: pdf, sessionId: session!.id })).statusCode).toBe(404);
    await db.delete(agendaSessions).where(eq(agendaSessions.id, session!.id));
  });

  it("lets a session's speaker upload to its own session only; refuses others (403/404)", async () => {
    const own = await upload(speakerA, { name: 'paparan andi.pdf', content: pdf });
    expect(own.statusCode, own.body).toBe(201);
    expect((await upload(speakerA, { name: 'x.pdf', content: pdf, sessionId: sessionB })).statusCode).toBe(404);
    expect((await upload(memberInvited, { name: 'x.pdf', content: pdf })).statusCode).toBe(403);
    // Refused before the body is read: an oversized upload by someone who may not upload is 403/404, not 413.
    const big = Buffer.alloc(26 * 1024 * 1024, 0x20);
    expect((await upload(memberInvited, { name: 'x.pdf', content: big })).statusCode).toBe(403);
    expect((await upload(otherCommittee, { name: 'x.pdf', content: big })).statusCode).toBe(404);
    // A committee member who does not manage the meeting reads its materials but does not upload.
    expect((await upload(otherCommittee, { name: 'x.pdf', content: pdf })).statusCode).toBe(404);
    expect((await otherCommittee.request('GET', `/api/meetings/${fx.meetingId}/materials`)).statusCode).toBe(200);
    // Speaker B sees the meeting's materials but cannot remove speaker A's.
    const list = (await speakerB.request('GET', `/api/meetings/${fx.meetingId}/materials`)).json();
    expect(list.sessions.map((s: { canUpload: boolean }) => s.canUpload)).toEqual([false, true]);
    expect((await speakerB.request('DELETE', `/api/materials/${own.json().id}`)).statusCode).toBe(404);
    // Speaker A removes its own, with the file and an audit row.
    const [row] = await t.database.db.select().from(sessionMaterials).where(eq(sessionMaterials.id, own.json().id));
    expect((await speakerA.request('DELETE', `/api/materials/${own.json().id}`)).statusCode).toBe(200);
    expect(await t.database.db.select().from(files).where(eq(files.id, row!.fileId))).toEqual([]);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'material.delete'), eq(auditLog.entityId, own.json().id)));
    expect(entry!.before).toMatchObject({ title: 'Materi paparan andi.pdf' });
  });

  it("serves the file as an attachment to invited officers only; other institutions' officers get 404", async () => {
    const res = await upload(manager, { name: 'Paparan <Isu>: \u202Efdp.exe.pdf', content: pdf, title: 'Paparan isu' });
    const id = res.json().id as string;
    expect(res.json().fileName).toBe('Paparan -Isu- fdp.exe.pdf');
    const list = await memberInvited.request('GET', `/api/meetings/${fx.meetingId}/materials`);
    expect(list.statusCode).toBe(200);
    expect(list.json().sessions[0].materials.map((m: { id: string }) => m.id)).toContain(id);
    expect(list.json().can.upload).toBe(false);
    const file = await memberInvited.request('GET', `/api/materials/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; /);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Paparan%20-Isu-%20fdp.exe.pdf");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toContain('private');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await memberOutside.request('GET', `/api/meetings/${fx.meetingId}/materials`)).statusCode).toBe(404);
    expect((await memberOutside.request('GET', `/api/materials/${id}/file`)).statusCode).toBe(404);
    expect((await memberOutside.request('DELETE', `/api/materials/${id}`)).statusCode).toBe(403);
    const mine = (await memberOutside.request('GET', '/api/materials/meetings')).json();
    expect(mine.items).toEqual([]);
    const invited = (await memberInvited.request('GET', '/api/materials/meetings')).json();
    expect(invited.items.map((m: { id: string }) => m.id)).toEqual([fx.meetingId]);
    const spoken = (await speakerA.request('GET', '/api/materials/meetings')).json();
    expect(spoken.items.map((m: { id: string }) => m.id)).toEqual([fx.meetingId]);
  });

  it('gives participants the materials through their ticket; a forged token or another meeting is 404', async () => {
    const token = fx.people[0]!.token;
    const list = await t.app.inject({ method: 'GET', url: `/api/tickets/${token}/materials` });
    expect(list.statusCode).toBe(200);
    const m = list.json().sessions[0].materials[0];
    expect(m.uploadedByName).toBeNull();
    expect(m.can.delete).toBe(false);
    const file = await t.app.inject({ method: 'GET', url: `/api/tickets/${token}/materials/${m.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; /);
    const forged = randomBytes(32).toString('base64url');
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${forged}/materials` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${forged}/materials/${m.id}/file` })).statusCode).toBe(404);
    const otherToken = other.people[0]!.token;
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${otherToken}/materials/${m.id}/file` })).statusCode).toBe(404);
  });

  it('lets the managers remove any material', async () => {
    const res = await upload(speakerA, { name: 'hapus.pdf', content: pdf });
    expect((await manager.request('DELETE', `/api/materials/${res.json().id}`)).statusCode).toBe(200);
    expect(await t.database.db.select().from(sessionMaterials).where(eq(sessionMaterials.id, res.json().id))).toEqual([]);
  });
});

describe('meeting status', () => {
  it('refuses uploads to a cancelled meeting (409) and hides a draft from invited officers', async () => {
    const [session] = await t.database.db.select().from(agendaSessions).where(eq(agendaSessions.meetingId, other.meetingId));
    await t.database.db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, other.meetingId));
    const before = await stored();
    const refused = await upload(manager, { name: 'a.pdf', content: pdf, meetingId: other.meetingId, sessionId: session!.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('dibatalkan');
    expect(await stored()).toEqual(before);
    await t.database.db.update(meetings).set({ status: 'draft' }).where(eq(meetings.id, other.meetingId));
    const officer = (await sessionFor(t, 'member', { institutionId: other.institutions[0]!.id })).session;
    expect((await officer.request('GET', `/api/meetings/${other.meetingId}/materials`)).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/materials/meetings')).json()).toEqual({ items: [], total: 0 });
    expect((await manager.request('GET', `/api/meetings/${other.meetingId}/materials`)).statusCode).toBe(200);
  });
});

describe('downloadName', () => {
  it('drops folders, controls and direction overrides, and keeps the earned extension', () => {
    expect(downloadName('C:\\Users\\x\\Paparan.PPTX', 'pptx', 'materi')).toBe('Paparan.pptx');
    expect(downloadName('..\u0000\u202e.pdf', 'pdf', 'materi')).toBe('materi.pdf');
  });
});
