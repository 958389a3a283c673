import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { eq } from 'drizzle-orm';
import { activities, budgetLines, files } from '../../db/schema/index';
import { defaultOrganisationSettings } from '../../../shared/schemas/settings';
import { docxParagraphs, normalise, pdfPages } from '../../../../test/helpers/documents';
import { childWrite } from '../../../../test/helpers/activityWrites';
import { buildActivityInput, buildBudgetLine } from '../../../../test/builders/activity';

let t: TestApp;
let committee: Session;
let activityId: string;
beforeAll(async () => {
  t = await createTestApp();
  committee = (await sessionFor(t, 'committee')).session;
  const created = await committee.request('POST', '/api/activities', buildActivityInput());
  expect(created.statusCode, created.body).toBe(201);
  activityId = created.json().id;
});
afterAll(() => t.close());

describe('KAK downloads', () => {
  it('gives the Word file as an attachment named after the activity', async () => {
    const res = await committee.request('GET', `/api/activities/${activityId}/kak.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="KAK-Koordinasi-Kehumasan-2019.docx"');
    const text = (await docxParagraphs(res.rawPayload)).join('\n');
    expect(text).toContain('KEGIATAN KOORDINASI KEHUMASAN TAHUN 2019');
    expect(text).toContain('NIP. 19780101 200501 2 001');
  });

  it('gives a member officer the approved KAK without the PPTK NIP, and 404 for a draft', async () => {
    const { session } = await sessionFor(t, 'member');
    const draft = await session.request('GET', `/api/activities/${activityId}/kak.pdf`);
    expect(draft.statusCode).toBe(404);
    const { session: admin } = await sessionFor(t, 'admin');
    const a = (await committee.request('POST', '/api/activities', buildActivityInput())).json();
    expect((await admin.request('POST', `/api/activities/${a.id}/status`, { status: 'approved', version: a.version })).statusCode).toBe(
      200,
    );
    const res = await session.request('GET', `/api/activities/${a.id}/kak.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="KAK-Koordinasi-Kehumasan-2019.pdf"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const text = normalise(pdfPages(res.rawPayload).join(' '));
    expect(text).toContain('G. PEMBIAYAAN Untuk melaksanakan kegiatan ini telah dialokasikan dana sebesar Rp. 48.357.960,-');
    expect(text).not.toContain('19780101');
    expect(text).toContain('NIP. ....................................');
    const docx = (await docxParagraphs((await session.request('GET', `/api/activities/${a.id}/kak.docx`)).rawPayload)).join('\n');
    expect(docx).not.toContain('19780101');
    const full = (await docxParagraphs((await committee.request('GET', `/api/activities/${a.id}/kak.docx`)).rawPayload)).join('\n');
    expect(full).toContain('NIP. 19780101 200501 2 001');
  });

  it('refuses anonymous callers, and answers 404 and 400 in Indonesian', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/activities/${activityId}/kak.pdf` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/json/);
    const missing = await committee.request('GET', '/api/activities/8f1c1a1e-0000-4000-8000-000000000000/kak.pdf');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Kegiatan tidak ditemukan');
    const bad = await committee.request('GET', '/api/activities/bukan-uuid/kak.docx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.id).toBe('ID kegiatan tidak valid');
  });

  it('prints the letterhead, logo and rupiah style an administrator has set', async () => {
    const logo = readFileSync(resolve('test/fixtures/logo-contoh.png'));
    const [file] = await t.database.db
      .insert(files)
      .values({ name: 'logo.png', mime: 'image/png', size: logo.length, sha256: 'uji', content: logo })
      .returning();
    const { session: admin } = await sessionFor(t, 'admin');
    const saved = await admin.request('PUT', '/api/settings/organisation', {
      ...defaultOrganisationSettings,
      unitNameLines: ['PEMERINTAH PROVINSI SUMATERA BARAT', 'BIRO HUBUNGAN MASYARAKAT'],
      logoFileId: file!.id,
      rupiahStyle: 'Rp',
    });
    expect(saved.statusCode).toBe(200);
    const docx = (await committee.request('GET', `/api/activities/${activityId}/kak.docx`)).rawPayload;
    const paragraphs = await docxParagraphs(docx);
    expect(paragraphs.slice(0, 2)).toEqual(['PEMERINTAH PROVINSI SUMATERA BARAT', 'BIRO HUBUNGAN MASYARAKAT']);
    expect(paragraphs.join('\n')).toContain('sebesar Rp 48.357.960 (empat puluh delapan juta');
    const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const pdf = (await committee.request('GET', `/api/activities/${activityId}/kak.pdf`)).rawPayload;
    expect(pdf.includes('/Subtype /Image')).toBe(true);
    expect(normalise(pdfPages(pdf)[0]!)).toMatch(/^PEMERINTAH PROVINSI SUMATERA BARAT BIRO HUBUNGAN MASYARAKAT/);
  });
});

describe('dates in the KAK', () => {
  it('refuses an impossible sign date or schedule date in Indonesian, and prints a real one as "28 Februari 2027"', async () => {
    const impossible = await committee.request('POST', '/api/activities', buildActivityInput({ fiscalYear: 2027, signDate: '2027-02-30' }));
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.fields.signDate).toBe('Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28');
    const base = buildActivityInput({ fiscalYear: 2027 });
    const schedule = base.kak!.schedule!.map((s, i) => (i === 0 ? { ...s, startDate: '2027-04-31' } : s));
    const badStep = await committee.request('POST', '/api/activities', { ...base, kak: { ...base.kak, schedule } });
    expect(badStep.statusCode).toBe(400);
    expect(badStep.json().error.fields['kak.schedule.0.startDate']).toBe('Tanggal tidak ada: April 2027 hanya sampai tanggal 30');

    const created = await committee.request('POST', '/api/activities', buildActivityInput({ fiscalYear: 2027, signDate: '2027-02-28' }));
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    const patch = await committee.request('PATCH', `/api/activities/${id}`, { version, signDate: '2027-02-29' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.fields.signDate).toBe('Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28');
    const pdf = normalise(pdfPages((await committee.request('GET', `/api/activities/${id}/kak.pdf`)).rawPayload).join(' '));
    expect(pdf).toContain('Padang, 28 Februari 2027');
    const docx = (await docxParagraphs((await committee.request('GET', `/api/activities/${id}/kak.docx`)).rawPayload)).join('\n');
    expect(docx).toContain('Padang, 28 Februari 2027');
    expect(docx).not.toContain('2027-02');
  });
});

describe('stored KAK data that no longer parses', () => {
  it('is reported as a clear error naming the field, not passed on to the screen or the documents', async () => {
    const created = await committee.request('POST', '/api/activities', buildActivityInput());
    const id = created.json().id as string;
    const kak = { ...created.json().kak, background: 'bukan daftar paragraf' };
    await t.database.db.update(activities).set({ kak }).where(eq(activities.id, id));
    for (const url of [`/api/activities/${id}`, `/api/activities/${id}/kak.pdf`, `/api/activities/${id}/kak.docx`]) {
      const res = await committee.request('GET', url);
      expect(res.statusCode, url).toBe(500);
      expect(res.json().error.code).toBe('corrupt_data');
      expect(res.json().error.message).toMatch(
        /^Data KAK kegiatan ini rusak dan tidak dapat dibaca \(kak\.background: .+\)\. Hubungi administrator/,
      );
    }
    await t.database.db
      .update(activities)
      .set({ kak: created.json().kak, officerInCharge: { name: 'Rina', nip: '123' } })
      .where(eq(activities.id, id));
    const officer = await committee.request('GET', `/api/activities/${id}`);
    expect(officer.statusCode).toBe(500);
    expect(officer.json().error.message).toMatch(
      /^Data PPTK kegiatan ini rusak dan tidak dapat dibaca \(officerInCharge\.nip: NIP harus 18 digit angka\)/,
    );

    const withLine = (
      await committee.request('POST', '/api/activities', buildActivityInput({ budgetLines: [buildBudgetLine({ quarter: 1 })] }))
    ).json();
    await t.database.db
      .update(budgetLines)
      .set({ quarterPlan: [1_000_000, 0] })
      .where(eq(budgetLines.activityId, withLine.id));
    const line = await committee.request('GET', `/api/activities/${withLine.id}`);
    expect(line.statusCode).toBe(500);
    expect(line.json().error).toMatchObject({ code: 'corrupt_data' });
    expect(line.json().error.message).toMatch(
      /^Data rincian anggaran kegiatan ini rusak dan tidak dapat dibaca \(budgetLines\.\d+\.quarterPlan/,
    );
  });
});

describe('the DRAF mark', () => {
  const pdfText = (pdf: Buffer) => pdfPages(pdf).map(normalise);
  async function docxHeaders(docx: Buffer): Promise<string[]> {
    const zip = await JSZip.loadAsync(docx);
    const parts = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    return (await Promise.all(parts.map((part) => docxParagraphs(docx, part)))).flat();
  }

  it('marks every page of a draft, names blocking check errors, and leaves an approved KAK clean', async () => {
    const { session: admin } = await sessionFor(t, 'admin');
    const draft = (await committee.request('POST', '/api/activities', buildActivityInput())).json();
    const pdfRes = await committee.request('GET', `/api/activities/${draft.id}/kak.pdf`);
    expect(pdfRes.headers['x-kak-status']).toBe('draft');
    expect(pdfRes.headers['x-kak-check-errors']).toBe('0');
    const pages = pdfText(pdfRes.rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain('DRAF — belum disetujui');
    const docxRes = await committee.request('GET', `/api/activities/${draft.id}/kak.docx`);
    expect(docxRes.headers['x-kak-status']).toBe('draft');
    expect(await docxHeaders(docxRes.rawPayload)).toEqual(['DRAF — belum disetujui']);

    const broken = (await committee.request('POST', '/api/activities', buildActivityInput({ kak: { intent: '', locations: [] } }))).json();
    const brokenPdf = await committee.request('GET', `/api/activities/${broken.id}/kak.pdf`);
    expect(brokenPdf.headers['x-kak-check-errors']).toBe('2');
    expect(pdfText(brokenPdf.rawPayload)[0]).toContain('DRAF — belum disetujui · 2 kesalahan pemeriksaan KAK belum diperbaiki');
    const brokenDocx = (await committee.request('GET', `/api/activities/${broken.id}/kak.docx`)).rawPayload;
    expect(await docxHeaders(brokenDocx)).toEqual(['DRAF — belum disetujui · 2 kesalahan pemeriksaan KAK belum diperbaiki']);

    const approved = await admin.request('POST', `/api/activities/${draft.id}/status`, { status: 'approved', version: draft.version });
    expect(approved.statusCode, approved.body).toBe(200);
    const finalPdf = await committee.request('GET', `/api/activities/${draft.id}/kak.pdf`);
    expect(finalPdf.headers['x-kak-status']).toBe('approved');
    expect(pdfText(finalPdf.rawPayload).join(' ')).not.toContain('DRAF');
    const finalDocx = (await committee.request('GET', `/api/activities/${draft.id}/kak.docx`)).rawPayload;
    expect(await docxHeaders(finalDocx)).toEqual([]);
    expect((await docxParagraphs(finalDocx)).join(' ')).not.toContain('DRAF');
  });
});

describe('what member officers see of activities', () => {
  it('lists and opens only approved activities, without NIPs, fees, budget lines or check results', async () => {
    const { session: admin } = await sessionFor(t, 'admin');
    const { session: member } = await sessionFor(t, 'member');
    const { session: speaker } = await sessionFor(t, 'speaker');
    const a = (
      await committee.request(
        'POST',
        '/api/activities',
        buildActivityInput({
          title: 'Rapat Terbuka',
          budgetLines: [
            buildBudgetLine({ volume: 1, unitPrice: 46_733_000, quarter: 1 }),
            buildBudgetLine({ description: 'Laporan', volume: 32, unitPrice: 50_780, quarter: 2, accountCode: '5.1.02.01.01.0026' }),
          ],
        }),
      )
    ).json();
    expect(
      (await childWrite(committee, 'POST', a.id, 'committee', { role: 'ketua', name: 'Yusuf Contoh', nip: '198001012006041002' }))
        .statusCode,
    ).toBe(201);
    const sp = await childWrite(committee, 'POST', a.id, 'speakers', {
      name: 'Dr. Andi Contoh',
      status: 'confirmed',
      fee: 3_400_000,
      budgetLineId: a.budgetLines[0].id,
    });
    expect(sp.statusCode, sp.body).toBe(201);
    const hidden = (await committee.request('POST', '/api/activities', buildActivityInput({ title: 'Rapat Draf Rahasia' }))).json();
    const current = (await committee.request('GET', `/api/activities/${a.id}`)).json();
    expect(
      (await admin.request('POST', `/api/activities/${a.id}/status`, { status: 'approved', version: current.version })).statusCode,
    ).toBe(200);

    // The bureau sees everything.
    const whole = (await committee.request('GET', `/api/activities/${a.id}`)).json();
    expect(whole.personalDataHidden).toBeUndefined();
    expect(whole.officerInCharge.nip).toBe('197801012005012001');
    expect(whole.committee[0].nip).toBe('198001012006041002');
    expect(whole.speakers[0].fee).toBe(3_400_000);
    expect(whole.budgetLines).toHaveLength(2);
    const committeeList = (await committee.request('GET', '/api/activities?year=2019')).json().items.map((i: { id: string }) => i.id);
    expect(committeeList).toEqual(expect.arrayContaining([a.id, hidden.id]));

    for (const s of [member, speaker]) {
      const res = await s.request('GET', `/api/activities/${a.id}`);
      expect(res.statusCode).toBe(200);
      const seen = res.json();
      expect(seen).toMatchObject({
        title: 'Rapat Terbuka',
        status: 'approved',
        personalDataHidden: true,
        budgetLines: [],
        checks: { errors: [], warnings: [] },
      });
      expect(seen.officerInCharge).toEqual({ ...whole.officerInCharge, nip: '' });
      expect(seen.committee).toEqual([{ ...whole.committee[0], nip: null }]);
      expect(seen.speakers).toEqual([{ ...whole.speakers[0], fee: null, budgetLineId: null, userId: null }]);
      expect(seen.kak).toEqual(whole.kak);
      expect(res.body).not.toContain('198001012006041002');
      expect(res.body).not.toContain('3400000');
      const draft = await s.request('GET', `/api/activities/${hidden.id}`);
      expect(draft.statusCode).toBe(404);
      const list = (await s.request('GET', '/api/activities?year=2019')).json();
      const ids = list.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(a.id);
      expect(ids).not.toContain(hidden.id);
      expect(list.items.every((i: { status: string }) => i.status !== 'draft')).toBe(true);
      expect((await s.request('GET', '/api/activities?status=draft')).json()).toMatchObject({ items: [], total: 0 });
    }
  });
});

describe("the bureau shares an activity's personal data with members", () => {
  it('shows members the NIPs, fees and budget lines once shared, hides them again when unshared; drafts stay hidden', async () => {
    const { session: admin } = await sessionFor(t, 'admin');
    const { session: member } = await sessionFor(t, 'member');
    const a = (
      await committee.request(
        'POST',
        '/api/activities',
        buildActivityInput({
          title: 'Rapat Dibagikan',
          budgetLines: [
            buildBudgetLine({ volume: 1, unitPrice: 46_733_000, quarter: 1 }),
            buildBudgetLine({ description: 'Laporan', volume: 32, unitPrice: 50_780, quarter: 2, accountCode: '5.1.02.01.01.0026' }),
          ],
        }),
      )
    ).json();
    expect(a.sharedWithMembers).toBe(false);
    const shareDraft = await committee.request('PUT', `/api/activities/${a.id}/sharing`, { sharedWithMembers: true, version: a.version });
    expect(shareDraft.statusCode, shareDraft.body).toBe(200);
    expect(shareDraft.json()).toMatchObject({ sharedWithMembers: true, version: a.version + 1 });
    expect((await member.request('GET', `/api/activities/${a.id}`)).statusCode).toBe(404);

    const approved = await admin.request('POST', `/api/activities/${a.id}/status`, { status: 'approved', version: a.version + 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    const shared = (await member.request('GET', `/api/activities/${a.id}`)).json();
    expect(shared.personalDataHidden).toBeUndefined();
    expect(shared.officerInCharge.nip).toBe('197801012005012001');
    expect(shared.budgetLines).toHaveLength(2);
    const pdf = normalise(pdfPages((await member.request('GET', `/api/activities/${a.id}/kak.pdf`)).rawPayload).join(' '));
    expect(pdf).toContain('NIP. 19780101 200501 2 001');

    // Members may not change it; a stale version is refused; the change is in the audit trail.
    expect(
      (await member.request('PUT', `/api/activities/${a.id}/sharing`, { sharedWithMembers: false, version: shared.version })).statusCode,
    ).toBe(403);
    expect(
      (await committee.request('PUT', `/api/activities/${a.id}/sharing`, { sharedWithMembers: false, version: shared.version - 1 }))
        .statusCode,
    ).toBe(409);
    const unshared = await committee.request('PUT', `/api/activities/${a.id}/sharing`, {
      sharedWithMembers: false,
      version: shared.version,
    });
    expect(unshared.statusCode).toBe(200);
    const hidden = (await member.request('GET', `/api/activities/${a.id}`)).json();
    expect(hidden).toMatchObject({ personalDataHidden: true, sharedWithMembers: false, budgetLines: [] });
    expect(hidden.officerInCharge.nip).toBe('');
    const trail = (await admin.request('GET', `/api/audit?entityId=${a.id}&action=activity.share`)).json().items;
    expect(trail.map((e: { before: unknown; after: unknown }) => [e.before, e.after])).toEqual([
      [{ sharedWithMembers: true }, { sharedWithMembers: false }],
      [{ sharedWithMembers: false }, { sharedWithMembers: true }],
    ]);
  });
});
