import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0/2.1 level A and AA rules: what issue 13 holds the app to. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, naming each rule,
 * its help text and the first elements it found (minor and moderate ones are left to review).
 */
export async function expectAccessible(page: Page, label = page.url(), opts: { exclude?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  for (const selector of opts.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length}x): ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
        .join('\n    ')}`,
  );
  expect(blocking, `axe on ${label}:\n  ${summary.join('\n  ')}`).toEqual([]);
}
