import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Layering, checked by reading the import statements of every source file:
 *  - the SPA (src/web) imports nothing from src/server (shared types live in src/shared);
 *  - src/shared imports neither src/server nor src/web;
 *  - production code (src/**, except *.test.ts) imports no test code (test/**, *.test.ts) and no seed data
 *    (src/server/seed/**), except the command line (src/server/main.ts) that runs the seed commands.
 */

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The repository-relative paths a file imports (relative specifiers only; packages are left out). */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(importPattern)) {
    const spec = m[1] ?? m[2]!;
    if (spec.startsWith('.')) out.push(relative(root, resolve(dirname(file), spec)));
  }
  return out;
}

const files = sourceFiles(src).map((f) => ({ path: relative(root, f), imports: importsOf(f) }));
const isTest = (p: string) => /\.test\.tsx?$/.test(p) || p.startsWith('test/') || p.startsWith('test\\');
const production = files.filter((f) => !isTest(f.path));

function violations(
  from: (path: string) => boolean,
  forbidden: (target: string) => boolean,
  allowed: (path: string) => boolean = () => false,
) {
  return files
    .filter((f) => from(f.path) && !allowed(f.path))
    .flatMap((f) => f.imports.filter(forbidden).map((target) => `${f.path} -> ${target}`));
}

describe('layering', () => {
  it('reads the imports of the source tree', () => {
    expect(production.length).toBeGreaterThan(100);
    expect(files.find((f) => f.path === 'src/server/main.ts')?.imports).toContain('src/server/seed/index');
    expect(importsOf(join(src, 'web/x.ts'), "import type { A } from '../server/a';\nconst b = await import('./b');")).toEqual([
      'src/server/a',
      'src/web/b',
    ]);
  });

  it('keeps the SPA off the server: nothing under src/web imports src/server', () => {
    expect(
      violations(
        (p) => p.startsWith('src/web/'),
        (t) => t.startsWith('src/server/'),
      ),
    ).toEqual([]);
  });

  it('keeps src/shared independent of the server and the SPA', () => {
    expect(
      violations(
        (p) => p.startsWith('src/shared/') && !isTest(p),
        (t) => t.startsWith('src/server/') || t.startsWith('src/web/'),
      ),
    ).toEqual([]);
  });

  it('keeps test builders and helpers out of production code', () => {
    expect(
      violations(
        (p) => !isTest(p),
        (t) => isTest(t) || /\.test$/.test(t),
      ),
    ).toEqual([]);
  });

  it('keeps seed data out of production modules (only the seed commands of main.ts use it)', () => {
    expect(
      violations(
        (p) => !isTest(p) && !p.startsWith('src/server/seed/'),
        (t) => t.startsWith('src/server/seed/'),
        (p) => p === 'src/server/main.ts',
      ),
    ).toEqual([]);
  });
});
