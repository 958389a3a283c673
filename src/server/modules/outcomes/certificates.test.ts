import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../../../test/helpers/documents';
import { seedCheckInMeeting, type CheckInFixture } from '../../../../test/helpers/checkInFixture';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { waitFor } from '../../../../test/helpers/waitFor';
import { certificates, checkIns, mailOutbox, registrations, speakers } from '../../db/schema/index';

let t: TestApp;
let fx: CheckInFixture;
let bureau: Session;
let member: Session;
const day = '2019-03-12';

beforeAll(async () => {
  t = await createTestApp();
  const committee = await sessionFor(t, 'committee');
  bureau = committee.session;
  fx = await seedCheckInMeeting(t.database.db, { managerIds: [committee.user.id], status: 'done', startDate: day, people: 4 });
  member = (await sessionFor(t, 'member', { institutionId: fx.institutions[0]!.id })).session;
  const db = t.database.db;
  for (const p of fx.people.slice(0, 2))
    await db.insert(checkIns).values({ registrationId: p.id, meetingId: fx.meetingId, meetingDay: day, clientId: randomUUID() });
  await db.update(registrations).set({ email: 'peserta1@agam.test' }).where(eq(registrations.id, fx.people[0]!.id));
  await db
    .insert(speakers)
    .values({ activityId: fx.activityId, name: 'Dr. Narasumber Ahli', institution: 'Universitas Andalas', status: 'confirmed' });
});
afterAll(() => t.close());

describe('certificates', () => {
  it('refuses a certificate for someone who did not check in, and changes nothing', async () => {
    const res = await bureau.request('POST', `/api/meetings/${fx.meetingId}/certificates`, {
      role: 'participant',
      registrationId: fx.people[3]!.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'Peserta 4 belum check-in pada rapat ini: sertifikat hanya untuk peserta yang hadir (terdaftar saja tidak cukup).',
    );
    expect(await t.database.db.select({ n: count() }).from(certificates)).toEqual([{ n: 0 }]);
    // Only the bureau makes certificates.
    expect((await member.request('POST', `/api/meetings/${fx.meetingId}/certificates/generate`, {})).statusCode).toBe(403);
  });

  it('generates numbered certificates through the job queue for checked-in participants, speakers and committee', async () => {
    const res = await bureau.request('POST', `/api/meetings/${fx.meetingId}/certificates/generate`, { sendEmail: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(4); // 1 speaker, 1 committee member, 2 participants who checked in (not the other 2)
    const year = (await t.database.db.select({ n: certificates.number }).from(certificates)).map((c) => c.n).sort();
    expect(year[0]).toMatch(/^001\/SERT\/HUMAS\/\d{4}$/);
    expect(year.map((n) => n.slice(0, 3))).toEqual(['001', '002', '003', '004']);
    await waitFor(
      async () => {
        const p = (await bureau.request('GET', `/api/meetings/${fx.meetingId}/certificates/progress`)).json();
        return p.state === 'done' && p.ready === 4;
      },
      60_000,
      'all certificates made',
    );
    const list = (await bureau.request('GET', `/api/meetings/${fx.meetingId}/certificates`)).json();
    expect(list.items.map((c: { roleLabel: string }) => c.roleLabel)).toEqual(['Narasumber', 'Panitia (Sekretaris)', 'Peserta', 'Peserta']);
    const participant = list.items.find((c: { name: string }) => c.name === 'Peserta 1');
    const pdf = await bureau.request('GET', `/api/certificates/${participant.id}/file.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfPages(pdf.rawPayload).join('\n');
    expect(text).toContain('SERTIFIKAT');
    expect(text).toContain('Peserta 1');
    expect(text).toContain(participant.number);
    expect(text).toContain(participant.verifyUrl);
    // Mailed with the PDF to the one participant with an address.
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.entityId, participant.id));
    expect(mails.map((m) => m.to)).toEqual(['peserta1@agam.test']);
    // The participant downloads it through their ticket link.
    const own = await t.app.inject({ method: 'GET', url: `/api/tickets/${fx.people[0]!.token}/certificate.pdf` });
    expect(own.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${fx.people[3]!.token}/certificate.pdf` })).statusCode).toBe(404);
    // Nothing new the second time.
    expect((await bureau.request('POST', `/api/meetings/${fx.meetingId}/certificates/generate`, { sendEmail: true })).json().created).toBe(
      0,
    );
  });

  it('keeps numbers unique per activity in the database', async () => {
    const [c] = await t.database.db.select().from(certificates).limit(1);
    const dup = t.database.db.insert(certificates).values({
      ...c!,
      id: randomUUID(),
      verifyId: 'x'.repeat(22),
      speakerId: null,
      committeeMemberId: null,
      registrationId: fx.people[2]!.id,
      role: 'participant',
    });
    await expect(dup).rejects.toThrow();
  });

  it('verifies a certificate on a public, cacheable page showing name, event, role and date only; revoked shows as revoked; a forged link is not found', async () => {
    const list = (await bureau.request('GET', `/api/meetings/${fx.meetingId}/certificates`)).json();
    const c = list.items.find((x: { name: string }) => x.name === 'Peserta 1');
    const path = new URL(c.verifyUrl).pathname;
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=300');
    expect(page.body).toContain('Peserta 1');
    expect(page.body).toContain('Peserta');
    expect(page.body).toContain('12 Maret 2019');
    expect(page.body).toContain('sah');
    expect(page.body).not.toContain('peserta1@agam.test');
    expect(page.body).not.toContain(fx.institutions[0]!.name);

    const forged = await t.app.inject({ method: 'GET', url: `/sertifikat/${'A'.repeat(22)}` });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Sertifikat tidak ditemukan');
    const tampered = await t.app.inject({ method: 'GET', url: `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}` });
    expect(tampered.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/sertifikat/%3Cscript%3E' })).body).not.toContain('<script>');

    const revoked = await bureau.request('POST', `/api/certificates/${c.id}/revoke`, { reason: 'Salah nama' });
    expect(revoked.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: path });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('DICABUT');
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${fx.people[0]!.token}/certificate.pdf` })).statusCode).toBe(404);
  });
});
