import { describe, expect, it } from 'vitest';
import { corpusDocuments, score } from '../../../../test/fixtures/kak-samples/corpus/score';
import { parseKakFile } from './importKak';

/**
 * Issue 12: KAKs of other offices, written in their own shapes (test/fixtures/kak-samples/corpus), scored field by
 * field against their expected-fields JSON. The corpus as a whole must reach 95%.
 */
describe('the KAK corpus of other offices', () => {
  it('imports at least 95% of all fields into their own field', async () => {
    const docs = corpusDocuments();
    expect(docs.length).toBeGreaterThanOrEqual(10);
    let points = 0;
    let max = 0;
    const report: string[] = [];
    for (const d of docs) {
      const r = await parseKakFile(d.bytes, { fileName: d.file });
      const s = score(r, d.expected);
      points += s.points;
      max += s.max;
      report.push(
        `${d.file.padEnd(28)} ${((100 * s.points) / s.max).toFixed(1).padStart(5)}%  (${s.points}/${s.max})${s.misses.length ? `\n    mist: ${s.misses.join('\n    mist: ')}` : ''}`,
      );
    }
    const overall = (100 * points) / max;
    console.log(`KAK corpus, field by field:\n${report.join('\n')}\nOverall ${overall.toFixed(1)}% (${points}/${max})`);
    expect(overall).toBeGreaterThanOrEqual(95);
  });
});
