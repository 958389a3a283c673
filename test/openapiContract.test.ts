import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type TestApp } from './helpers/testApp';

/**
 * The API's contract is its OpenAPI document (GET /api/openapi.json, built from the routes' zod schemas).
 * These tests walk the document of the app as built, so a route added later is checked the same way.
 */

type Schema = {
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
};
type Operation = {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

const methods = ['get', 'post', 'put', 'patch', 'delete'];

function operations(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, path, op })),
  );
}

function successResponses(op: Operation) {
  return Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
}

/** The JSON answer schema of the first 2xx response, if the operation answers JSON. */
function jsonAnswer(op: Operation): Schema | undefined {
  for (const [, r] of successResponses(op)) {
    const s = r.content?.['application/json']?.schema;
    if (s) return s;
  }
  return undefined;
}

/** Paths of keys in `value` that `schema` does not list (what would have leaked past the contract). */
function undocumentedKeys(value: unknown, schema: Schema | undefined, at = '$'): string[] {
  if (!schema || value === null || value === undefined) return [];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length) {
    const results = branches.map((b) => undocumentedKeys(value, b, at));
    return schema.allOf ? results.flat() : (results.find((r) => r.length === 0) ?? results[0]!);
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => undocumentedKeys(v, schema.items, `${at}[${i}]`));
  if (typeof value !== 'object' || !schema.properties) return [];
  // A free-form object (e.g. an audit row's before/after) is documented as such.
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    k in schema.properties! ? undocumentedKeys(v, schema.properties![k], `${at}.${k}`) : [`${at}.${k}`],
  );
}

let t: TestApp;
let doc: Document;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as Document;
});
afterAll(async () => {
  await t?.close();
});

describe('OpenAPI document', () => {
  it('describes the API (every route under /api except the document itself)', () => {
    const names = operations(doc).map((o) => o.name);
    expect(names.length).toBeGreaterThan(40);
    expect(names).toContain('GET /api/auth/me');
    expect(names).toContain('GET /api/activities/{id}/kak.pdf');
    expect(names.every((n) => n.split(' ')[1]!.startsWith('/api/'))).toBe(true);
  });

  it('declares a 2xx answer with a schema for every operation', () => {
    const missing = operations(doc)
      .filter(({ op }) => {
        const ok = successResponses(op);
        // @fastify/swagger writes `200: { description: 'Default Response' }` without content for a route that declares no response.
        return (
          ok.length === 0 || !ok.some(([, r]) => Object.values(r.content ?? {}).some((c) => c.schema && Object.keys(c.schema).length > 0))
        );
      })
      .map((o) => o.name);
    expect(missing, 'routes without `response: { 2xx: schema }`').toEqual([]);
  });

  it('documents file answers (DOCX, PDF, XLSX, images) by their content type as binary', () => {
    const files = operations(doc).flatMap(({ name, op }) =>
      successResponses(op).flatMap(([, r]) =>
        Object.entries(r.content ?? {})
          .filter(([type]) => type !== 'application/json')
          .map(([type, c]) => ({ name, type, format: c.schema?.format })),
      ),
    );
    expect(files.map((f) => `${f.name} ${f.type}`)).toEqual(
      expect.arrayContaining([
        'GET /api/activities/{id}/kak.pdf application/pdf',
        'GET /api/activities/{id}/kak.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'GET /api/directory/export.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'GET /api/institutions/{id}/logo image/png',
        'GET /api/settings/organisation/logo image/jpeg',
      ]),
    );
    expect(files.filter((f) => f.format !== 'binary')).toEqual([]);
  });

  it('pages every list the same way: ?limit=&offset= answered with { items, total } (keyset lists: ?limit=&cursor= with { items, nextCursor })', () => {
    const lists = operations(doc).filter(({ method, op }) => {
      const s = jsonAnswer(op);
      return method === 'get' && s?.properties?.items?.type === 'array';
    });
    expect(lists.map((l) => l.name)).toEqual(
      expect.arrayContaining(['GET /api/activities', 'GET /api/audit', 'GET /api/institutions', 'GET /api/officers', 'GET /api/users']),
    );
    const unpaged = lists
      .filter(({ op }) => {
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const s = jsonAnswer(op)!;
        // Keyset lists (where the issue asks for them: page 500 costs what page 1 costs) page by ?limit=&cursor=
        // answered with { items, nextCursor } (null on the last page) instead.
        if (query.includes('cursor')) return !query.includes('limit') || !s.properties?.nextCursor || !s.required?.includes('nextCursor');
        return !query.includes('limit') || !query.includes('offset') || !s.properties?.total || !s.required?.includes('total');
      })
      .map((l) => l.name);
    // A short list that is always shown whole (e.g. one institution's officers) may go unpaged: it says so here.
    expect(unpaged.filter((n) => !unpagedOnPurpose.has(n))).toEqual([]);
  });
});

/** Lists answered whole on purpose (bounded by nature), so the SPA need not page them: each says why. */
const unpagedOnPurpose = new Map([
  ['GET /api/institutions/{id}/officers', 'the officers of one institution: a handful, shown whole on its page'],
  ['GET /api/jobs/queues', 'one row per queue the code defines'],
  ['GET /api/forum/categories', 'the forum categories: a handful, administrators edit the list'],
  [
    'GET /api/meetings/{meetingId}/check-in/search',
    'the best matches for the check-in desk (limit up to 50, total = all matches), never paged through',
  ],
]);

describe('answers', () => {
  it('carry only what the document lists (fastify serializes with the response schema)', async () => {
    const { session } = await sessionFor(t, 'admin');
    await session.request('POST', '/api/activities', { title: 'Kontrak API', fiscalYear: 2031 });
    const checked: string[] = [];
    for (const { name, path, op } of operations(doc)) {
      if (!name.startsWith('GET ') || path.includes('{')) continue;
      const schema = jsonAnswer(op);
      if (!schema) continue;
      const res = await session.request('GET', path);
      if (res.statusCode !== 200) continue;
      expect(undocumentedKeys(res.json(), schema), name).toEqual([]);
      checked.push(name);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /api/auth/me',
        'GET /api/users',
        'GET /api/audit',
        'GET /api/activities',
        'GET /api/settings/organisation',
      ]),
    );
  });
});

describe('paging', () => {
  it('pages activities, the audit trail and accounts by limit and offset, with the total of all rows', async () => {
    const { session } = await sessionFor(t, 'admin');
    for (const title of ['Paging A', 'Paging B', 'Paging C']) {
      expect((await session.request('POST', '/api/activities', { title, fiscalYear: 2040 })).statusCode).toBe(201);
    }
    const first = (await session.request('GET', '/api/activities?year=2040&limit=2')).json();
    const second = (await session.request('GET', '/api/activities?year=2040&limit=2&offset=2')).json();
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect([...first.items, ...second.items].map((a: { title: string }) => a.title)).toEqual(['Paging A', 'Paging B', 'Paging C']);

    const audit = (await session.request('GET', '/api/audit?action=activity.create&limit=1&offset=1')).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.total).toBeGreaterThanOrEqual(3);

    await sessionFor(t, 'committee');
    const users = (await session.request('GET', '/api/users?limit=1')).json();
    expect(users.items).toHaveLength(1);
    expect(users.total).toBeGreaterThanOrEqual(2);
  });

  it('refuses a page larger than 200 rows the same way everywhere', async () => {
    const { session } = await sessionFor(t, 'admin');
    for (const path of ['/api/activities', '/api/audit', '/api/users', '/api/institutions', '/api/officers']) {
      const res = await session.request('GET', `${path}?limit=500`);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.fields.limit, path).toMatch(/200/);
    }
  });
});
