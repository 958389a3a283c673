import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/testApp';

// The SPA's assets are served from dist/web: build it once if this checkout has not been built yet.
const assetsDir = resolve(process.cwd(), 'dist/web/assets');
const builtWithCopies = () => existsSync(assetsDir) && readdirSync(assetsDir).some((f) => f.endsWith('.js.br'));

let t: TestApp;
beforeAll(async () => {
  if (!builtWithCopies()) {
    const { build } = await import('vite');
    await build({ configFile: resolve(process.cwd(), 'vite.config.ts'), logLevel: 'warn' });
  }
  t = await createTestApp();
}, 180_000);
afterAll(() => t?.close());

describe('compression on slow networks', () => {
  it('serves the SPA bundle as its brotli copy to a browser that accepts br, with fewer bytes', async () => {
    const js = readdirSync(assetsDir)
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => b.localeCompare(a))[0]!;
    const plain = await t.app.inject({ method: 'GET', url: `/app/assets/${js}` });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await t.app.inject({ method: 'GET', url: `/app/assets/${js}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['content-type'])).toContain('javascript');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);

    const gz = await t.app.inject({ method: 'GET', url: `/app/assets/${js}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('gzips JSON over 1 KB and leaves small answers as they are', async () => {
    const big = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    const body = gunzipSync(big.rawPayload);
    expect(big.rawPayload.length).toBeLessThan(body.length / 3);
    expect(JSON.parse(body.toString('utf8')).info.title).toBe('Simpul API');

    const small = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'gzip, br' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toBeTruthy();
  });

  it('compresses the public home page and its stylesheet', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-encoding']).toBe('br');
    const page = brotliDecompressSync(home.rawPayload).toString('utf8');
    expect(page).toContain('<html');
    const href = /href="(\/public\/site\.css\?v=[^"]+)"/.exec(page)![1]!;
    const css = await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip' } });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(css.rawPayload).toString('utf8')).toContain('{');
  });
});
