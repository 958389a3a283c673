import { contentSecurityPolicy, permissionsPolicy, strictTransportSecurity } from '../../core/securityHeaders';

/**
 * The headers Simpul's onSend hooks add to every answer (core/securityHeaders.ts and app.ts), computed once for
 * cached pages: the fast path skips the hooks, so the cache must carry them (routes.test.ts compares both paths).
 */
export function portalCommonHeaders(publicUrl: string): Record<string, string> {
  return {
    // The site-wide policy (no inline script); the portal itself needs less (no script, no inline style at all).
    'content-security-policy': contentSecurityPolicy,
    'permissions-policy': permissionsPolicy,
    'cross-origin-opener-policy': 'same-origin',
    ...(publicUrl.startsWith('https://') ? { 'strict-transport-security': strictTransportSecurity } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'SAMEORIGIN',
  };
}
