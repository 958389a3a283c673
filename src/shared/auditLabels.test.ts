import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionLabels, auditEntityLabels } from './auditLabels';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('audit labels', () => {
  const code = sources(join(import.meta.dirname, '../server'));

  it('has an Indonesian label for every action code the server writes', () => {
    const actions = new Set<string>();
    for (const text of code) {
      // audit(tx, { action: 'x.y' }), audit: { action: cond ? 'x.a' : 'x.b' } (a write path's audit); not the policy
      // actions that writeAggregate and child-row specs also call `action`.
      for (const m of text.matchAll(/audit(?:\(\s*\w+\s*,\s*|:\s*)\{\s*action:\s*([^,}\n]*)/g)) {
        for (const q of m[1]!.matchAll(/'([a-zA-Z_]+\.[a-zA-Z_]+)'/g)) actions.add(q[1]!);
      }
      // child rows: auditName 'x' writes x.create, x.update, x.delete
      for (const m of text.matchAll(/auditName: '([a-zA-Z_]+)'/g))
        for (const verb of ['create', 'update', 'delete']) actions.add(`${m[1]}.${verb}`);
    }
    expect(actions.size).toBeGreaterThan(20);
    expect(actions).toContain('institution.deactivate');
    expect(actions).not.toContain('officer.write');
    expect([...actions].filter((a) => !auditActionLabels[a])).toEqual([]);
    expect(auditActionLabel('institution.update')).toBe('Lembaga diubah');
    expect(auditActionLabel('institution.update', 'en')).toBe('Institution changed');
  });

  it('has a label for every entity type the server writes', () => {
    const types = new Set<string>();
    for (const text of code) for (const m of text.matchAll(/entityType: '([a-z_]+)'/g)) types.add(m[1]!);
    expect([...types].filter((t) => !auditEntityLabels[t])).toEqual([]);
  });
});
