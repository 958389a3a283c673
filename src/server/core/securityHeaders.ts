import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer. A route that needs another Content-Security-Policy (e.g. a page meant to be
 * embedded in other sites) sets its own `content-security-policy` header and keeps it; PDFs get none (Chromium's
 * PDF viewer runs as a plugin inside the document).
 */
const common = {
  'default-src': ["'self'"],
  // No inline script anywhere: the SPA is one bundled module, the public pages and Swagger UI load script files.
  'script-src': ["'self'"],
  // 'unsafe-inline' for styles only: Mantine (the SPA's UI kit) injects <style> elements at run time and React
  // writes style="" attributes; Swagger UI does the same. Inline styles cannot run code, unlike inline script.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data: for the small SVG/PNG icons the stylesheets embed; blob: for previews of a file chosen for upload.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // Only Simpul's own pages may frame Simpul (clickjacking); matches X-Frame-Options: SAMEORIGIN.
  'frame-ancestors': ["'self'"],
};

const serialise = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');

/**
 * The SPA (/app), the public pages (/), the API's answers and Swagger UI (/api/docs): Swagger UI needs nothing
 * more (script files from 'self', inline styles, data: icons, fetch of /api/openapi.json), checked in a browser.
 */
export const contentSecurityPolicy = serialise(common);
/** Browser features no page of Simpul uses; the camera stays allowed to Simpul itself (scanning QR codes). */
export const permissionsPolicy =
  'accelerometer=(), camera=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';
/** Sent only when PUBLIC_URL is https: a year, without includeSubDomains (other sites of the same domain are not ours). */
export const strictTransportSecurity = 'max-age=31536000';

export function registerSecurityHeaders(app: FastifyInstance, opts: { publicUrl: string }) {
  const https = opts.publicUrl.startsWith('https://');
  app.addHook('onSend', async (_req, reply) => {
    const type = reply.getHeader('content-type')?.toString() ?? '';
    if (!reply.hasHeader('content-security-policy') && !type.startsWith('application/pdf')) {
      reply.header('content-security-policy', contentSecurityPolicy);
    }
    reply.header('permissions-policy', permissionsPolicy);
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (https) reply.header('strict-transport-security', strictTransportSecurity);
  });
}
