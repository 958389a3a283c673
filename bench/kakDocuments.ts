/**
 * KAK document generation for the demo activity (the 2019 reference KAK, with the default letterhead and a logo):
 * warms up, then renders 30 DOCX and 30 PDF files one after another and prints the median and p95 time of each.
 * Aims: DOCX under 100 ms, PDF under 300 ms.
 *
 *   npx tsx bench/kakDocuments.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderKakDocx } from '../src/server/documents/kakDocx';
import { renderKakPdf } from '../src/server/documents/kakPdf';
import { reference2019 } from '../src/server/seed/reference2019';
import { defaultOrganisationSettings } from '../src/shared/schemas/settings';

const runs = 30;
const warmup = 5;
const settings = { ...defaultOrganisationSettings, logo: readFileSync(resolve('test/fixtures/logo-contoh.png')) };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, aimMs: number, render: () => Promise<Buffer>) {
  for (let i = 0; i < warmup; i++) await render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await render()).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const verdict = p95 <= aimMs ? 'within' : 'OVER';
  console.log(
    `${label.padEnd(5)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ` +
      `min ${times[0]!.toFixed(1)} ms   max ${times.at(-1)!.toFixed(1)} ms   ${(bytes / 1024).toFixed(0)} KiB   (${verdict} the ${aimMs} ms aim)`,
  );
}

console.log(
  `KAK ${reference2019.title} ${reference2019.fiscalYear}: ${runs} generations each after ${warmup} warm-up runs (Node ${process.version})`,
);
await measure('DOCX', 100, () => renderKakDocx(reference2019, settings));
await measure('PDF', 300, () => renderKakPdf(reference2019, settings));
