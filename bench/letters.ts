/**
 * Invitation letters: 100 personalised letters (each its own addressee, number and institution, with the agenda as
 * attachment, the default letterhead and a logo) rendered into ONE merged PDF for printing, and the same 100 as a
 * ZIP-ready set of DOCX files. Prints the total time of each (3 runs after a warm-up). Aim: merged PDF under 5 s.
 *
 *   npx tsx bench/letters.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { invitationLetterContent, type InvitationLetter } from '../src/server/documents/invitationLetter';
import { renderDocx } from '../src/server/documents/renderDocx';
import { renderPdfSet } from '../src/server/documents/renderPdf';
import { defaultOrganisationSettings } from '../src/shared/schemas/settings';

const settings = { ...defaultOrganisationSettings, logo: readFileSync(resolve('test/fixtures/logo-contoh.png')) };
const agenda = [
  { time: '08.00–08.30', title: 'Registrasi peserta', speakers: '' },
  { time: '08.30–09.00', title: 'Pembukaan dan arahan Gubernur', speakers: 'Gubernur Sumatera Barat' },
  { time: '09.00–10.30', title: 'Isu kehumasan terkini dan penanganan hoaks', speakers: 'Narasumber Kominfo, Akademisi' },
  { time: '10.30–11.30', title: 'Diskusi dan rencana aksi bersama', speakers: 'Moderator: Kepala Biro' },
  { time: '11.30–12.00', title: 'Penutupan', speakers: '' },
];
const letters: InvitationLetter[] = Array.from({ length: 100 }, (_, i) => ({
  number: `005/${i + 1}/Humas-2019`,
  place: 'Padang',
  date: '2019-03-04',
  nature: 'Penting',
  subject: 'Undangan Rapat Koordinasi Kehumasan',
  addressee: i % 2 ? `Bupati Kabupaten Contoh ${i + 1}` : `Kepala Dinas Komunikasi dan Informatika Contoh ${i + 1}`,
  institutionName: `Instansi Contoh Nomor ${i + 1}`,
  meeting: {
    title: 'Rapat Koordinasi Kehumasan',
    startDate: '2019-03-14',
    endDate: '2019-03-14',
    startTime: '08:00',
    endTime: '12:00',
    venue: 'Aula Kantor Gubernur',
    venueAddress: 'Jl. Jenderal Sudirman No. 51, Padang',
  },
  agenda,
  signer: { name: 'Drs. Jasman, MM', position: 'Kepala Biro Administrasi Pimpinan', rank: 'Pembina Utama Muda', nip: '196501011990031005' },
  copies: ['Gubernur Sumatera Barat (sebagai laporan)', 'Sekretaris Daerah Provinsi Sumatera Barat'],
  fiscalYear: 2019,
}));

async function time(label: string, aimMs: number | null, fn: () => Promise<number>) {
  await fn();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    bytes = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const verdict = aimMs === null ? '' : times[1]! <= aimMs ? `(within the ${aimMs / 1000} s aim)` : `(OVER the ${aimMs / 1000} s aim)`;
  console.log(
    `${label.padEnd(28)} median ${(times[1]! / 1000).toFixed(2)} s   min ${(times[0]! / 1000).toFixed(2)} s   max ${(times[2]! / 1000).toFixed(2)} s   ${(bytes / 1024).toFixed(0)} KiB ${verdict}`,
  );
}

console.log(`100 personalised invitation letters (Node ${process.version})`);
await time(
  'merged PDF (100 letters)',
  5000,
  async () =>
    (
      await renderPdfSet(
        letters.map((l) => invitationLetterContent(l, settings)),
        { title: 'Undangan', subject: 'Undangan', author: 'Simpul' },
      )
    ).length,
);
await time('ZIP of 100 DOCX', null, async () => {
  const zip = new JSZip();
  for (const [i, l] of letters.entries()) zip.file(`Undangan ${i + 1}.docx`, await renderDocx(invitationLetterContent(l, settings)));
  return (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).length;
});
