import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/testApp';
import { contentSecurityPolicy } from '../../core/securityHeaders';
import { institutions } from '../../db/schema/directory';
import { invalidatePortal, portalTags } from './invalidation';

let t: TestApp;
let port: number;

type Raw = { status: number; headers: Record<string, string>; body: Buffer };
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Headers that depend on the moment or the connection, not on the page. */
const volatile = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const stable = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => !volatile.has(k)));

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://simpul.test' } });
  await t.database.db
    .insert(institutions)
    .values({ name: 'Kota Bukittinggi', category: 'regency_city', active: true, searchText: 'kota bukittinggi' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

describe('portal fast path', () => {
  it('serves a cached page with the same headers as the Fastify route, security headers included', async () => {
    const first = await get('/anggota', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    const second = await get('/anggota', { 'accept-encoding': 'br' });
    expect(second.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(second.headers).toMatchObject({
      'content-encoding': 'br',
      'cache-control': 'public, max-age=60, stale-while-revalidate=600',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'same-origin',
      'strict-transport-security': 'max-age=31536000',
    });
    expect(second.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(brotliDecompressSync(second.body).toString()).toContain('Kota Bukittinggi');
    // The stylesheet still answers through Fastify with its own headers.
    expect((await get('/public/site.css')).headers['content-type']).toContain('text/css');
  });

  it('answers 304 to If-None-Match and If-Modified-Since, and HEAD without a body', async () => {
    const page = await get('/anggota');
    const etag = page.headers.etag!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const revalidated = await get('/anggota', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.headers['cache-control']).toContain('stale-while-revalidate');
    expect((await get('/anggota', { 'if-modified-since': page.headers['last-modified']! })).status).toBe(304);
    expect((await get('/anggota', { 'if-none-match': '"stale"' })).status).toBe(200);
    const head = await get('/anggota', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.etag).toBe(etag);
    expect(head.body.length).toBe(0);
    // The Fastify route (app.inject never takes the fast path) agrees.
    const injected = await t.app.inject({ method: 'GET', url: '/anggota', headers: { 'if-none-match': etag } });
    expect(injected.statusCode).toBe(304);
  });

  it('shows a change once the portal is told, never the stale copy', async () => {
    const before = await get('/anggota');
    await t.database.db
      .insert(institutions)
      .values({ name: 'Kota Solok', category: 'regency_city', active: true, searchText: 'kota solok' });
    // Until someone says the members changed, the cached page is served (that is the point of the cache).
    expect((await get('/anggota')).body.toString()).not.toContain('Kota Solok');
    invalidatePortal({ releaseId: 'x' });
    expect((await get('/anggota')).body.toString()).not.toContain('Kota Solok');
    expect(t.app.server.listenerCount('request')).toBe(1);
    invalidatePortal('all');
    const after = await get('/anggota', { 'if-none-match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.body.toString()).toContain('Kota Solok');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(portalTags.members).toBe('members');
  });
});
