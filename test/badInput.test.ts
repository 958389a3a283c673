import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type Session, type TestApp } from './helpers/testApp';

/**
 * Sends a batch of malformed requests to every write route listed in the OpenAPI document and checks
 * that none makes the server answer 500: a client mistake always gets a 4xx that says what to fix.
 */
let t: TestApp;
let admin: Session;
type Operation = {
  method: string;
  path: string;
  url: string;
  bodySchema?: { properties?: Record<string, { type?: string }> };
  multipart: boolean;
};
let writeOps: Operation[] = [];

// Routes anyone may call without a session (they authenticate the caller themselves).
// Routes whose credential is in the request itself (a password, a one-time link, an RSVP link): no session needed.
const publicWrites = [
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/password-reset/request',
  '/api/auth/password-reset',
  '/api/auth/invitation/accept',
  '/api/rsvp/{token}',
  '/api/rsvp/{token}/delegates',
  '/api/forum/unsubscribe',
  '/api/tickets/{token}/survey', // the ticket token is the credential
];

beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
  const doc = (
    t.app as unknown as {
      swagger: () => {
        paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Operation['bodySchema'] }> } }>>;
      };
    }
  ).swagger();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      writeOps.push({
        method: method.toUpperCase(),
        path,
        url: path.replace(/\{[^}]+\}/g, '8f1c1a1e-0000-4000-8000-000000000000'),
        bodySchema: content['application/json']?.schema,
        multipart: path.includes('import') || path.includes('logo') || !!content['multipart/form-data'],
      });
    }
  }
});
afterAll(() => t.close());

function payloadsFor(op: Operation): { label: string; body: string; contentType: string }[] {
  const props = Object.entries(op.bodySchema?.properties ?? {});
  const longStrings = Object.fromEntries(props.map(([k]) => [k, 'x'.repeat(100_000)]));
  const wrongTypes = Object.fromEntries(props.map(([k, s]) => [k, s.type === 'string' ? 12345 : 'bukan-angka']));
  return [
    { label: 'malformed JSON', body: '{"nama": ', contentType: 'application/json' },
    { label: 'JSON array', body: '[1,2,3]', contentType: 'application/json' },
    { label: 'JSON string', body: '"teks"', contentType: 'application/json' },
    { label: 'null', body: 'null', contentType: 'application/json' },
    { label: 'unknown field', body: JSON.stringify({ medanTakDikenal: 1 }), contentType: 'application/json' },
    { label: 'wrong types', body: JSON.stringify(wrongTypes), contentType: 'application/json' },
    { label: 'over-long strings', body: JSON.stringify(longStrings), contentType: 'application/json' },
    { label: 'deeply nested', body: '{"a":'.repeat(500) + '1' + '}'.repeat(500), contentType: 'application/json' },
    { label: 'plain text', body: 'halo', contentType: 'text/plain' },
    {
      label: 'fake multipart',
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nbukan docx\r\n--x--\r\n',
      contentType: 'multipart/form-data; boundary=x',
    },
    { label: 'multipart without boundary', body: 'abc', contentType: 'multipart/form-data' },
  ];
}

describe('bad input never causes a server error', () => {
  it('covers the write routes', () => {
    expect(writeOps.length).toBeGreaterThan(5);
  });

  it('answers 4xx to every malformed request on every write route', async () => {
    const failures: string[] = [];
    for (const op of writeOps) {
      for (const p of payloadsFor(op)) {
        const res = await admin.request(op.method, op.url, p.body, { 'content-type': p.contentType });
        if (res.statusCode >= 500) failures.push(`${op.method} ${op.path} [${p.label}] -> ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode < 400 && p.label !== 'unknown field' && p.label !== 'null' && op.bodySchema) {
          // A body-taking route that accepted garbage would be a validation hole.
          failures.push(`${op.method} ${op.path} [${p.label}] accepted with ${res.statusCode}`);
        }
        if (res.statusCode >= 400) {
          const body = res.json() as { error?: { message?: string } };
          if (!body.error?.message) failures.push(`${op.method} ${op.path} [${p.label}] -> ${res.statusCode} without an error message`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a non-UUID id with 4xx, not 500', async () => {
    const failures: string[] = [];
    for (const op of writeOps.filter((o) => o.path.includes('{'))) {
      const res = await admin.request(op.method, op.path.replace(/\{[^}]+\}/g, 'bukan-uuid'), '{}', { 'content-type': 'application/json' });
      if (res.statusCode >= 500) failures.push(`${op.method} ${op.path} -> ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const op = writeOps.find((o) => o.path === '/api/users')!;
    const res = await admin.request(op.method, op.url, JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }), {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(413);
  });

  it('requires a session on every non-public write route', async () => {
    const open: string[] = [];
    for (const op of writeOps.filter((o) => !publicWrites.includes(o.path))) {
      const res = await t.app.inject({ method: op.method as 'POST', url: op.url, payload: {} });
      if (res.statusCode !== 401) open.push(`${op.method} ${op.path} -> ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
