import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../../test/helpers/documents';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../test/helpers/testApp';
import { meetings } from '../db/schema/index';
import { seedDemo } from './index';
import { seedDemoMaterials } from './demoMaterials';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  admin = (await sessionFor(t, 'admin')).session;
}, 240_000);
afterAll(() => t.close());

describe('demo materials of the 2019 meeting', () => {
  it('puts real PDF and DOCX files on the speakers’ sessions, once', async () => {
    const [meeting] = await t.database.db.select().from(meetings).where(eq(meetings.startDate, '2019-03-14'));
    const list = (await admin.request('GET', `/api/meetings/${meeting!.id}/materials`)).json();
    const withMaterials = list.sessions.filter((s: { materials: unknown[] }) => s.materials.length);
    expect(withMaterials.map((s: { title: string }) => s.title)).toEqual([
      'Pembukaan dan arahan',
      'Isu kehumasan terkini',
      'Strategi komunikasi publik dan penanganan hoaks',
    ]);
    for (const s of withMaterials) {
      const m = s.materials[0];
      const file = await admin.request('GET', `/api/materials/${m.id}/file`);
      expect(file.statusCode).toBe(200);
      expect((await fileTypeFromBuffer(file.rawPayload))?.mime).toBe(m.mime);
      if (m.mime === 'application/pdf') expect(pdfPages(file.rawPayload).join(' ')).toContain('fiktif');
    }
    expect(await seedDemoMaterials(t.database.db, meeting!.id)).toEqual({ created: false });
  });
});
