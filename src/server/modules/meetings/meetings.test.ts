import { eq } from 'drizzle-orm';
import { waitFor } from '../../../../test/helpers/waitFor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { docxParagraphs, normalise, pdfPages } from '../../../../test/helpers/documents';
import { institutions, mailOutbox, meetingInvitations, officers, registrations } from '../../db/schema/index';
import { ticketToken } from './tokens';
import { searchTextOf } from '../../../shared/text';
import { buildActivityInput } from '../../../../test/builders/activity';
import JSZip from 'jszip';

let t: TestApp;
let manager: Session;
let managerId: string;
let otherCommittee: Session;
let admin: Session;
let activityId: string;
let agam: string;
let padang: string;

async function newInstitution(name: string, category: string, email?: string) {
  const [row] = await t.database.db
    .insert(institutions)
    .values({ name, category, searchText: searchTextOf(name), email: email ?? null })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const m = await sessionFor(t, 'committee');
  manager = m.session;
  managerId = m.user.id;
  otherCommittee = (await sessionFor(t, 'committee')).session;
  admin = (await sessionFor(t, 'admin')).session;
  const a = await manager.request('POST', '/api/activities', buildActivityInput({ fiscalYear: 2027 }));
  expect(a.statusCode, a.body).toBe(201);
  activityId = a.json().id;
  agam = await newInstitution('Pemerintah Kabupaten Agam (uji)', 'regency_city', 'humas@agam.test');
  padang = await newInstitution('Pemerintah Kota Padang (uji)', 'regency_city', 'humas@padang.test');
  await t.database.db.insert(officers).values({
    institutionId: agam,
    name: 'Dedi Humas',
    email: 'dedi@agam.test',
    phone: '+6281234567890',
    isMainContact: true,
    searchText: 'dedi humas',
  });
});
afterAll(() => t.close());

const meetingBody = (over: Record<string, unknown> = {}) => ({
  activityId,
  title: 'Rapat Koordinasi Kehumasan',
  startDate: '2027-03-11',
  startTime: '08:30',
  endTime: '12:00',
  venue: 'Aula Kantor Gubernur',
  letterPlace: 'Padang',
  letterDate: '2027-03-01',
  signer: { name: 'Drs. Jasman, MM', position: 'Kepala Biro Humas', rank: 'Pembina Utama Muda', nip: '196501011990031005' },
  copies: ['Gubernur Sumatera Barat (sebagai laporan)'],
  ...over,
});

async function newMeeting(over: Record<string, unknown> = {}) {
  const res = await manager.request('POST', '/api/meetings', meetingBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function meetingWithInvitations(quota = 2) {
  const m = await newMeeting();
  const add = await manager.request('POST', `/api/meetings/${m.id}/invitations`, {
    version: m.version,
    institutionIds: [agam, padang],
    quota,
  });
  expect(add.statusCode, add.body).toBe(200);
  const send = await manager.request('POST', `/api/meetings/${m.id}/send`, { version: add.json().meetingVersion });
  expect(send.statusCode, send.body).toBe(200);
  const queued = send.json().queued as { invitationId: string; institutionName: string; rsvpUrl: string; whatsappUrl: string | null }[];
  const token = (name: string) => queued.find((q) => q.institutionName.includes(name))!.rsvpUrl.split('/rsvp/')[1]!;
  return { meetingId: m.id, version: send.json().meetingVersion as number, queued, agamToken: token('Agam'), padangToken: token('Padang') };
}

describe('meetings', () => {
  it('creates a meeting whose creator manages it; another committee member can read but not change it', async () => {
    const m = await newMeeting();
    const own = await manager.request('GET', `/api/meetings/${m.id}`);
    expect(own.json().can.manage).toBe(true);
    const other = await otherCommittee.request('GET', `/api/meetings/${m.id}`);
    expect(other.statusCode).toBe(200);
    expect(other.json().can.manage).toBe(false);
    const change = await otherCommittee.request('PATCH', `/api/meetings/${m.id}`, { version: m.version, title: 'Diubah' });
    expect(change.statusCode).toBe(404);
    const agenda = await otherCommittee.request('POST', `/api/meetings/${m.id}/agenda`, {
      version: m.version,
      startTime: '08:30',
      endTime: '09:00',
      title: 'Pembukaan',
    });
    expect(agenda.statusCode).toBe(404);
    expect((await manager.request('GET', `/api/meetings/${m.id}`)).json().agenda).toEqual([]);
    const byAdmin = await admin.request('PATCH', `/api/meetings/${m.id}`, { version: m.version, title: 'Rapat Koordinasi Kehumasan 2019' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
  });

  it('refuses a meeting date outside the activity fiscal year, and creates nothing', async () => {
    const before = (await manager.request('GET', `/api/meetings?activityId=${activityId}`)).json().total;
    const res = await manager.request('POST', '/api/meetings', meetingBody({ startDate: '2028-01-10' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.startDate).toBe('Tanggal rapat harus dalam tahun anggaran kegiatan (2027)');
    expect((await manager.request('GET', `/api/meetings?activityId=${activityId}`)).json().total).toBe(before);
  });

  it('keeps the agenda honest: a session ending before it starts, outside the hours, or a speaker twice at once is refused', async () => {
    const m = await newMeeting();
    const bad = await manager.request('POST', `/api/meetings/${m.id}/agenda`, {
      version: m.version,
      startTime: '10:00',
      endTime: '09:30',
      title: 'Diskusi',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.endTime).toBe(
      'Sesi berakhir (09.30) sebelum atau tepat saat dimulai (10.00): jam selesai harus setelah jam mulai',
    );
    const outside = await manager.request('POST', `/api/meetings/${m.id}/agenda`, {
      version: m.version,
      startTime: '12:00',
      endTime: '13:00',
      title: 'Makan siang',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields.startTime).toBe('Sesi 12.00–13.00 di luar jam rapat (08.30–12.00 WIB)');
    const s1 = await manager.request('POST', `/api/meetings/${m.id}/agenda`, {
      version: m.version,
      startTime: '08:30',
      endTime: '09:00',
      title: 'Pembukaan',
    });
    expect(s1.statusCode, s1.body).toBe(201);
    const s2 = await manager.request('POST', `/api/meetings/${m.id}/agenda`, {
      version: s1.json().meetingVersion,
      startTime: '09:00',
      endTime: '10:00',
      title: 'Paparan',
    });
    expect(s2.statusCode, s2.body).toBe(201);
    const move = await manager.request('POST', `/api/meetings/${m.id}/agenda/${s2.json().id}/move`, {
      version: s2.json().meetingVersion,
      direction: 'up',
    });
    expect(move.statusCode, move.body).toBe(200);
    expect(move.json().agenda.map((s: { title: string }) => s.title)).toEqual(['Paparan', 'Pembukaan']);
    const detail = (await manager.request('GET', `/api/meetings/${m.id}`)).json();
    expect(detail.agenda).toHaveLength(2);
  });

  it('invites a whole category in one action, each with quota 2 and the head as addressee', async () => {
    const m = await newMeeting();
    const res = await manager.request('POST', `/api/meetings/${m.id}/invitations`, { version: m.version, category: 'regency_city' });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await manager.request('GET', `/api/meetings/${m.id}/invitations`)).json();
    expect(list.total).toBe(res.json().added);
    const agamInv = list.items.find((i: { institutionId: string }) => i.institutionId === agam);
    expect(agamInv).toMatchObject({
      quota: 2,
      addressee: 'Bupati Agam (uji)',
      letterNumber: expect.stringMatching(/^005\/\d+\/Humas-2027$/),
      state: 'pending',
      sendState: 'unsent',
    });
    expect(list.items.find((i: { institutionId: string }) => i.institutionId === padang).addressee).toBe('Wali Kota Padang (uji)');
  });

  it('prints the letter (DOCX and PDF), all letters merged in one PDF and a ZIP of DOCX', async () => {
    const { meetingId, queued } = await meetingWithInvitations();
    const agamInv = queued.find((q) => q.institutionName.includes('Agam'))!.invitationId;
    const docx = await manager.request('GET', `/api/meetings/${meetingId}/invitations/${agamInv}/letter.docx`);
    expect(docx.statusCode).toBe(200);
    const lines = await docxParagraphs(docx.rawPayload);
    expect(lines).toContain('Yth. Bupati Agam (uji)');
    expect(lines).toContain('Padang, 1 Maret 2027');
    expect(lines.some((l) => l.startsWith('Nomor : 005/'))).toBe(true);
    expect(lines).toContain('Hari/tanggal : Kamis, 11 Maret 2027');
    expect(lines).toContain('Waktu : 08.30 – 12.00 WIB');
    expect(lines).toContain('Drs. Jasman, MM');
    expect(lines.some((l) => l.endsWith('Gubernur Sumatera Barat (sebagai laporan)'))).toBe(true);
    const pdf = await manager.request('GET', `/api/meetings/${meetingId}/letters.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // One letter per institution, each starting on its own page with its own addressee and page numbers from 1.
    const pages = pdfPages(pdf.rawPayload).map(normalise);
    const agamPage = pages.findIndex((p) => p.includes('Yth. Bupati Agam (uji)'));
    const padangPage = pages.findIndex((p) => p.includes('Yth. Wali Kota Padang (uji)'));
    expect(agamPage).toBeGreaterThanOrEqual(0);
    expect(padangPage).toBeGreaterThan(agamPage);
    expect(pages[padangPage]).toContain('Hari/tanggal : Kamis, 11 Maret 2027');
    expect(pages[padangPage]).not.toContain('Bupati Agam');
    const zip = await JSZip.loadAsync((await manager.request('GET', `/api/meetings/${meetingId}/letters.zip`)).rawPayload);
    expect(Object.keys(zip.files).sort()).toEqual([
      'Undangan - Pemerintah Kabupaten Agam (uji).docx',
      'Undangan - Pemerintah Kota Padang (uji).docx',
    ]);
    const other = await otherCommittee.request('GET', `/api/meetings/${meetingId}/letters.pdf`);
    expect(other.statusCode).toBe(404);
    // An invited institution's officer reads its own letter, never the whole set.
    const agamOfficer = (await sessionFor(t, 'member', { institutionId: agam })).session;
    expect((await agamOfficer.request('GET', `/api/meetings/${meetingId}/letters.pdf`)).statusCode).toBe(404);
    expect((await agamOfficer.request('GET', `/api/meetings/${meetingId}/letters.zip`)).statusCode).toBe(404);
  });

  it('sends the letters through the mail log with a personal RSVP link and a WhatsApp link, and marks the meeting invited', async () => {
    const { meetingId, queued, agamToken } = await meetingWithInvitations();
    const agamSent = queued.find((q) => q.institutionName.includes('Agam'))!;
    expect(agamSent.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
    expect(decodeURIComponent(agamSent.whatsappUrl!)).toContain(`/app/rsvp/${agamToken}`);
    const [inv] = await t.database.db.select().from(meetingInvitations).where(eq(meetingInvitations.id, agamSent.invitationId));
    expect(inv!.rsvpTokenHash).not.toContain(agamToken);
    expect(inv!.rsvpTokenHash).toHaveLength(64);
    const detail = (await manager.request('GET', `/api/meetings/${meetingId}`)).json();
    expect(detail.status).toBe('invitations_sent');
    const list = (await manager.request('GET', `/api/meetings/${meetingId}/invitations`)).json();
    expect(list.items.find((i: { id: string }) => i.id === agamSent.invitationId)).toMatchObject({
      sentTo: 'dedi@agam.test',
      sendCount: 1,
    });
    // The letter travels as a PDF attachment, through the job queue.
    const letter = await waitFor(
      () => t.outbox.find((m) => m.to === 'dedi@agam.test' && m.text.includes(agamToken)),
      15_000,
      'invitation mail',
    );
    expect(letter.attachments?.map((a) => [a.contentType, a.filename.endsWith('.pdf')])).toEqual([['application/pdf', true]]);
  });
});

describe('RSVP without an account', () => {
  it('accepts delegates up to the quota, refuses more with the reason, and keeps the earlier answer', async () => {
    const { agamToken, meetingId } = await meetingWithInvitations(2);
    const view = await t.app.inject({ method: 'GET', url: `/api/rsvp/${agamToken}` });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ quota: 2, state: 'pending', institution: { name: 'Pemerintah Kabupaten Agam (uji)' } });
    expect(view.json().meeting.dateText).toBe('Kamis, 11 Maret 2027');
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/rsvp/${agamToken}`,
      payload: { answer: 'accept', delegates: [{ name: 'Dedi', phone: '0812-3456-7890', email: 'dedi@agam.test' }, { name: 'Rina' }] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().delegates.map((d: { name: string }) => d.name)).toEqual(['Dedi', 'Rina']);
    expect(ok.json().delegates[0].phone).toBe('+6281234567890');
    const over = await t.app.inject({
      method: 'PUT',
      url: `/api/rsvp/${agamToken}`,
      payload: { answer: 'accept', delegates: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toBe('Kuota Kabupaten Agam (uji) 2 orang sudah terisi: Anda mengisi 3 peserta');
    const add = await t.app.inject({ method: 'POST', url: `/api/rsvp/${agamToken}/delegates`, payload: { name: 'Tambahan' } });
    expect(add.statusCode).toBe(400);
    expect(add.json().error.message).toBe('Kuota Kabupaten Agam (uji) 2 orang sudah terisi');
    const after = (await t.app.inject({ method: 'GET', url: `/api/rsvp/${agamToken}` })).json();
    expect(after.delegates.map((d: { name: string }) => d.name)).toEqual(['Dedi', 'Rina']);
    // The committee sees them; the confirmation mail for the delegate with an address is in the mail log.
    const delegates = (await manager.request('GET', `/api/meetings/${meetingId}/delegates`)).json();
    expect(delegates.total).toBe(2);
  });

  it('refuses a non-Indonesian phone number and changes nothing', async () => {
    const { agamToken } = await meetingWithInvitations(2);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/rsvp/${agamToken}`,
      payload: { answer: 'accept', delegates: [{ name: 'Dedi', phone: '+1 202 555 0143' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.fields)).toContain('Nomor telepon harus nomor Indonesia');
    expect((await t.app.inject({ method: 'GET', url: `/api/rsvp/${agamToken}` })).json()).toMatchObject({
      state: 'pending',
      delegates: [],
    });
  });

  it('declines with a reason, and a wrong link says it is not known', async () => {
    const { padangToken } = await meetingWithInvitations(2);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/rsvp/${padangToken}`,
      payload: { answer: 'decline', reason: 'Bertepatan dengan rapat paripurna DPRD' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'declined', declineReason: 'Bertepatan dengan rapat paripurna DPRD' });
    const wrong = await t.app.inject({ method: 'GET', url: `/api/rsvp/${'x'.repeat(43)}` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toContain('Tautan undangan tidak dikenal');
  });

  it('a link only ever opens its own meeting and institution, and a resent link replaces the old one', async () => {
    const a = await meetingWithInvitations(2);
    const b = await meetingWithInvitations(2);
    await t.app.inject({
      method: 'PUT',
      url: `/api/rsvp/${a.agamToken}`,
      payload: { answer: 'accept', delegates: [{ name: 'Hanya di rapat A' }] },
    });
    expect((await manager.request('GET', `/api/meetings/${b.meetingId}/delegates`)).json().total).toBe(0);
    const agamInv = b.queued.find((q) => q.institutionName.includes('Agam'))!.invitationId;
    const resend = await manager.request('POST', `/api/meetings/${b.meetingId}/send`, { version: b.version, invitationIds: [agamInv] });
    expect(resend.statusCode, resend.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/rsvp/${b.agamToken}` })).statusCode).toBe(404);
    const fresh = resend.json().queued[0].rsvpUrl.split('/rsvp/')[1];
    expect((await t.app.inject({ method: 'GET', url: `/api/rsvp/${fresh}` })).statusCode).toBe(200);
  });

  it('an expired link (meeting over) is refused with a clear message', async () => {
    const { agamToken, queued } = await meetingWithInvitations(2);
    const id = queued.find((q) => q.institutionName.includes('Agam'))!.invitationId;
    await t.database.db
      .update(meetingInvitations)
      .set({ rsvpTokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(meetingInvitations.id, id));
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/rsvp/${agamToken}`,
      payload: { answer: 'accept', delegates: [{ name: 'Terlambat' }] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Tautan undangan sudah tidak berlaku karena rapat telah berakhir.');
    expect(await t.database.db.select().from(registrations).where(eq(registrations.invitationId, id))).toEqual([]);
  });

  it('8 concurrent RSVPs over a quota of 2: exactly 2 are registered', async () => {
    const { agamToken, queued } = await meetingWithInvitations(2);
    const id = queued.find((q) => q.institutionName.includes('Agam'))!.invitationId;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.app.inject({ method: 'POST', url: `/api/rsvp/${agamToken}/delegates`, payload: { name: `Peserta ${i + 1}` } }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(2);
    expect(answers.filter((r) => r.statusCode === 400).map((r) => r.json().error.message)).toEqual(
      Array(6).fill('Kuota Kabupaten Agam (uji) 2 orang sudah terisi'),
    );
    const rows = await t.database.db.select().from(registrations).where(eq(registrations.invitationId, id));
    expect(rows).toHaveLength(2);
  });

  it('a member officer sees only its own institution invitation and delegates', async () => {
    const { meetingId } = await meetingWithInvitations(2);
    const member = (await sessionFor(t, 'member', { institutionId: agam })).session;
    const list = await member.request('GET', `/api/meetings/${meetingId}/invitations`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { institutionId: string }) => i.institutionId)).toEqual([agam]);
    expect((await member.request('GET', `/api/meetings/${meetingId}`)).statusCode).toBe(403);
    const stranger = (await sessionFor(t, 'member', { institutionId: await newInstitution('Universitas Uji', 'university') })).session;
    expect((await stranger.request('GET', `/api/meetings/${meetingId}/invitations`)).statusCode).toBe(404);
  });

  it('walk-ins count against the quota; over it only with an explicit override that is recorded', async () => {
    const { meetingId, version, agamToken } = await meetingWithInvitations(1);
    await t.app.inject({ method: 'PUT', url: `/api/rsvp/${agamToken}`, payload: { answer: 'accept', delegates: [{ name: 'Dedi' }] } });
    const refused = await manager.request('POST', `/api/meetings/${meetingId}/walk-ins`, {
      version,
      institutionId: agam,
      delegate: { name: 'Datang langsung' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('Kuota Kabupaten Agam (uji) 1 orang sudah terisi');
    const ok = await manager.request('POST', `/api/meetings/${meetingId}/walk-ins`, {
      version,
      institutionId: agam,
      delegate: { name: 'Datang langsung' },
      overrideQuota: true,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ walkIn: true, quotaOverride: true });
    const [row] = await t.database.db.select().from(registrations).where(eq(registrations.id, ok.json().id));
    expect(row!.quotaOverrideBy).toBe(managerId);
  });

  it('each delegate with an address gets a confirmation with the QR ticket and a calendar file; a forged ticket is unknown', async () => {
    const { agamToken, queued } = await meetingWithInvitations(2);
    const id = queued.find((q) => q.institutionName.includes('Agam'))!.invitationId;
    await t.app.inject({
      method: 'PUT',
      url: `/api/rsvp/${agamToken}`,
      payload: { answer: 'accept', delegates: [{ name: 'Dedi', email: 'dedi.tiket@agam.test' }] },
    });
    const [reg] = await t.database.db.select().from(registrations).where(eq(registrations.invitationId, id));
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.entityId, reg!.id));
    expect(mails.map((m) => [m.to, m.subject])).toEqual([['dedi.tiket@agam.test', 'Tiket: Rapat Koordinasi Kehumasan']]);
    const ticketMail = await waitFor(() => t.outbox.find((m) => m.to === 'dedi.tiket@agam.test'), 15_000, 'ticket mail');
    expect(ticketMail.attachments?.map((a) => [a.filename, a.cid ?? null])).toEqual([
      ['tiket-qr.png', 'tiket-qr'],
      ['tiket.pdf', null],
      ['rapat.ics', null],
    ]);
    const token = ticketToken(reg!.id);
    expect(reg!.ticketTokenHash).not.toContain(token);
    const ics = await t.app.inject({ method: 'GET', url: `/api/tickets/${token}/calendar.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('DTSTART:20270311T013000Z');
    expect(ics.body).toContain('SUMMARY:Rapat Koordinasi Kehumasan');
    const png = await t.app.inject({ method: 'GET', url: `/api/tickets/${token}/qr.png` });
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/tickets/${token}/ticket.pdf` });
    expect(normalise(pdfPages(pdf.rawPayload).join(' '))).toContain('Dedi');
    const forged = await t.app.inject({ method: 'GET', url: `/api/tickets/${'A'.repeat(43)}/qr.png` });
    expect(forged.statusCode).toBe(404);
  });
});
