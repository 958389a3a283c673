import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../test/builders/directory';
import { pdfPages } from '../../../../test/helpers/documents';
import { seedCheckInMeeting, type CheckInFixture } from '../../../../test/helpers/checkInFixture';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { auditLog, followUps, institutions, mailOutbox, resolutions } from '../../db/schema/index';
import { sendFollowUpReminders } from './followUpReminders';

let t: TestApp;
let fx: CheckInFixture;
let bureau: Session;
let memberA: Session;
let memberC: Session;
let outsider: Session;
const meetingDate = '2019-03-12';

beforeAll(async () => {
  t = await createTestApp();
  const committee = await sessionFor(t, 'committee');
  bureau = committee.session;
  outsider = (await sessionFor(t, 'committee')).session;
  fx = await seedCheckInMeeting(t.database.db, { managerIds: [committee.user.id], status: 'done', startDate: meetingDate });
  memberA = (await sessionFor(t, 'member', { institutionId: fx.institutions[0]!.id })).session;
  memberC = (await sessionFor(t, 'member', { institutionId: fx.institutions[2]!.id })).session;
  await t.database.db.update(institutions).set({ email: 'humas@agam.test' }).where(eq(institutions.id, fx.institutions[0]!.id));
});
afterAll(() => t.close());

async function addResolution(statement: string) {
  const res = await bureau.request('POST', `/api/meetings/${fx.meetingId}/resolutions`, { statement });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: number; version: number };
}
async function addFollowUp(resolutionId: string, o: { dueDate: string; institutionIds?: string[]; action?: string }) {
  const res = await bureau.request('POST', `/api/resolutions/${resolutionId}/follow-ups`, {
    action: o.action ?? 'Menyusun SOP penanganan isu',
    dueDate: o.dueDate,
    institutionIds: o.institutionIds ?? [fx.institutions[0]!.id, fx.institutions[1]!.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; overdue: boolean };
}

describe('resolutions and follow-ups', () => {
  it('numbers resolutions in order and renumbers after a removal', async () => {
    const a = await addResolution('Setiap instansi menunjuk satu pejabat humas penghubung.');
    const b = await addResolution('Rumusan sementara yang akan dihapus.');
    const c = await addResolution('Rakor berikutnya membahas hoaks.');
    expect([a.number, b.number, c.number]).toEqual([1, 2, 3]);
    expect((await bureau.request('DELETE', `/api/resolutions/${b.id}?version=${b.version}`)).statusCode).toBe(200);
    const rows = await t.database.db.select().from(resolutions).where(eq(resolutions.meetingId, fx.meetingId));
    expect(rows.map((r) => [r.statement.slice(0, 5), r.number]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
      ['Setia', 1],
      ['Rakor', 2],
    ]);
    // Another committee member who does not manage the meeting cannot write its resolutions.
    expect((await outsider.request('POST', `/api/meetings/${fx.meetingId}/resolutions`, { statement: 'x' })).statusCode).toBe(404);
    // A member officer is not the bureau.
    expect((await memberA.request('POST', `/api/meetings/${fx.meetingId}/resolutions`, { statement: 'x' })).statusCode).toBe(403);
  });

  it('refuses a due date before the meeting with a clear message and changes nothing', async () => {
    const r = await addResolution('Rumusan dengan batas waktu salah.');
    const before = await t.database.db.select({ n: count() }).from(followUps);
    const res = await bureau.request('POST', `/api/resolutions/${r.id}/follow-ups`, {
      action: 'Tindak lanjut',
      dueDate: '2019-03-01',
      institutionIds: [fx.institutions[0]!.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Batas waktu tindak lanjut tidak boleh sebelum tanggal rapat (12 Maret 2019).');
    expect(res.json().error.fields.dueDate).toBe('Paling cepat 12 Maret 2019');
    expect(await t.database.db.select({ n: count() }).from(followUps)).toEqual(before);
  });

  it("lets a member officer update only its institution's follow-ups, with evidence checked by content, all audited", async () => {
    const r = await addResolution('Instansi menyebarluaskan siaran pers pemerintah provinsi.');
    const f = await addFollowUp(r.id, { dueDate: '2030-06-30' });

    // The member of a responsible institution sees it; another institution's member does not, and cannot touch it.
    const mine = (await memberA.request('GET', '/api/follow-ups')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(f.id);
    expect(mine.items.find((i: { id: string }) => i.id === f.id).can.update).toBe(true);
    expect((await memberC.request('GET', '/api/follow-ups')).json().items).toEqual([]);
    expect((await memberC.request('GET', `/api/follow-ups/${f.id}`)).statusCode).toBe(404);
    const forbidden = await memberC.request('PUT', `/api/follow-ups/${f.id}/progress`, { status: 'done', version: f.version });
    expect(forbidden.statusCode).toBe(404);

    // "Selesai" without evidence is refused.
    const noEvidence = await memberA.request('PUT', `/api/follow-ups/${f.id}/progress`, { status: 'done', version: f.version });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.message).toContain('Lampirkan bukti');
    // A forbidden type renamed to .pdf is refused by its content; nothing changes.
    const html = await multipart(
      { version: String(f.version) },
      { name: 'bukti.pdf', content: '<html><script>alert(1)</script></html>', type: 'application/pdf' },
    );
    const refused = await memberA.request('POST', `/api/follow-ups/${f.id}/evidence`, html.payload, html.headers);
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.message).toContain('Jenis berkas tidak diizinkan');
    const [unchanged] = await t.database.db.select().from(followUps).where(eq(followUps.id, f.id));
    expect(unchanged!.version).toBe(f.version);
    expect(unchanged!.evidenceFileId).toBeNull();
    // Another institution's member cannot upload either.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await multipart({ version: String(f.version) }, { name: 'laporan <1>.PDF', content: pdf, type: 'application/pdf' });
    expect((await memberC.request('POST', `/api/follow-ups/${f.id}/evidence`, up.payload, up.headers)).statusCode).toBe(404);

    const ok = await memberA.request('POST', `/api/follow-ups/${f.id}/evidence`, up.payload, up.headers);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().evidenceFileName).toBe('laporan -1-.pdf');
    const done = await memberA.request('PUT', `/api/follow-ups/${f.id}/progress`, {
      status: 'done',
      statusNote: 'SOP ditetapkan dengan SK Kepala Dinas',
      evidenceUrl: 'https://agam.go.id/berita/sop-humas',
      version: ok.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', evidenceUrl: 'https://agam.go.id/berita/sop-humas' });

    const file = await bureau.request('GET', `/api/follow-ups/${f.id}/evidence`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await memberC.request('GET', `/api/follow-ups/${f.id}/evidence`)).statusCode).toBe(404);

    // A javascript: link is not evidence.
    const js = await memberA.request('PUT', `/api/follow-ups/${f.id}/progress`, {
      status: 'in_progress',
      evidenceUrl: 'javascript:alert(1)',
      version: done.json().version,
    });
    expect(js.statusCode).toBe(400);

    const trail = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'follow_up'), eq(auditLog.entityId, f.id)));
    expect(trail.map((a) => a.action).sort()).toEqual(['followUp.create', 'followUp.evidence', 'followUp.progress']);
  });

  it('shows the board overdue first with completion rates, as XLSX and as the resolutions PDF', async () => {
    const r = await addResolution('Pemerintah kabupaten/kota memperbarui data kontak humas.');
    const late = await addFollowUp(r.id, {
      dueDate: '2019-04-30',
      action: 'Memperbarui data kontak',
      institutionIds: [fx.institutions[1]!.id],
    });
    await addFollowUp(r.id, { dueDate: '2031-01-31', action: 'Menyusun agenda bersama', institutionIds: [fx.institutions[1]!.id] });
    expect(late.overdue).toBe(true);
    const board = (await bureau.request('GET', `/api/meetings/${fx.meetingId}/outcomes`)).json();
    const res = board.resolutions.find((x: { id: string }) => x.id === r.id);
    expect(res.followUps[0].id).toBe(late.id);
    expect(board.totals.total).toBeGreaterThanOrEqual(3);
    expect(board.totals.done).toBe(1);
    expect(board.byInstitution[0].name).toBe(fx.institutions[1]!.name); // most overdue first
    expect((await memberA.request('GET', `/api/meetings/${fx.meetingId}/outcomes`)).statusCode).toBe(403);

    const xlsx = await bureau.request('GET', `/api/meetings/${fx.meetingId}/follow-ups.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tindak Lanjut')!;
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(row.values!.toString()));
    expect(texts.join('\n')).toContain('Memperbarui data kontak');
    expect(wb.getWorksheet('Per Instansi')!.getRow(2).getCell(1).value).toBe(fx.institutions[1]!.name);

    const pdf = await memberA.request('GET', `/api/meetings/${fx.meetingId}/resolutions.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfPages(pdf.rawPayload).join('\n');
    expect(text).toContain('RUMUSAN');
    expect(text).toContain('Pemerintah kabupaten/kota memperbarui data kontak humas.');
    expect(text).toContain('Memperbarui data kontak');
  });

  it('reminds the responsible institutions once before the due date and once when overdue', async () => {
    const r = await addResolution('Rumusan pengingat.');
    const soon = await addFollowUp(r.id, {
      dueDate: '2030-01-05',
      action: 'Tindak lanjut segera',
      institutionIds: [fx.institutions[0]!.id],
    });
    const now = new Date('2030-01-01T03:00:00Z');
    const jc = { db: t.database.db, config: t.config, mailer: { send: async () => {} } };
    const first = await sendFollowUpReminders(jc, now);
    expect(first.dueSoon).toBeGreaterThanOrEqual(1);
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.entityId, soon.id));
    expect(mails.map((m) => m.to)).toContain('humas@agam.test');
    expect(mails[0]!.subject).toContain('Pengingat tindak lanjut');
    expect((await sendFollowUpReminders(jc, now)).dueSoon).toBe(0);
    const later = await sendFollowUpReminders(jc, new Date('2030-01-06T03:00:00Z'));
    expect(later.overdue).toBeGreaterThanOrEqual(1);
    const after = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.entityId, soon.id));
    expect(after.some((m) => m.subject.startsWith('Tindak lanjut melewati batas waktu'))).toBe(true);
  });
});
