import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 13: axe runs on every page a browser test visits. That holds only if every spec takes `test` from
// test/e2e/fixtures.ts, whose automatic fixture does the checking.
describe('browser tests', () => {
  it('take test from ./fixtures, which runs axe on every page they visit', () => {
    const dir = 'test/e2e';
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.spec.ts'))
      .filter((f) => {
        const src = readFileSync(join(dir, f), 'utf8');
        const fromFixtures = /import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*'\.\/fixtures'/.test(src);
        const fromPlaywright = /import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*'@playwright\/test'/.test(src);
        return !fromFixtures || fromPlaywright;
      });
    expect(offenders).toEqual([]);
  });
});
