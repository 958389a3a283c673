import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCheckInMeeting, type CheckInFixture } from '../../../../test/helpers/checkInFixture';
import { docxParagraphs, normalise, pdfPages } from '../../../../test/helpers/documents';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { agendaSessions, checkIns } from '../../db/schema/index';
import { getOrganisationSettings } from '../settings/organisationSettings';
import { richTextBlocks } from './richTextBlocks';

let t: TestApp;
let fx: CheckInFixture;
let manager: Session;
let unitName: string;

beforeAll(async () => {
  t = await createTestApp();
  const committee = await sessionFor(t, 'committee');
  manager = committee.session;
  fx = await seedCheckInMeeting(t.database.db, {
    managerIds: [committee.user.id],
    status: 'done',
    startDate: '2019-03-12',
    title: 'Rapat Koordinasi Kehumasan 2019',
  });
  const [s1, s2] = await t.database.db
    .insert(agendaSessions)
    .values([
      { meetingId: fx.meetingId, position: 0, startTime: '08:30', endTime: '09:00', title: 'Laporan ketua panitia' },
      { meetingId: fx.meetingId, position: 1, startTime: '09:00', endTime: '11:00', title: 'Sinergi publikasi', moderator: 'Yosmeri' },
    ])
    .returning();
  await t.database.db.insert(checkIns).values(
    [fx.people[0]!, fx.people[2]!].map((p, i) => ({
      registrationId: p.id,
      meetingId: fx.meetingId,
      meetingDay: '2019-03-12',
      clientId: `d-${i}`,
    })),
  );
  const res = await manager.request('PUT', `/api/meetings/${fx.meetingId}/minutes`, {
    chairName: 'Drs. Jasman Rizal, M.Si',
    chairPosition: 'Kepala Biro Humas',
    noteTakerName: 'Rina Marlina, S.Sos',
    noteTakerPosition: 'Analis Humas',
    openingHtml: '<p>Rapat dibuka oleh <strong>Kepala Biro Humas</strong>.</p>',
    closingHtml: '<p>Rapat ditutup dengan doa.</p>',
    sessions: [
      { sessionId: s1!.id, bodyHtml: '<p>Peserta terdaftar 120 orang.</p>' },
      {
        sessionId: s2!.id,
        // "<script>" typed as text in the editor arrives escaped; it must stay text in the files.
        bodyHtml: '<ul><li><p>Jadwal rilis <em>bersama</em></p></li><li><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></li></ul>',
      },
    ],
    version: 1,
  });
  expect(res.statusCode, res.body).toBe(200);
  unitName = (await getOrganisationSettings(t.database.db)).unitNameLines[0] ?? '';
});
afterAll(() => t.close());

const expected = [
  'NOTULEN RAPAT',
  'RAPAT KOORDINASI KEHUMASAN 2019',
  'Hari/tanggal: Selasa, 12 Maret 2019',
  'Waktu: 08.00 – 16.00 WIB',
  'Tempat: Aula Kantor Gubernur, Jl. Jenderal Sudirman No. 51, Padang',
  'Pimpinan rapat: Drs. Jasman Rizal, M.Si, Kepala Biro Humas',
  'Notulis: Rina Marlina, S.Sos, Analis Humas',
  'Peserta: 2 orang hadir',
  'Pemerintah Kabupaten/Kota',
  'Perguruan Tinggi',
  'ACARA',
  'Laporan ketua panitia',
  'PEMBUKAAN',
  'Rapat dibuka oleh Kepala Biro Humas.',
  'PEMBAHASAN',
  'Peserta terdaftar 120 orang.',
  'Moderator: Yosmeri',
  'Jadwal rilis bersama',
  '<script>alert(1)</script>',
  'PENUTUP',
  'Rapat ditutup dengan doa.',
  'Pimpinan Rapat,',
  'Notulis,',
  'DAFTAR PESERTA YANG HADIR',
  'Peserta 1',
];

describe('minutes documents', () => {
  it('writes the DOCX with the letterhead, the fields, bold/italic runs, and typed markup only as text', async () => {
    const res = await manager.request('GET', `/api/meetings/${fx.meetingId}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('Notulen Rapat Koordinasi Kehumasan 2019.docx');
    const bytes = res.rawPayload;
    const text = (await docxParagraphs(bytes)).join('\n');
    if (unitName) expect(text).toContain(unitName);
    for (const item of expected) expect(text).toContain(item);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/<script/i);
    expect(xml).toContain('&lt;script&gt;');
    // "Kepala Biro Humas" of the opening is a bold run; "bersama" an italic one.
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Kepala Biro Humas<\/w:t>/);
    expect(xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">bersama<\/w:t>/);
  });

  it('writes the PDF with the same content', async () => {
    const res = await manager.request('GET', `/api/meetings/${fx.meetingId}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = normalise(pdfPages(res.rawPayload).join('\n'));
    if (unitName) expect(text).toContain(normalise(unitName));
    // pdftotext may drop a space at a change of font (italic "Moderator: ..."): compare without white space.
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const item of expected) expect(squeeze(text)).toContain(squeeze(item));
    expect(text).toContain('Hari/tanggal: Selasa, 12 Maret 2019');
  });

  it('turns sanitised rich text into paragraphs, styled runs and labelled list items', () => {
    const blocks = richTextBlocks(
      '<h3>Hasil</h3><p>Satu <strong>dua <em>tiga</em></strong> &amp; empat</p><ol start="3"><li><p>a</p><ul><li><p>b</p></li></ul></li><li><p>c</p></li></ol><p><a href="https://x.go.id">situs</a></p>',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Hasil', bold: true }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'Satu ' }, { text: 'dua ', bold: true }, { text: 'tiga', bold: true, italic: true }, { text: ' & empat' }],
      },
      {
        kind: 'list',
        items: [
          { label: '3.', runs: [{ text: 'a' }] },
          { label: '   –', runs: [{ text: 'b' }] },
          { label: '4.', runs: [{ text: 'c' }] },
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'situs' }, { text: ' (https://x.go.id)' }] },
    ]);
  });
});
