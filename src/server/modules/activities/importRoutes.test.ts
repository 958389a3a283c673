import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, auditLog } from '../../db/schema/index';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildDocx } from '../../../../test/fixtures/kak-samples/buildDocx';
import { notAKak } from '../../../../test/fixtures/kak-samples/otherKaks';
import { referenceDocx } from '../../../../test/fixtures/kak-samples/reference2019';

let t: TestApp;
let committee: Session;
let reference: Buffer;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_LIMIT_MB: '1' } });
  committee = (await sessionFor(t, 'committee')).session;
  reference = await referenceDocx({ before: ['Catatan: salinan untuk arsip bagian umum.'] });
});
afterAll(() => t.close());

/** A multipart/form-data body with one file part, as a browser sends it. */
function multipart(file: Buffer, filename: string, contentType = docxType, field = 'file') {
  const boundary = `----simpul${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (s: Session | null, file: Buffer, filename = 'kak.docx', contentType?: string, field?: string) => {
  const { payload, headers } = multipart(file, filename, contentType, field);
  if (s) return s.request('POST', '/api/activities/import', payload, headers);
  return t.app.inject({ method: 'POST', url: '/api/activities/import', payload, headers });
};
const activityCount = async () => (await t.database.db.select({ n: count() }).from(activities))[0]!.n;

describe('POST /api/activities/import', () => {
  it('creates a draft from the reference KAK and lists the stray paragraph before section A', async () => {
    const before = await activityCount();
    const res = await upload(committee, reference, 'KAK Koordinasi Kehumasan 2019.docx');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.activity).toMatchObject({
      title: 'Koordinasi Kehumasan',
      fiscalYear: 2019,
      status: 'draft',
      signPlace: 'Padang',
      signDate: '2019-01',
    });
    expect(body.activity.kak.funding).toMatchObject({ total: 48_357_960, quarters: [46_733_000, 1_624_960, 0, 0] });
    expect(body.activity.kak.schedule).toHaveLength(4);
    expect(body.recognised).toEqual(expect.arrayContaining(['Latar Belakang', 'Pembiayaan', 'Jadwal kegiatan']));
    expect(body.unrecognised).toEqual(['Paragraf di luar bagian yang dikenali: "Catatan: salinan untuk arsip bagian umum."']);
    expect(await activityCount()).toBe(before + 1);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.activity.id));
    expect(audits.map((a) => a.action)).toEqual(['activity.create']);
    const read = await committee.request('GET', `/api/activities/${body.activity.id}`);
    expect(read.json().kak.legalBases).toHaveLength(4);
  });

  it('still creates the draft when the quarters do not add up to the total; the checks show it', async () => {
    const blocks = [
      { p: 'KERANGKA ACUAN KERJA' },
      { p: 'KEGIATAN UJI PEMBIAYAAN TAHUN 2026' },
      { p: 'A. PEMBIAYAAN' },
      { p: 'Dana sebesar Rp 10.000.000,- melalui APBD Provinsi Sumatera Barat Tahun 2026.' },
      {
        table: [
          ['No.', 'Kegiatan', 'Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV'],
          ['1.', 'Uji', 'Rp 1.000.000,-', 'Rp. -', 'Rp. -', 'Rp. -'],
        ],
      },
    ];
    const res = await upload(committee, await buildDocx(blocks));
    expect(res.statusCode).toBe(201);
    expect(res.json().activity.kak.funding).toMatchObject({ total: 10_000_000, quarters: [1_000_000, 0, 0, 0] });
    const { errors, warnings } = res.json().activity.checks as { errors: { code: string }[]; warnings: { code: string }[] };
    expect([...errors, ...warnings].map((i) => i.code)).toContain('funding_quarters_mismatch');
  });

  it('refuses what is not a DOCX KAK with a 4xx in Indonesian and writes nothing', async () => {
    const before = await activityCount();
    const truncated = reference.subarray(0, 2000);
    const cases: [Buffer, string, number, RegExp][] = [
      [Buffer.from('KERANGKA ACUAN KERJA\nA. LATAR BELAKANG\nTeks biasa.'), 'kak.docx', 415, /bukan dokumen Word/],
      [Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'kak.pdf', 415, /PDF, bukan dokumen Word/],
      [truncated, 'kak.docx', 400, /rusak atau terpotong/],
      [
        await buildDocx(notAKak),
        'surat.docx',
        400,
        /^Berkas ini tidak tampak seperti KAK: tidak ada bagian yang dikenali \(Latar Belakang, Maksud dan Tujuan/,
      ],
    ];
    for (const [file, name, status, message] of cases) {
      const res = await upload(committee, file, name);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }
    const big = Buffer.concat([reference, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const tooBig = await upload(committee, big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('Berkas KAK terlalu besar: maksimal 1 MB');
    const noFile = await upload(committee, reference, 'kak.docx', docxType, 'lampiran');
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toMatch(/Pilih berkas KAK/);
    const json = await committee.request('POST', '/api/activities/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(await activityCount()).toBe(before);
  });

  it('refuses a member officer (403) and an anonymous caller (401), writing nothing', async () => {
    const before = await activityCount();
    const member = (await sessionFor(t, 'member')).session;
    const forbidden = await upload(member, reference);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.message).toMatch(/tidak berhak/);
    const anonymous = await upload(null, reference);
    expect(anonymous.statusCode).toBe(401);
    expect(await activityCount()).toBe(before);
  });
});
