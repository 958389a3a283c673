/**
 * Word import: median time to parse the 2019 reference KAK laid out as a .docx (unzip, XML, sections,
 * tables, schema fitting), after a warm-up, over 30 runs. Building the .docx is not timed.
 *
 *   npx tsx bench/importKak.ts
 */
import { performance } from 'node:perf_hooks';
import { parseKakDocx } from '../src/server/modules/activities/importKak';
import { referenceDocx } from '../test/fixtures/kak-samples/reference2019';

const runs = 30;
const docx = await referenceDocx();
for (let i = 0; i < 5; i++) await parseKakDocx(docx);

const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await parseKakDocx(docx);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = (times[runs / 2 - 1]! + times[runs / 2]!) / 2;
const result = await parseKakDocx(docx);
console.log(
  `KAK import (reference 2019, ${(docx.length / 1024).toFixed(1)} KB .docx): median ${median.toFixed(2)} ms over ${runs} runs (min ${times[0]!.toFixed(2)} ms, max ${times[runs - 1]!.toFixed(2)} ms)`,
);
console.log(`recognised ${result.recognised.length}, unrecognised ${result.unrecognised.length}`);
