import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * What a cached public page may tell browsers and proxies: a minute fresh, then ten more minutes served stale while
 * the proxy (nginx, a CDN, a browser) asks again in the background. A minute bounds how long an outer cache can show
 * a page after an edit or an unpublish (this process drops its own copy at once); stale-while-revalidate keeps a
 * burst of readers (a release shared on WhatsApp) on the outer cache while one revalidation reaches Simpul, which
 * answers it with a 304 from memory.
 */
export const portalCacheControl = 'public, max-age=60, stale-while-revalidate=600';
/** Answers that must not be kept anywhere: a missing (perhaps embargoed) release may appear any minute. */
export const noStore = 'no-store';

export type Encoding = 'br' | 'gzip' | 'identity';

/** One representation of a cached page: its body and every header of a 200 answer, computed once. */
export type Variant = {
  body: Buffer;
  etag: string;
  headers: [string, string][];
  /** The same headers flattened for res.writeHead, and those of a 304, computed once. */
  raw: string[];
  raw304: string[];
};

export type CachedPage = {
  key: string;
  /** The tags a change invalidates by (e.g. 'release:<id>', 'institution:<id>', 'lists'). */
  tags: ReadonlySet<string>;
  lastModified: Date;
  /** The Last-Modified header text (second precision, as HTTP dates are). */
  lastModifiedText: string;
  contentType: string;
  variants: Record<Encoding, Variant>;
  /** The three ETags, any of which an If-None-Match may name. */
  etags: readonly string[];
  /** After this instant the page is rendered again even without an invalidation (a safety net; ms since epoch). */
  expiresAt: number;
  size: number;
};

export type PageInput = {
  body: string | Buffer;
  contentType: string;
  tags?: Iterable<string>;
  /** When the content last changed (newest release shown); defaults to now. */
  lastModified?: Date;
  /** Extra headers every answer of this page carries (e.g. its own Content-Security-Policy). */
  headers?: Record<string, string>;
  /** How long the process keeps it at most without an invalidation (ms); default the cache's maxAgeMs. */
  maxAgeMs?: number;
  cacheControl?: string;
};

export type PageCacheOptions = {
  /** Bytes of bodies (all three encodings) kept at most; the least recently used pages go first. */
  maxBytes?: number;
  /** The safety net: a page is rendered again after this long even if nothing said it changed. */
  maxAgeMs?: number;
  /** Headers every cached answer carries (security headers that hooks would otherwise add). */
  commonHeaders?: Record<string, string>;
  now?: () => number;
};

/**
 * Compresses once per render, in the thread pool: brotli at a high level and gzip at 9, since each page is compressed
 * once and served many times. Brotli's window is sized to the page (64 KB for any page up to that): with the default
 * 4 MB window, quality 9 spends most of its time preparing tables far larger than a page (70 ms against 4-5 ms for
 * a 16 KB page on the shared 2-core machine), for the same output size.
 */
export async function compressVariants(body: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotliAsync(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 9,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.BROTLI_PARAM_LGWIN]: Math.min(24, Math.max(16, Math.ceil(Math.log2(body.length + 1)))),
      },
    }),
    gzipAsync(body, { level: 9 }),
  ]);
  return { br, gzip: gz };
}

/** A strong ETag: a hash of the exact bytes, different for each content coding (RFC 9110 8.8.3). */
function strongEtag(hash: string, encoding: Encoding): string {
  return encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding === 'br' ? 'br' : 'gz'}"`;
}

/** Whether an If-None-Match header names one of the page's tags (weak comparison, as RFC 9110 13.1.2 asks for GET). */
export function matchesIfNoneMatch(header: string, etags: readonly string[]): boolean {
  if (header.trim() === '*') return true;
  for (const part of header.split(',')) {
    const tag = part.trim().replace(/^W\//, '');
    if (etags.includes(tag)) return true;
  }
  return false;
}

/** Whether an If-Modified-Since date is at or after the page's Last-Modified (only looked at without If-None-Match). */
export function notModifiedSince(header: string, lastModified: Date): boolean {
  const since = Date.parse(header);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** The coding to send for an Accept-Encoding header: brotli, then gzip, else the plain bytes (q=0 refuses one). */
export function pickEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  let br = false;
  let gz = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const refused = params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gz = true;
    else if (name === '*') {
      br = true;
      gz = true;
    }
  }
  return br ? 'br' : gz ? 'gzip' : 'identity';
}

export type ConditionalResult = { status: 200 | 304; variant: Variant; encoding: Encoding };

/** Chooses the representation and decides between 200 and 304 for one request's headers. */
export function answerFor(
  page: CachedPage,
  headers: { 'accept-encoding'?: string; 'if-none-match'?: string; 'if-modified-since'?: string },
) {
  const encoding = pickEncoding(headers['accept-encoding']);
  const variant = page.variants[encoding];
  const inm = headers['if-none-match'];
  const ims = headers['if-modified-since'];
  const notModified =
    inm !== undefined ? matchesIfNoneMatch(inm, page.etags) : ims !== undefined && notModifiedSince(ims, page.lastModified);
  return { status: notModified ? 304 : 200, variant, encoding } as ConditionalResult;
}

/** A 304 carries the validators and caching headers, not the body's own headers (RFC 9110 15.4.5). */
const bodyHeaders = new Set(['content-length', 'content-type', 'content-encoding']);

/**
 * The portal's in-process page cache: URL -> the page's bytes in three codings with their headers, computed once.
 * Serving a hit is a Map look-up and a write of a Buffer (see fastPath.ts). Pages are dropped by tag when a release
 * is published, updated, lifted from embargo or unpublished (invalidate), after maxAgeMs at the latest, or when the
 * cache holds more than maxBytes (least recently stored first).
 *
 * A render that started before an invalidation must not store what it read: `generation()` is taken before reading
 * the database and `set` refuses to store a page whose generation is older than the last invalidation touching it.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  private gen = 0;
  /** The generation of the last invalidation; pages rendered from reads before it are not stored. */
  private invalidatedAt = 0;
  readonly maxBytes: number;
  readonly maxAgeMs: number;
  private readonly commonHeaders: [string, string][];
  private readonly now: () => number;
  readonly stats = { hits: 0, misses: 0, notModified: 0, stored: 0, invalidations: 0, dropped: 0 };

  constructor(opts: PageCacheOptions = {}) {
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.maxAgeMs = opts.maxAgeMs ?? 10 * 60_000;
    this.commonHeaders = Object.entries(opts.commonHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v]);
    this.now = opts.now ?? Date.now;
  }

  /** Take before reading what a page shows; pass to set. */
  generation(): number {
    return ++this.gen;
  }

  /** The cached page for a URL, or undefined (also when it has expired, which drops it). */
  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return page;
  }

  get size(): number {
    return this.pages.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** Builds a page's three representations; stores it unless an invalidation happened since `generation`. */
  async set(key: string, input: PageInput, generation: number): Promise<CachedPage> {
    const page = await this.build(key, input);
    if (generation > this.invalidatedAt) this.store(page);
    return page;
  }

  /** Builds the representations without storing (pages that are never cached, such as search results). */
  async build(key: string, input: PageInput): Promise<CachedPage> {
    const identity = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
    const { br, gzip: gz } = await compressVariants(identity);
    const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
    const lastModified = new Date(Math.floor((input.lastModified ?? new Date(this.now())).getTime() / 1000) * 1000);
    const lastModifiedText = lastModified.toUTCString();
    const extra = Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
    const variant = (body: Buffer, encoding: Encoding): Variant => {
      const etag = strongEtag(hash, encoding);
      const headers: [string, string][] = [
        ['content-type', input.contentType],
        ['content-length', String(body.length)],
        ['cache-control', input.cacheControl ?? portalCacheControl],
        ['etag', etag],
        ['last-modified', lastModifiedText],
        ['vary', 'Accept-Encoding'],
        ...(encoding === 'identity' ? [] : [['content-encoding', encoding] as [string, string]]),
        ...this.commonHeaders.filter(([k]) => !extra.some(([e]) => e === k)),
        ...extra,
      ];
      const notModified = headers.filter(([name]) => !bodyHeaders.has(name));
      return { body, etag, headers, raw: headers.flat(), raw304: notModified.flat() };
    };
    const variants = { identity: variant(identity, 'identity'), br: variant(br, 'br'), gzip: variant(gz, 'gzip') };
    return {
      key,
      tags: new Set(input.tags ?? []),
      lastModified,
      lastModifiedText,
      contentType: input.contentType,
      variants,
      etags: [variants.identity.etag, variants.br.etag, variants.gzip.etag],
      expiresAt: this.now() + (input.maxAgeMs ?? this.maxAgeMs),
      size: identity.length + br.length + gz.length,
    };
  }

  private store(page: CachedPage) {
    if (page.size > this.maxBytes / 4) return;
    this.delete(page.key);
    this.pages.set(page.key, page);
    this.bytes += page.size;
    this.stats.stored++;
    // Map keeps insertion order: the oldest stored pages go first.
    for (const [key] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(key);
      this.stats.dropped++;
    }
  }

  private delete(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.size;
  }

  /**
   * Drops every page carrying one of the tags (all pages when none is given). Renders already under way when this
   * runs will not store their result, so no page read before the change survives it.
   */
  invalidate(tags?: Iterable<string>): number {
    this.invalidatedAt = ++this.gen;
    this.stats.invalidations++;
    const wanted = tags ? new Set(tags) : null;
    let n = 0;
    for (const [key, page] of this.pages) {
      if (!wanted || [...page.tags].some((t) => wanted.has(t))) {
        this.delete(key);
        n++;
      }
    }
    return n;
  }

  keys(): string[] {
    return [...this.pages.keys()];
  }
}
