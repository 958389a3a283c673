import { permissionsPolicy, strictTransportSecurity } from '../../core/securityHeaders';

/**
 * The portal's pages hold no script and no inline style (JSON-LD is a data block, which CSP does not run), so they
 * get a stricter policy than the SPA's: no script at all, styles only from the stylesheet file.
 */
export const portalContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The headers Simpul's onSend hooks add to every answer (core/securityHeaders.ts and app.ts), computed once for
 * cached pages: the fast path skips the hooks, so the cache must carry them (routes.test.ts compares both paths).
 */
export function portalCommonHeaders(publicUrl: string): Record<string, string> {
  return {
    'content-security-policy': portalContentSecurityPolicy,
    'permissions-policy': permissionsPolicy,
    'cross-origin-opener-policy': 'same-origin',
    ...(publicUrl.startsWith('https://') ? { 'strict-transport-security': strictTransportSecurity } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'SAMEORIGIN',
  };
}
