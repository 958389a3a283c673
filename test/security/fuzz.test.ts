import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActivityInput } from '../builders/activity';
import { multipart } from '../builders/directory';
import { createTestApp, sessionFor, type Session, type TestApp } from '../helpers/testApp';
import { openApiOps, sample, stringLeaves, withLeaf, type Op } from './support';

/**
 * The fuzz batch: NUL and other control characters in every string field of every write route (and in the string
 * query parameters of every read route), one field at a time in an otherwise plausible body built from the
 * OpenAPI document, with ids of rows that exist. No answer may be a 5xx (PostgreSQL refuses NUL in text: before
 * the fix, 15 write routes answered 500), and a refused text field says why in Indonesian.
 */

const poisons = ['\u0000', 'Nama\u0000Sisipan', 'a\u0001b\u0008c\u001bd', 'teks\u007f', '\u0000'.repeat(50)];

let t: TestApp;
let admin: Session;
const ops: Op[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const a = await sessionFor(t, 'admin');
  admin = a.session;
  ids.user = a.user.id;
  const inst = await admin.request('POST', '/api/institutions', { name: 'Lembaga Fuzz', category: 'bumd' });
  expect(inst.statusCode, inst.body).toBe(201);
  ids.institution = inst.json().id;
  const officer = await admin.request('POST', '/api/officers', { institutionId: ids.institution, name: 'Petugas Fuzz' });
  expect(officer.statusCode, officer.body).toBe(201);
  ids.officer = officer.json().id;
  const activity = await admin.request('POST', '/api/activities', buildActivityInput());
  expect(activity.statusCode, activity.body).toBe(201);
  ids.activity = activity.json().id;
  ops.push(...openApiOps(t.app));
}, 60_000);
afterAll(() => t.close());

/** A real id for a path parameter, from the resource the path names (a random one for rows not made here). */
function urlOf(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string, offset: number) => {
    const before = path.slice(0, offset);
    if (name !== 'id') return '8f1c1a1e-0000-4000-8000-000000000000';
    if (before.startsWith('/api/institutions')) return ids.institution!;
    if (before.startsWith('/api/officers')) return ids.officer!;
    if (before.startsWith('/api/activities')) return ids.activity!;
    if (before.startsWith('/api/users')) return ids.user!;
    return '8f1c1a1e-0000-4000-8000-000000000000';
  });
}

describe('control characters never cause a server error', () => {
  it('answers every JSON write route with a 4xx or a success, never a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    let refusedWithReason = 0;
    let unauthenticated = 0;
    // Logging out would end the session the batch runs in.
    for (const op of ops.filter((o) => o.body && o.method !== 'GET' && !o.path.endsWith('/logout'))) {
      const base = sample(op.body, ids);
      for (const leaf of stringLeaves(base)) {
        for (const poison of poisons) {
          const res = await admin.request(op.method, urlOf(op.path), withLeaf(base, leaf, poison));
          sent += 1;
          if (res.statusCode >= 500)
            failures.push(
              `${op.method} ${op.path} ${leaf.join('.')}=${JSON.stringify(poison)} -> ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          if (res.statusCode === 400 && /karakter/.test(res.body)) refusedWithReason += 1;
          if (res.statusCode === 401 && !/auth\/(login|password)/.test(op.path)) unauthenticated += 1;
        }
      }
    }
    console.info(`fuzz: ${sent} JSON writes, ${refusedWithReason} refused as control characters, ${failures.length} 5xx`);
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
    expect(refusedWithReason).toBeGreaterThan(sent / 2);
    expect(unauthenticated).toBe(0); // the session stayed valid, so every route was really reached
  }, 600_000);

  it('answers string query parameters of every read route with NUL without a 5xx', async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.method === 'GET' && o.query.length)) {
      for (const [name] of op.query) {
        for (const poison of poisons) {
          const url = `${urlOf(op.path)}?${new URLSearchParams({ [name]: poison })}`;
          const res = await admin.request('GET', url);
          if (res.statusCode >= 500) failures.push(`GET ${url} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers uploads whose file name or fields hold control characters without a 5xx', async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.multipart && o.method === 'POST')) {
      for (const poison of poisons) {
        const body = await multipart(
          { mode: poison },
          { name: `berkas${poison}.xlsx`, content: Buffer.from(`Jenis,Nama\nlembaga,${poison}\n`) },
        );
        const res = await admin.request('POST', urlOf(op.path), body.payload, body.headers);
        if (res.statusCode >= 500)
          failures.push(`POST ${op.path} ${JSON.stringify(poison)} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('refuses NUL in an invitation acceptance with a 400 that names the field (it answered 500 and logged the hash)', async () => {
    const { session: admin } = await sessionFor(t, 'admin');
    const invited = await admin.request('POST', '/api/users', {
      email: `undangan-${Date.now()}@example.org`,
      name: 'Petugas Undangan',
      role: 'committee',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const link = (await admin.request('POST', `/api/users/${invited.json().id}/invitation`, { send: false })).json().link as string;
    const token = new URL(link).searchParams.get('token')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, name: 'Nama\u0000Baru', password: 'pilihan-sendiri-1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.name).toBe('Isian mengandung karakter kontrol yang tidak diizinkan (mis. karakter NUL)');
  });
});
