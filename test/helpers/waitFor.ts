/** Polls until fn returns something other than undefined/false (background work: mail, jobs); fails after ms. */
export async function waitFor<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 10_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== null && v !== false) return v as T;
    if (Date.now() > until) throw new Error(`waitFor: ${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
