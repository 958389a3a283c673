import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regressionSamples } from '../../../../test/fixtures/kak-samples/snapshots/samples';
import { parseKakDocx } from './importKak';

/**
 * Issue 12: the 2019 reference and the three older samples keep importing exactly as before the importer learnt
 * other shapes. The answers were written by test/fixtures/kak-samples/snapshots/make.ts before that work began.
 */
describe('the reference and the older samples import exactly as before', () => {
  for (const [name, build] of Object.entries(regressionSamples)) {
    it(name, async () => {
      const expected = JSON.parse(
        readFileSync(new URL(`../../../../test/fixtures/kak-samples/snapshots/${name}.json`, import.meta.url), 'utf8'),
      );
      const r = await parseKakDocx(await build());
      expect({ draft: r.draft, recognised: r.recognised, unrecognised: r.unrecognised }).toEqual(expected);
    });
  }
});
