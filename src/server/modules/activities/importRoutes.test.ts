import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, auditLog } from '../../db/schema/index';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildDocx } from '../../../../test/fixtures/kak-samples/buildDocx';
import { notAKak } from '../../../../test/fixtures/kak-samples/otherKaks';
import { referenceDocx } from '../../../../test/fixtures/kak-samples/reference2019';
import { corpusDocuments } from '../../../../test/fixtures/kak-samples/corpus/score';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

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
      [Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'kak.pdf', 400, /PDF rusak atau terpotong/],
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

/** A PDF made with pdfkit: `draw` writes the page. */
function pdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}
const previewOf = (s: Session, file: Buffer, filename: string, contentType = docxType) => {
  const { payload, headers } = multipart(file, filename, contentType);
  return s.request('POST', '/api/activities/import/preview', payload, headers);
};

describe('POST /api/activities/import/preview (issue 12)', () => {
  it('answers the draft field by field with where each value was found, saves nothing; the confirmed draft is then created', async () => {
    const before = await activityCount();
    const lombok = corpusDocuments().find((d) => d.name === 'lomboktengah2024')!;
    const res = await previewOf(committee, lombok.bytes, lombok.file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.draft).toMatchObject({ title: lombok.expected.title, fiscalYear: 2024, orgUnit: lombok.expected.orgUnit });
    expect(body.draft.kak.funding.source).toBe('APBD Kabupaten Lombok Tengah');
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { field: 'Judul kegiatan', value: lombok.expected.title, at: expect.stringMatching(/^paragraf \d+$/) },
        expect.objectContaining({ field: 'Rincian anggaran', at: expect.stringMatching(/^tabel \d+, baris \d+$/) }),
        expect.objectContaining({ field: 'Nama PPTK', value: lombok.expected.officer.name, at: expect.stringMatching(/kolom 2$/) }),
      ]),
    );
    expect(body.signers).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'mengetahui', nip: '197005121996031003' })]));
    expect(body.budget).toHaveLength(5);
    expect(body.unrecognised).toEqual(expect.arrayContaining([expect.stringMatching(/^Program: .* tidak disimpan$/)]));
    expect(await activityCount()).toBe(before);
    const created = await committee.request('POST', '/api/activities', body.draft);
    expect(created.statusCode).toBe(201);
    expect(created.json().budgetLines).toHaveLength(5);
    expect(created.json().kak.funding.total).toBe(lombok.expected.total);
    expect(await activityCount()).toBe(before + 1);
  });

  it('reads a PDF with a text layer, and keeps old five-level account codes as written with a note', async () => {
    const sigi = corpusDocuments().find((d) => d.name === 'sigi2024')!;
    const res = await previewOf(committee, sigi.bytes, sigi.file, 'application/pdf');
    expect(res.statusCode).toBe(200);
    expect(res.json().draft.title).toBe(sigi.expected.title);
    expect(res.json().fields.some((f: { at: string }) => /^halaman 1$/.test(f.at))).toBe(true);
    const pesisir = corpusDocuments().find((d) => d.name === 'pesisirselatan2019')!;
    const old = (await previewOf(committee, pesisir.bytes, pesisir.file)).json();
    expect(old.budget.map((l: { accountCode: string; codeKind: string }) => [l.accountCode, l.codeKind])).toContainEqual([
      '5.2.2.01.01',
      'old',
    ]);
    expect(old.unrecognised).toEqual(expect.arrayContaining([expect.stringMatching(/kode rekening lama 5\.2\.2\.01\.01 \(5 tingkat/)]));
    expect(old.draft.budgetLines ?? []).toHaveLength(0);
    expect(old.draft.kak.funding.total).toBe(pesisir.expected.total);
  });

  it('refuses bad input with a clear Indonesian message, no 5xx, nothing saved', async () => {
    const before = await activityCount();
    const zipWith = async (xml: string) => {
      const zip = await JSZip.loadAsync(reference);
      zip.file('word/document.xml', xml);
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const bomb = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>`;
    const encryptedDocx = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(64),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    const scanned = await pdf((d) => d.rect(50, 50, 400, 600).fill('#999999'));
    const encryptedPdf = await pdf((d) => d.text('KERANGKA ACUAN KERJA'), { userPassword: 'rahasia', ownerPassword: 'rahasia' });
    const notKakPdf = await pdf((d) => d.text('Yth. Bapak Kepala Dinas\nDengan hormat, bersama ini kami sampaikan undangan rapat.'));
    const emptyRows = await buildDocx([{ p: 'KERANGKA ACUAN KERJA' }, { table: Array.from({ length: 1000 }, () => ['', '', '']) }]);
    const cases: [string, Buffer, string, RegExp][] = [
      ['not a KAK (docx)', await buildDocx(notAKak), 'surat.docx', /^Berkas ini tidak tampak seperti KAK/],
      ['not a KAK (pdf)', notKakPdf, 'surat.pdf', /^Berkas ini tidak tampak seperti KAK/],
      ['corrupt docx', reference.subarray(0, 3000), 'kak.docx', /rusak atau terpotong/],
      ['encrypted docx', encryptedDocx, 'kak.docx', /dilindungi kata sandi/],
      ['corrupt pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x41)]), 'kak.pdf', /PDF rusak atau terpotong/],
      ['encrypted pdf', encryptedPdf, 'kak.pdf', /PDF ini dikunci dengan kata sandi/],
      [
        'pdf without text',
        scanned,
        'pindaian.pdf',
        /^PDF ini berupa hasil pindaian; unggah berkas Word atau PDF yang teksnya dapat dipilih/,
      ],
      // The parser does not expand nested entities past its limits: the bomb reads as a document without any KAK section.
      ['XML entity bomb', await zipWith(bomb), 'bom.docx', /XML rusak|tidak dapat dibaca|tidak tampak seperti KAK/],
      ['a table of a thousand empty rows', emptyRows, 'kosong.docx', /^Berkas ini tidak tampak seperti KAK/],
    ];
    for (const [name, file, filename, message] of cases) {
      for (const path of ['/api/activities/import/preview', '/api/activities/import']) {
        const { payload, headers } = multipart(file, filename, filename.endsWith('.pdf') ? 'application/pdf' : docxType);
        const res = await committee.request('POST', path, payload, headers);
        expect(res.statusCode, `${name} ${path}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${name} ${path}`).toBeLessThan(500);
        expect(res.json().error.message, name).toMatch(message);
      }
    }
    expect(await activityCount()).toBe(before);
  });
});
