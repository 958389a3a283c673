/**
 * The SPA's only way to talk to the server: JSON over /api with the session cookie, the CSRF token
 * on every write, and error bodies `{error: {code, message, fields?}}` turned into ApiError.
 */

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public fields: Record<string, string> = {},
    public body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let csrfKnown = false;
let onUnauthorized: (() => void) | null = null;

/** Kept in memory only; comes from GET /api/auth/me or the login answer. */
export function setCsrfToken(token: string | null | undefined) {
  csrfToken = token ?? null;
  csrfKnown = true;
}

/** A write before anything asked who is logged in (e.g. a public page opened with a session cookie). */
async function ensureCsrfToken() {
  if (csrfKnown) return;
  try {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.ok) setCsrfToken(((await res.json()) as { csrfToken?: string | null }).csrfToken);
  } catch {
    // the write itself will report the network problem
  }
}

/** Called on a 401 from any call except the login itself (the app sends the user to the login page). */
export function setUnauthorizedHandler(fn: (() => void) | null) {
  onUnauthorized = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `/api/...?a=1` leaving out empty parameters. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function request<T>(method: string, path: string, init: { query?: Query; body?: unknown; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  if (method !== 'GET') {
    await ensureCsrfToken();
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, init.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined)?.error;
    const apiError = new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `HTTP ${res.status}`, err?.fields ?? {}, (err ?? {}) as Record<string, unknown>);
    if (res.status === 401 && path !== '/auth/login') onUnauthorized?.();
    throw apiError;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data upload (file + plain fields) */
  upload: <T>(path: string, fields: Record<string, string | Blob>) => {
    // Plain fields first: a streaming multipart parser only sees fields that precede the file.
    const form = new FormData();
    const entries = Object.entries(fields).sort(([, a], [, b]) => Number(a instanceof Blob) - Number(b instanceof Blob));
    for (const [k, v] of entries) form.append(k, v);
    return request<T>('POST', path, { form });
  },
};

/** A page of a list endpoint. */
export type Page<T> = { items: T[]; total: number };
