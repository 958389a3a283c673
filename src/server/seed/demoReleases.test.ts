import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testPassword, type TestApp } from '../../../test/helpers/testApp';
import { hashPassword } from '../core/passwords';
import { releaseImages, releases, users } from '../db/schema/index';
import { publicReleaseCondition } from '../modules/releases/visibility';
import { seedDemo } from './index';
import { seedDemoReleases } from './demoReleases';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(() => t.close());

describe('demo releases', () => {
  it('holds a few dozen releases from several institutions in every state, some with photos; runs once', async () => {
    const rows = await t.database.db.select({ status: releases.status, institutionId: releases.institutionId }).from(releases);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r) => r.institutionId)).size).toBeGreaterThanOrEqual(6);
    const byStatus = (s: string) => rows.filter((r) => r.status === s).length;
    expect(byStatus('published')).toBeGreaterThanOrEqual(25);
    expect(byStatus('scheduled')).toBe(1);
    expect(byStatus('rejected')).toBe(1);
    expect(byStatus('draft')).toBeGreaterThanOrEqual(2);
    const [visible] = await t.database.db.select({ n: count() }).from(releases).where(publicReleaseCondition);
    expect(visible!.n).toBe(byStatus('published'));
    const [scheduled] = await t.database.db.select().from(releases).where(eq(releases.status, 'scheduled'));
    expect(scheduled!.publishAt!.getTime()).toBeGreaterThan(Date.now());
    const jobs = await t.database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'release_publish' and data->>'releaseId' = ${scheduled!.id}`,
    );
    expect((jobs as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    expect(await seedDemoReleases(t.database.db)).toEqual({ inserted: 0 });
  });

  it("serves the photos to the public and shows the review queue to an institution's editor", async () => {
    const [image] = await t.database.db
      .select({ variants: releaseImages.variants })
      .from(releaseImages)
      .innerJoin(releases, eq(releases.id, releaseImages.releaseId))
      .where(eq(releases.slug, 'gubernur-sumbar-buka-rapat-koordinasi-kehumasan-se-sumatera-barat'));
    const [first] = image!.variants as { fileId: string }[];
    const res = await t.app.inject({ method: 'GET', url: `/media/rilis/${first!.fileId}/foto.webp` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    await t.database.db
      .update(users)
      .set({ passwordHash: await hashPassword(testPassword) })
      .where(eq(users.email, 'fajar.humas@padang.demo.simpul.local'));
    const editor = await loginAs(t, 'fajar.humas@padang.demo.simpul.local');
    const queue = (await editor.request('GET', '/api/releases?queue=review')).json();
    expect(queue.items.map((i: { title: string }) => i.title)).toEqual(['Padang Siapkan Posko Mudik di Lima Titik Masuk Kota']);
  });
});
