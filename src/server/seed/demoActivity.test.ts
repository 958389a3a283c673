import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, ctxFor, type TestApp } from '../../../test/helpers/testApp';
import { activities } from '../db/schema/index';
import { getActivity } from '../modules/activities/getActivity';
import { demoCommitteeDecree, seedDemoActivity } from './demoActivity';
import { seedDemo } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo activity: Koordinasi Kehumasan 2019', () => {
  it('is created once, however often the demo is seeded', async () => {
    const first = await seedDemoActivity(t.database.db);
    await seedDemo(t.database.db);
    const again = await seedDemoActivity(t.database.db);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await t.database.db.select({ id: activities.id }).from(activities).where(eq(activities.fiscalYear, 2019))).toHaveLength(1);
  });

  it('is done, passes every check, and its budget lines add up to the quarters of the KAK', async () => {
    const { id } = await seedDemoActivity(t.database.db);
    const admin = await createUser(t, 'admin');
    const a = await getActivity(ctxFor(t, admin), id);
    expect(a).toMatchObject({ title: 'Koordinasi Kehumasan', fiscalYear: 2019, status: 'done', committeeDecree: demoCommitteeDecree });
    expect(a.checks).toEqual({ errors: [], warnings: [] });
    const quarter = (q: number) => a.budgetLines.reduce((s, l) => s + l.quarterPlan[q]!, 0);
    expect([quarter(0), quarter(1), quarter(2), quarter(3)]).toEqual([46_733_000, 1_624_960, 0, 0]);
    expect(a.budgetLines.map((l) => l.description)).toEqual(
      expect.arrayContaining(['Honorarium narasumber', 'Spanduk kegiatan', 'Alat tulis kantor']),
    );
    expect(a.committee.map((m) => m.role)).toEqual([
      'pengarah',
      'penanggung_jawab',
      'ketua',
      'sekretaris',
      'anggota',
      'anggota',
      'anggota',
    ]);
    expect(a.speakers).toHaveLength(3);
    const speakerLine = a.budgetLines.find((l) => l.description === 'Honorarium narasumber')!;
    expect(a.speakers.every((s) => s.budgetLineId === speakerLine.id && s.status === 'confirmed')).toBe(true);
    expect(a.speakers.reduce((s, sp) => s + (sp.fee ?? 0), 0)).toBe(speakerLine.amount);
  });
});
