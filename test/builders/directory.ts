import type { TestApp } from '../helpers/testApp';
import { institutions, officers } from '../../src/server/db/schema/index';
import { institutionSearchText } from '../../src/server/modules/directory/institutions';
import { officerSearchText } from '../../src/server/modules/directory/officers';

let seq = 0;

/** Inserts an institution straight into the database (no audit), for tests that need one to exist. */
export async function buildInstitution(t: TestApp, over: Partial<typeof institutions.$inferInsert> = {}) {
  seq += 1;
  const v = { name: `Lembaga Uji ${seq} ${Date.now()}`, shortName: null, category: 'bumd', regionCode: null, ...over };
  const [row] = await t.database.db
    .insert(institutions)
    .values({ ...v, searchText: institutionSearchText(v) })
    .returning();
  return row!;
}

export async function buildOfficer(t: TestApp, institutionId: string, over: Partial<typeof officers.$inferInsert> = {}) {
  seq += 1;
  const v = { institutionId, name: `Petugas Uji ${seq}`, email: `petugas${seq}-${Date.now()}@example.org`, ...over };
  const [row] = await t.database.db
    .insert(officers)
    .values({ ...v, searchText: officerSearchText(v) })
    .returning();
  return row!;
}

/** A multipart/form-data body as a browser would send it. */
export async function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer | string; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append(
      'file',
      new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], {
        type: file.type ?? 'application/octet-stream',
      }),
      file.name,
    );
  const request = new Request('http://simpul.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}
