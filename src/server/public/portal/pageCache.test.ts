import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answerFor, matchesIfNoneMatch, notModifiedSince, PageCache, pickEncoding, portalCacheControl } from './pageCache';

const body = `<!doctype html><html lang="id"><title>Uji</title><p>${'isi halaman '.repeat(200)}</p></html>`;
const input = {
  body,
  contentType: 'text/html; charset=utf-8',
  tags: ['lists', 'release:1'],
  lastModified: new Date('2026-11-30T10:00:00.500Z'),
};

describe('page cache', () => {
  it('keeps three codings with strong ETags, Last-Modified and the caching headers', async () => {
    const cache = new PageCache({ commonHeaders: { 'X-Content-Type-Options': 'nosniff' } });
    const page = await cache.set('/', input, cache.generation());
    expect(cache.get('/')).toBe(page);
    expect(brotliDecompressSync(page.variants.br.body).toString()).toBe(body);
    expect(gunzipSync(page.variants.gzip.body).toString()).toBe(body);
    expect(page.variants.br.body.length).toBeLessThan(body.length / 5);
    const etags = page.etags;
    expect(new Set(etags).size).toBe(3);
    for (const e of etags) expect(e).toMatch(/^"[A-Za-z0-9_-]{27}(-br|-gz)?"$/);
    const headers = Object.fromEntries(page.variants.br.headers);
    expect(headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(page.variants.br.body.length),
      'content-encoding': 'br',
      'cache-control': portalCacheControl,
      'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    });
    expect(Object.fromEntries(page.variants.identity.headers)['content-encoding']).toBeUndefined();
    // The same bytes give the same ETag (a second process agrees), other bytes another.
    const again = await new PageCache().build('/', input);
    expect(again.etags).toEqual(etags);
    expect((await cache.build('/', { ...input, body: `${body} ` })).etags[0]).not.toBe(etags[0]);
  });

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since, If-None-Match first', async () => {
    const cache = new PageCache();
    const page = await cache.set('/', input, cache.generation());
    const br = page.variants.br.etag;
    expect(answerFor(page, { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': br }).status).toBe(304);
    expect(answerFor(page, { 'if-none-match': `"x", W/${br}` }).status).toBe(304);
    expect(answerFor(page, { 'if-none-match': '*' }).status).toBe(304);
    expect(answerFor(page, { 'if-none-match': '"other"' }).status).toBe(200);
    expect(answerFor(page, { 'if-modified-since': 'Mon, 30 Nov 2026 10:00:00 GMT' }).status).toBe(304);
    expect(answerFor(page, { 'if-modified-since': 'Mon, 30 Nov 2026 09:59:59 GMT' }).status).toBe(200);
    expect(answerFor(page, { 'if-modified-since': 'nonsense' }).status).toBe(200);
    // An If-None-Match that does not match wins over a matching date (RFC 9110 13.2.2).
    expect(answerFor(page, { 'if-none-match': '"old"', 'if-modified-since': 'Tue, 01 Dec 2026 00:00:00 GMT' }).status).toBe(200);
    const headers = Object.fromEntries(
      page.variants.br.raw304.flatMap((v, i, a) => (i % 2 === 0 ? [[v, a[i + 1]]] : [])) as [string, string][],
    );
    expect(headers.etag).toBe(br);
    expect(headers['content-length']).toBeUndefined();
  });

  it('negotiates brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
    expect(pickEncoding('*')).toBe('br');
    expect(matchesIfNoneMatch('"a" , "b"', ['"b"'])).toBe(true);
    expect(notModifiedSince('Mon, 30 Nov 2026 10:00:00 GMT', new Date('2026-11-30T10:00:00.900Z'))).toBe(true);
  });

  it('drops pages by tag, and never stores a page read before an invalidation', async () => {
    const cache = new PageCache();
    await cache.set('/a', { ...input, tags: ['lists'] }, cache.generation());
    await cache.set('/rilis/x', { ...input, tags: ['release:x'] }, cache.generation());
    await cache.set('/anggota', { ...input, tags: ['members'] }, cache.generation());
    expect(cache.invalidate(['release:x', 'lists'])).toBe(2);
    expect(cache.keys()).toEqual(['/anggota']);
    // A render that read the database before the change finishes after it: its page is answered, not kept.
    const before = cache.generation();
    cache.invalidate(['release:y']);
    await cache.set('/b', input, before);
    expect(cache.get('/b')).toBeUndefined();
    await cache.set('/b', input, cache.generation());
    expect(cache.get('/b')).toBeDefined();
    expect(cache.invalidate()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('renders again after maxAge and keeps within its byte budget, oldest first', async () => {
    let now = 1_000_000;
    const cache = new PageCache({ maxAgeMs: 1000, now: () => now });
    await cache.set('/', input, cache.generation());
    now += 999;
    expect(cache.get('/')).toBeDefined();
    now += 1;
    expect(cache.get('/')).toBeUndefined();
    const size = (await cache.build('/', input)).size;
    const small = new PageCache({ maxBytes: size * 4 + 10 });
    for (const key of ['/1', '/2', '/3', '/4', '/5']) await small.set(key, input, small.generation());
    expect(small.keys()).toEqual(['/2', '/3', '/4', '/5']);
    expect(small.storedBytes).toBeLessThanOrEqual(small.maxBytes);
  });
});
