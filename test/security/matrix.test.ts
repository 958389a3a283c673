import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutions, officers, users } from '../../src/server/db/schema/index';
import { buildInstitution, buildOfficer } from '../builders/directory';
import { createTestApp, createUser, loginAs, type Session, type TestApp } from '../helpers/testApp';
import { openApiOps, sample, type Op } from './support';

/**
 * The role x route matrix: every operation of the OpenAPI document, called by a member officer of institution A
 * (and by a speaker) with the ids of institution B's rows in every path parameter, in `institutionId` query
 * parameters and in the bodies of writes. No answer may carry B's private data (its officer's name, e-mail,
 * phone and NIP; its member user's e-mail), and B's rows must be unchanged afterwards: 0 leaks.
 */
const secret = {
  officerName: 'Rahasia Petugas Lembaga B',
  officerEmail: 'rahasia.petugas.b@example.org',
  phone: '+6281299990001',
  nip: '199001012015011999',
  userEmail: 'anggota.rahasia.b@example.org',
};

let t: TestApp;
let ops: Op[];
let b: { institution: string; officer: string; user: string };
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  const instA = await buildInstitution(t, { name: 'Lembaga A Matriks' });
  const instB = await buildInstitution(t, { name: 'Lembaga B Matriks' });
  const officerB = await buildOfficer(t, instB.id, {
    name: secret.officerName,
    email: secret.officerEmail,
    phone: secret.phone,
    nip: secret.nip,
  });
  const userB = await createUser(t, 'member', { institutionId: instB.id, email: secret.userEmail });
  b = { institution: instB.id, officer: officerB.id, user: userB.id };
  await buildOfficer(t, instA.id, { name: 'Petugas Lembaga A' });
  sessions.member = await loginAs(t, (await createUser(t, 'member', { institutionId: instA.id })).email);
  sessions.speaker = await loginAs(t, (await createUser(t, 'speaker')).email);
  ops = openApiOps(t.app);
}, 60_000);
afterAll(() => t.close());

async function snapshot() {
  const [inst] = await t.database.db.select().from(institutions).where(eq(institutions.id, b.institution));
  const offs = await t.database.db.select().from(officers).where(eq(officers.institutionId, b.institution));
  const [user] = await t.database.db
    .select({ email: users.email, name: users.name, role: users.role, active: users.active, institutionId: users.institutionId })
    .from(users)
    .where(eq(users.id, b.user));
  return { inst, offs, user };
}

const leaks = (body: string) => Object.values(secret).filter((s) => body.toLowerCase().includes(s.toLowerCase()));

describe('role x route matrix with ids of another institution', () => {
  for (const role of ['member', 'speaker']) {
    it(`a ${role} learns nothing of institution B and changes none of its rows`, async () => {
      const before = await snapshot();
      const found: string[] = [];
      let sent = 0;
      // Logging out or changing the password would end the session the matrix runs in.
      for (const op of ops.filter((o) => !/\/auth\/(logout|password)$/.test(o.path))) {
        for (const id of [b.institution, b.officer, b.user]) {
          const url =
            op.path.replace(/\{[^}]+\}/g, id) + (op.query.some(([n]) => n === 'institutionId') ? `?institutionId=${b.institution}` : '');
          const body = op.body
            ? sample(op.body, { institution: b.institution, officer: b.officer, user: b.user, activity: id })
            : undefined;
          const res = await sessions[role]!.request(op.method, url, body);
          sent += 1;
          const leaked = leaks(res.body);
          if (leaked.length) found.push(`${op.method} ${url} -> ${res.statusCode}: ${leaked.join(', ')}`);
          if (res.statusCode >= 500) found.push(`${op.method} ${url} -> ${res.statusCode}`);
          if (!op.path.includes('{')) break; // one call is enough for a route without ids
        }
      }
      console.info(`matrix (${role}): ${sent} requests, ${found.length} leaks`);
      expect(sent).toBeGreaterThan(100);
      expect(found).toEqual([]);
      expect(await snapshot()).toEqual(before);
    }, 300_000);
  }

  it('is a real check: a committee member, who may read every officer, does see the marker', async () => {
    const committee = await loginAs(t, (await createUser(t, 'committee')).email);
    const res = await committee.request('GET', `/api/officers/${b.officer}`);
    expect(res.statusCode).toBe(200);
    expect(leaks(res.body)).toContain(secret.officerName);
  });
});
