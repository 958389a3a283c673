import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildActivityInput, buildBudgetLine } from '../../../../test/builders/activity';

/**
 * The activity's lifecycle is enforced on every write of every part: once approved, running or done, its KAK,
 * budget lines, committee and speakers change only after it is taken back to draft (a recorded move); every
 * part's write bumps the activity's version, so a stale one is refused.
 */
let t: TestApp;
let committee: Session;
let admin: Session;
let member: Session;
beforeAll(async () => {
  t = await createTestApp();
  committee = (await sessionFor(t, 'committee')).session;
  admin = (await sessionFor(t, 'admin')).session;
  member = (await sessionFor(t, 'member')).session;
});
afterAll(() => t.close());

type Activity = {
  id: string;
  title: string;
  version: number;
  status: string;
  budgetLines: { id: string }[];
  committee: { id: string }[];
  speakers: { id: string }[];
  can: Record<string, unknown>;
};
const get = async (id: string, s = committee) => (await s.request('GET', `/api/activities/${id}`)).json() as Activity;

/** A complete activity with one row of each part, approved (and optionally moved on). */
async function activityIn(status: 'approved' | 'running' | 'done'): Promise<Activity> {
  const a = (
    await committee.request(
      'POST',
      '/api/activities',
      buildActivityInput({
        budgetLines: [
          buildBudgetLine({ volume: 1, unitPrice: 46_733_000, quarter: 1 }),
          buildBudgetLine({ description: 'Laporan', volume: 32, unitPrice: 50_780, quarter: 2, accountCode: '5.1.02.01.01.0026' }),
        ],
      }),
    )
  ).json() as Activity;
  expect(
    (await committee.request('POST', `/api/activities/${a.id}/committee`, { version: 1, role: 'ketua', name: 'Yusuf Contoh' })).statusCode,
  ).toBe(201);
  expect(
    (await committee.request('POST', `/api/activities/${a.id}/speakers`, { version: 2, name: 'Dr. Andi Contoh', fee: 1_000_000 }))
      .statusCode,
  ).toBe(201);
  const moves = { approved: ['approved'], running: ['approved', 'running'], done: ['approved', 'running', 'done'] }[status];
  let version = 3;
  for (const to of moves) {
    const res = await (to === 'approved' ? admin : committee).request('POST', `/api/activities/${a.id}/status`, { status: to, version });
    expect(res.statusCode, res.body).toBe(200);
    version += 1;
  }
  return get(a.id);
}

/** Every write of every part of an activity, as the API offers them. */
function everyWrite(a: Activity) {
  const v = a.version;
  return {
    'PATCH activity': () => committee.request('PATCH', `/api/activities/${a.id}`, { version: v, title: 'Diubah' }),
    'PATCH kak': () => committee.request('PATCH', `/api/activities/${a.id}`, { version: v, kak: { background: ['Baru'] } }),
    'DELETE activity': () => committee.request('DELETE', `/api/activities/${a.id}?version=${v}`),
    'POST budget line': () => committee.request('POST', `/api/activities/${a.id}/budget-lines`, { ...buildBudgetLine(), version: v }),
    'PATCH budget line': () =>
      committee.request('PATCH', `/api/activities/${a.id}/budget-lines/${a.budgetLines[0]!.id}`, { version: v, description: 'Diubah' }),
    'DELETE budget line': () => committee.request('DELETE', `/api/activities/${a.id}/budget-lines/${a.budgetLines[0]!.id}?version=${v}`),
    'POST committee': () => committee.request('POST', `/api/activities/${a.id}/committee`, { version: v, role: 'anggota', name: 'X' }),
    'PATCH committee': () =>
      committee.request('PATCH', `/api/activities/${a.id}/committee/${a.committee[0]!.id}`, { version: v, name: 'Y' }),
    'DELETE committee': () => committee.request('DELETE', `/api/activities/${a.id}/committee/${a.committee[0]!.id}?version=${v}`),
    'POST speaker': () => committee.request('POST', `/api/activities/${a.id}/speakers`, { version: v, name: 'Z' }),
    'PATCH speaker': () => committee.request('PATCH', `/api/activities/${a.id}/speakers/${a.speakers[0]!.id}`, { version: v, fee: 1 }),
    'DELETE speaker': () => committee.request('DELETE', `/api/activities/${a.id}/speakers/${a.speakers[0]!.id}?version=${v}`),
  };
}

describe('an approved, running or done activity', () => {
  for (const status of ['approved', 'running', 'done'] as const) {
    it(`refuses every edit of every part while ${status}, with 409 saying to reopen it, and changes nothing`, async () => {
      const a = await activityIn(status);
      const auditBefore = (await admin.request('GET', `/api/audit?entityId=${a.id}`)).json().total;
      for (const [name, write] of Object.entries(everyWrite(a))) {
        const res = await write();
        expect(res.statusCode, `${name}: ${res.body}`).toBe(409);
        expect(res.json().error.code, name).toBe('invalid_state');
        expect(res.json().error.message, name).toMatch(/Kegiatan berstatus (Disetujui|Berjalan|Selesai) tidak dapat (diubah|dihapus)/);
      }
      expect(await get(a.id)).toEqual(a);
      expect((await admin.request('GET', `/api/audit?entityId=${a.id}`)).json().total).toBe(auditBefore);
    });
  }

  it('tells the SPA it cannot be edited, and which moves the caller has', async () => {
    const a = await activityIn('approved');
    expect(a.can).toEqual({ update: false, delete: false, copy: true, moveTo: ['running'] });
    expect((await get(a.id, admin)).can).toEqual({ update: false, delete: false, copy: true, moveTo: ['draft', 'running'] });
    const draft = (await committee.request('POST', '/api/activities', buildActivityInput())).json() as Activity;
    expect(draft.can).toEqual({ update: true, delete: true, copy: true, moveTo: [] });
    expect((await get(a.id, member)).can).toEqual({ update: false, delete: false, copy: false, moveTo: [] });
  });

  it('is edited again after the administrator takes it back to draft, a move on the audit trail', async () => {
    const a = await activityIn('approved');
    expect((await committee.request('POST', `/api/activities/${a.id}/status`, { status: 'draft', version: a.version })).statusCode).toBe(
      403,
    );
    const reopened = await admin.request('POST', `/api/activities/${a.id}/status`, { status: 'draft', version: a.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'draft', version: a.version + 1 });
    const edit = await committee.request('PATCH', `/api/activities/${a.id}/budget-lines/${a.budgetLines[1]!.id}`, {
      version: a.version + 1,
      description: 'Penggandaan laporan',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const trail = (await admin.request('GET', `/api/audit?entityType=activity&entityId=${a.id}`)).json().items as {
      action: string;
      before: unknown;
      after: { status?: string };
    }[];
    expect(trail.some((i) => i.action === 'activity.status' && i.after.status === 'draft')).toBe(true);
  });
});

describe('writes of the parts of a draft', () => {
  it('bump the activity version; a stale one is refused with 409 and the current version', async () => {
    const a = (await committee.request('POST', '/api/activities', buildActivityInput())).json() as Activity;
    const line = await committee.request('POST', `/api/activities/${a.id}/budget-lines`, { ...buildBudgetLine(), version: 1 });
    expect(line.statusCode, line.body).toBe(201);
    expect(line.json().activityVersion).toBe(2);
    expect((await get(a.id)).version).toBe(2);
    // Someone who loaded the activity before the line was added saves its KAK: refused.
    const stale = await admin.request('PATCH', `/api/activities/${a.id}`, { version: 1, title: 'Basi' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.currentVersion).toBe(2);
    const staleMember = await committee.request('POST', `/api/activities/${a.id}/committee`, { version: 1, role: 'anggota', name: 'Basi' });
    expect(staleMember.statusCode).toBe(409);
    const staleDelete = await committee.request('DELETE', `/api/activities/${a.id}/budget-lines/${line.json().id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    const now = await get(a.id);
    expect(now).toMatchObject({ version: 2, title: a.title });
    expect(now.committee).toHaveLength(0);
    expect(now.budgetLines).toHaveLength(1);
    const removed = await committee.request('DELETE', `/api/activities/${a.id}/budget-lines/${line.json().id}?version=2`);
    expect(removed.json()).toEqual({ ok: true, activityVersion: 3 });
  });

  it('without the version read are refused with a message saying what to do', async () => {
    const a = (await committee.request('POST', '/api/activities', buildActivityInput())).json() as Activity;
    const res = await committee.request('POST', `/api/activities/${a.id}/speakers`, { name: 'Tanpa versi' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.version).toMatch(/Versi data wajib dikirim/);
    expect((await committee.request('DELETE', `/api/activities/${a.id}`)).statusCode).toBe(400);
    expect((await get(a.id)).speakers).toHaveLength(0);
  });

  it('race: of two concurrent saves on one version exactly one wins', async () => {
    const a = (await committee.request('POST', '/api/activities', buildActivityInput())).json() as Activity;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        committee.request('POST', `/api/activities/${a.id}/committee`, { version: 1, role: 'anggota', name: `Anggota ${i}` }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await get(a.id)).committee).toHaveLength(1);
  });
});
