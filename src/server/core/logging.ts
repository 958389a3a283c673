import type { FastifyServerOptions } from 'fastify';

/**
 * What the logs may hold. A failed query must never put its values in the log: Drizzle wraps a database error
 * in a DrizzleQueryError whose message ends with "params: ..." and which carries `.params` (an accepted invitation
 * once logged the new password's argon2 hash that way); node-postgres errors carry `detail` ("Key (email)=(...)")
 * and messages such as `invalid input syntax for type uuid: "<value>"`. Logged errors keep the class, the
 * PostgreSQL code and constraint, the parametrised SQL text and the stack; the request id comes from the
 * request's logger.
 */

const hidden = '[disembunyikan]';

/** Hides secrets that may ride in a URL, so they never reach the logs. */
export function redactUrl(url: string): string {
  // RSVP links and tickets carry their token in the path (/app/rsvp/<token>, /app/tiket/<token>, /api/tickets/<token>/qr.png).
  return url
    .replace(/([?&](?:token|password)=)[^&#]*/gi, `$1${hidden}`)
    .replace(/(\/(?:rsvp|tickets|tiket)\/)[A-Za-z0-9_-]{20,}/g, `$1${hidden}`);
}

/** Drops Drizzle's "params: ..." tail and a value quoted at the end of a PostgreSQL message. */
export function scrubMessage(message: string): string {
  return message.replace(/\nparams:[\s\S]*$/, `\nparams: ${hidden}`).replace(/(: )"[\s\S]*"$/, `$1${hidden}`);
}

type AnyError = Error & Record<string, unknown>;

/** A log-safe copy of an error (and of its cause chain): no query parameters, no row values. */
export function scrubError(err: unknown, depth = 0): unknown {
  if (typeof err === 'string') return scrubMessage(err);
  if (!err || typeof err !== 'object') return err;
  const e = err as AnyError;
  const out: Record<string, unknown> = {
    // An error scrubbed once already (errorHandler, then the logger's serializer) keeps its class name.
    type:
      !(err instanceof Error) && typeof (err as Record<string, unknown>).type === 'string'
        ? (err as Record<string, unknown>).type
        : (e.constructor?.name ?? 'Error'),
    message: typeof e.message === 'string' ? scrubMessage(e.message) : undefined,
  };
  if (typeof e.stack === 'string') out.stack = e.stack.replace(e.message ?? '', out.message as string);
  // PostgreSQL's own fields that name things, never values.
  for (const key of ['code', 'statusCode', 'severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType']) {
    if (e[key] !== undefined && typeof e[key] !== 'object') out[key] = e[key];
  }
  // The parametrised statement ($1, $2 ...) says which query failed without its values.
  if (typeof e.query === 'string') out.query = e.query.slice(0, 1000);
  if (e.cause && depth < 3) out.cause = scrubError(e.cause, depth + 1);
  return out;
}

const serializedShape = () => ({}) as { [key: string]: unknown; type: string; message: string; stack: string };

/** Pino options for the server: secrets in headers and URLs hidden, errors scrubbed of query values. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    serializers: {
      // One-time links carry their token in the query string (reset password, accept invitation).
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
      err: (e: Error) => scrubError(e) as ReturnType<typeof serializedShape>,
      error: (e: Error) => scrubError(e),
    },
  };
}
