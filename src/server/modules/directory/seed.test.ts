import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq } from 'drizzle-orm';
import { createTestApp, sessionFor, type TestApp } from '../../../../test/helpers/testApp';
import { auditLog, institutions, officers } from '../../db/schema/index';
import { seedReferenceInstitutions } from '../../seed/referenceInstitutions';
import { seedDemoOfficers } from '../../seed/demoOfficers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const expectedCodes = [
  ...Array.from({ length: 12 }, (_, i) => `13.${String(i + 1).padStart(2, '0')}`),
  '13.71',
  '13.72',
  '13.73',
  '13.74',
  '13.75',
  '13.76',
  '13.77',
];

describe('reference and demo data', () => {
  it('seeds the 19 regencies and cities of West Sumatra with their Kemendagri codes, once', async () => {
    const first = await seedReferenceInstitutions(t.database.db);
    const second = await seedReferenceInstitutions(t.database.db);
    expect(first.inserted).toBeGreaterThan(30);
    expect(second).toEqual({ inserted: 0, existing: first.inserted });
    const regencies = await t.database.db
      .select()
      .from(institutions)
      .where(eq(institutions.category, 'regency_city'))
      .orderBy(asc(institutions.regionCode));
    expect(regencies.map((r) => r.regionCode)).toEqual(expectedCodes);
    expect(regencies.find((r) => r.regionCode === '13.71')).toMatchObject({ name: 'Pemerintah Kota Padang', shortName: 'Pemko Padang' });
    expect(regencies.find((r) => r.regionCode === '13.06')).toMatchObject({ name: 'Pemerintah Kabupaten Agam', shortName: 'Pemkab Agam' });
    expect(regencies.filter((r) => r.name.startsWith('Pemerintah Kabupaten '))).toHaveLength(12);
    const [bureau] = await t.database.db.select().from(institutions).where(eq(institutions.category, 'bureau'));
    expect(bureau!.name).toContain('Sumatera Barat');
    const seeds = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'directory.seed'));
    expect(seeds).toHaveLength(1);
    expect(seeds[0]!.after).toMatchObject({ kind: 'reference', inserted: first.inserted });
  });

  it('finds seeded members by search whatever the case', async () => {
    const { session } = await sessionFor(t, 'committee');
    const find = async (q: string) =>
      (await session.request('GET', `/api/institutions?q=${encodeURIComponent(q)}`)).json().items.map((i: { name: string }) => i.name);
    expect(await find('universitas andalas')).toEqual(['Universitas Andalas']);
    expect(await find('sawahlunto')).toEqual(['Pemerintah Kota Sawahlunto']);
    expect(await find('13.77')).toEqual(['Pemerintah Kota Pariaman']);
    expect(await find('pemko padang')).toEqual(['Pemerintah Kota Padang', 'Pemerintah Kota Padang Panjang']);
  });

  it('adds two fictional officers per institution, one of them the main contact, only once', async () => {
    const first = await seedDemoOfficers(t.database.db);
    expect((await seedDemoOfficers(t.database.db)).inserted).toBe(0);
    const [inst] = await t.database.db.select({ n: count() }).from(institutions);
    expect(first.inserted).toBe(inst!.n * 2);
    const [all] = await t.database.db.select({ n: count() }).from(officers);
    expect(all!.n).toBe(first.inserted);
    const [mains] = await t.database.db.select({ n: count() }).from(officers).where(eq(officers.isMainContact, true));
    expect(mains!.n).toBe(inst!.n);
    const sample = await t.database.db
      .select()
      .from(officers)
      .where(and(eq(officers.isMainContact, true)))
      .limit(5);
    expect(sample.every((o) => o.email!.endsWith('@example.org'))).toBe(true);
  });
});
