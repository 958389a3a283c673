/**
 * Headers of a file answered as a download: never shown inline (no script runs from an uploaded or generated
 * file), typed as sent and not sniffed, kept out of shared caches. The name travels twice: as a plain ASCII
 * fallback and as RFC 5987 `filename*` (UTF-8), which browsers prefer.
 */
export function attachmentHeaders(name: string): Record<string, string> {
  return {
    'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${rfc5987(name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** RFC 5987 value: encodeURIComponent leaves ' ( ) * alone, which are not attr-chars. */
function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
