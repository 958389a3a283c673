import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/testDatabase';
import type { Database } from '../../db/client';
import { institutions, releases } from '../../db/schema/index';
import { deleteGeneratedReleases, generateReleases } from './benchData';
import { publicReleaseCondition } from './visibility';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('bulk releases for benchmarks', () => {
  it('inserts public, searchable releases in batches with unique slugs, spread over the years', async () => {
    const ids = (
      await database.db
        .insert(institutions)
        .values([
          { name: 'Dinas Uji A', category: 'provincial_agency', searchText: 'dinas uji a' },
          { name: 'Dinas Uji B', category: 'provincial_agency', searchText: 'dinas uji b' },
        ])
        .returning({ id: institutions.id })
    ).map((r) => r.id);
    const done: number[] = [];
    const r = await generateReleases(database.db, { count: 2_500, institutionIds: ids, batch: 1_000, onBatch: (n) => done.push(n) });
    expect(r.inserted).toBe(2_500);
    expect(done).toEqual([1_000, 2_000, 2_500]);
    const [visible] = await database.db.select({ n: count() }).from(releases).where(publicReleaseCondition);
    expect(visible!.n).toBe(2_500);
    const [byInstitution] = await database.db.select({ n: count() }).from(releases).where(eq(releases.institutionId, ids[0]!));
    expect(byInstitution!.n).toBe(1_250);
    const [hits] = await database.db
      .select({ n: count() })
      .from(releases)
      .where(and(publicReleaseCondition, sql`${releases.search} @@ websearch_to_tsquery('indonesian', 'jembatan Bukittinggi')`));
    expect(hits!.n).toBeGreaterThan(0);
    const result = await database.db.execute(
      sql`select extract(epoch from max(publish_at) - min(publish_at)) / 86400 / 365 as years from releases`,
    );
    const [span] = (result as unknown as { rows: { years: number }[] }).rows;
    expect(Number(span!.years)).toBeGreaterThan(6.9);
    expect(await deleteGeneratedReleases(database.db)).toBe(2_500);
  });
});
