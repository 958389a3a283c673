import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/server/core/securityHeaders';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Security headers on the SPA, the public pages, Swagger UI and the API; HSTS only behind https. */
let http: TestApp;
let https: TestApp;
beforeAll(async () => {
  http = await createTestApp();
  https = await createTestApp({ env: { PUBLIC_URL: 'https://simpul.example.go.id' } });
});
afterAll(async () => {
  await http.close();
  await https.close();
});

const pages = ['/', '/app/', '/app/directory', '/api/docs/static/index.html', '/api/auth/me', '/api/openapi.json'];

describe('security headers', () => {
  it('sends a Content-Security-Policy without inline script and framing by Simpul only, everywhere', async () => {
    for (const url of pages) {
      const res = await http.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp, url).toBe(contentSecurityPolicy);
      const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      expect(directives['script-src'], url).toEqual(["'self'"]);
      expect(directives['frame-ancestors'], url).toEqual(["'self'"]);
      expect(directives['object-src'], url).toEqual(["'none'"]);
      expect(res.headers['permissions-policy'], url).toContain('microphone=()');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends Strict-Transport-Security when PUBLIC_URL is https', async () => {
    for (const url of pages) {
      const res = await https.app.inject({ method: 'GET', url });
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000');
    }
  });

  it('serves pages whose scripts are all files (the CSP allows no inline script)', async () => {
    const html = [
      (await http.app.inject({ method: 'GET', url: '/' })).body,
      (await http.app.inject({ method: 'GET', url: '/api/docs/static/index.html' })).body,
    ];
    for (const page of html) {
      const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\bsrc=/);
        expect(body!.trim()).toBe('');
      }
      expect(page).not.toMatch(/\son[a-z]+="/i); // no inline event handlers either
    }
  });
});
