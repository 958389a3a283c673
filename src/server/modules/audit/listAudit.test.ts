import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, loginAs, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { auditLog } from '../../db/schema/index';
import { buildInstitution } from '../../../../test/builders/directory';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t, 'admin', { name: 'Rahmat Admin Audit' });
  admin = await loginAs(t, user.email);
});
afterAll(() => t.close());

type Entry = {
  action: string;
  actionLabel: string;
  entityLabel: string;
  actorName: string | null;
  entityName: string | null;
  actorLabel: string;
};

describe("audit trail in people's words", () => {
  it('labels the action and entity in Indonesian and names the actor and the institution', async () => {
    const inst = await buildInstitution(t, { name: 'Dinas Jejak Audit' });
    const res = await admin.request('PATCH', `/api/institutions/${inst.id}`, { address: 'Jl. Audit 1', version: inst.version });
    expect(res.statusCode).toBe(200);
    const list = await admin.request('GET', `/api/audit?entityType=institution&entityId=${inst.id}`);
    expect(list.statusCode).toBe(200);
    const [entry] = list.json().items as Entry[];
    expect(entry).toMatchObject({
      action: 'institution.update',
      actionLabel: 'Lembaga diubah',
      entityLabel: 'Lembaga',
      actorName: 'Rahmat Admin Audit',
      entityName: 'Dinas Jejak Audit',
    });
  });

  it('names a row that is gone by what the entry recorded, and shows an unknown code as it is', async () => {
    const goneId = randomUUID();
    await t.database.db.insert(auditLog).values([
      {
        actorLabel: 'sistem',
        action: 'activity.delete',
        entityType: 'activity',
        entityId: goneId,
        before: { title: 'Rapat Koordinasi Lama' },
      },
      { actorLabel: 'sistem', action: 'something.new', entityType: 'thing', entityId: 'x-1' },
    ]);
    const deleted = (await admin.request('GET', `/api/audit?entityId=${goneId}`)).json().items as Entry[];
    expect(deleted[0]).toMatchObject({
      actionLabel: 'Kegiatan dihapus',
      entityLabel: 'Kegiatan',
      entityName: 'Rapat Koordinasi Lama',
      actorName: null,
    });
    const unknown = (await admin.request('GET', '/api/audit?entityId=x-1')).json().items as Entry[];
    expect(unknown[0]).toMatchObject({ actionLabel: 'something.new', entityLabel: 'thing', entityName: null });
  });
});
