/**
 * KAK import (issue 12): parse time per document, median and p95 over 30 runs after a warm-up, for the 2019
 * reference, the older samples, every document of the corpus of other offices (Word and PDF), and a generated
 * 50-page KAK (long background, a 120-line RAB, a 40-step schedule). Building the documents is not timed.
 *
 *   npx tsx bench/importKak.ts
 */
import { performance } from 'node:perf_hooks';
import { parseKakFile } from '../src/server/modules/activities/importKak';
import { buildDocx, type Block } from '../test/fixtures/kak-samples/buildDocx';
import { corpusDocuments } from '../test/fixtures/kak-samples/corpus/score';
import { regressionSamples } from '../test/fixtures/kak-samples/snapshots/samples';

const runs = 30;

/** About 50 pages: 300 paragraphs of background (~40 words each), 60 legal bases, a 40-step schedule, a 120-line RAB. */
async function fiftyPages(): Promise<Buffer> {
  const sentence =
    'Kegiatan ini dilaksanakan untuk meningkatkan mutu layanan informasi publik di lingkungan pemerintah kabupaten, dengan melibatkan perangkat daerah, kecamatan, desa dan mitra media dalam setiap tahapannya sehingga informasi pembangunan sampai kepada masyarakat.';
  const blocks: Block[] = [
    { p: 'KERANGKA ACUAN KERJA' },
    { p: 'KEGIATAN PENGELOLAAN INFORMASI PUBLIK TERPADU TAHUN ANGGARAN 2026' },
    { p: 'DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN CONTOH' },
    { p: 'BAB I PENDAHULUAN' },
    { p: '1.1 Latar Belakang' },
    ...Array.from({ length: 300 }, (_, i) => ({ p: `${i + 1}. ${sentence}` })),
    { p: '1.2 Dasar Hukum' },
    ...Array.from({ length: 45 }, (_, i) => ({
      p: `${i + 1}. Peraturan Daerah Kabupaten Contoh Nomor ${i + 1} Tahun 2020 tentang Urusan ${i + 1};`,
    })),
    { p: '1.3 Maksud dan Tujuan' },
    { p: 'Maksud: meningkatkan mutu layanan informasi.' },
    { p: 'Tujuan:' },
    ...Array.from({ length: 20 }, (_, i) => ({ p: `${i + 1}. Tujuan ke-${i + 1} kegiatan.` })),
    { p: 'BAB II PELAKSANAAN' },
    { p: '2.1 Jadwal Pelaksanaan' },
    {
      table: [
        ['No', 'Kegiatan', 'Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
        ...Array.from({ length: 40 }, (_, i) => [
          String(i + 1),
          `Tahap kegiatan ke-${i + 1}`,
          ...Array.from({ length: 12 }, (_, m) => (m === i % 12 ? 'X' : '')),
        ]),
      ],
    },
    { p: 'BAB III BIAYA' },
    { p: 'Biaya kegiatan sebesar Rp 120.000.000 bersumber dari APBD Kabupaten Contoh Tahun Anggaran 2026.' },
    {
      table: [
        ['No', 'Kode Rekening', 'Uraian', 'Volume', 'Satuan', 'Harga Satuan', 'Jumlah'],
        ...Array.from({ length: 120 }, (_, i) => [
          String(i + 1),
          '5.1.02.01.01.0052',
          `Belanja makanan dan minuman ke-${i + 1}`,
          '2 org x 5 kl',
          'OK',
          '100.000',
          '1.000.000',
        ]),
        ['TOTAL', '', '', '', '', '', '120.000.000'],
      ],
    },
    { p: 'Contoh, 5 Januari 2026' },
    { p: 'PPTK,' },
    { p: 'Nama Pejabat' },
    { p: 'NIP. 198001012005011001' },
  ];
  return buildDocx(blocks);
}

async function time(name: string, file: Buffer, fileName: string) {
  for (let i = 0; i < 5; i++) await parseKakFile(file, { fileName });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await parseKakFile(file, { fileName });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = (times[runs / 2 - 1]! + times[runs / 2]!) / 2;
  const p95 = times[Math.ceil(runs * 0.95) - 1]!;
  console.log(
    `${name.padEnd(30)} ${(file.length / 1024).toFixed(1).padStart(7)} KB  median ${median.toFixed(2).padStart(7)} ms  p95 ${p95.toFixed(2).padStart(7)} ms`,
  );
  return { median, p95 };
}

console.log(`KAK import, ${runs} runs per document after 5 warm-up runs:`);
for (const [name, build] of Object.entries(regressionSamples)) await time(name, await build(), `${name}.docx`);
for (const d of corpusDocuments()) await time(d.file, d.bytes, d.file);
const big = await fiftyPages();
const r = await parseKakFile(big);
const bigTimes = await time('generated 50-page KAK', big, 'kak50.docx');
console.log(
  `50-page KAK: ${r.budget.length} budget lines, ${r.draft.kak?.schedule?.length ?? 0} schedule steps, ${r.draft.kak?.background?.length ?? 0} background paragraphs; ${bigTimes.p95 < 500 ? 'under' : 'OVER'} the 500 ms aim`,
);
