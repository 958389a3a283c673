import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { authenticate, sessionCookie, type Authentication } from './core/authenticate';
import { anonymous, type Ctx } from './core/context';
import { errorHandler } from './core/errorHandler';
import { createMailer, type Mailer } from './core/mail';
import { loggerOptions } from './core/logging';
import { registerSecurityHeaders } from './core/securityHeaders';
import { DomainError, UnauthenticatedError } from './core/errors';
import { modules } from './modules/index';
import { startJobs, type JobsRuntime, type JobsRuntimeOptions } from './core/jobs';
import { allQueues } from './modules/jobs/queues';
import { databaseRateLimitStore } from './modules/auth/rateLimits';

declare module 'fastify' {
  interface FastifyInstance {
    /** The mailer requests use; the background mail worker sends through the same one. */
    mailer: Mailer;
    /** The job queue's workers in this process (null when the app was built without them). */
    jobs: JobsRuntime | null;
  }
  interface FastifyContextConfig {
    /** The route answers anonymous callers (login, health, public documents). */
    public?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    auth: Authentication;
  }
}

export { redactUrl } from './core/logging';

export type AppDeps = {
  config: Config;
  database: Database;
  mailer?: Mailer;
  logger?: boolean | object;
  /** false: no job queue workers; or worker timings (tests). */
  jobs?: false | Partial<Pick<JobsRuntimeOptions, 'pollingIntervalSeconds' | 'maintenanceIntervalSeconds' | 'work' | 'schedules'>>;
};
export type App = FastifyInstance;

// The built SPA; WEB_DIST is for browser-test runs that build their own copy side by side (playwright.config.ts).
const webDist = resolve(process.cwd(), process.env.WEB_DIST ?? 'dist/web');

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    // Secrets in headers and URLs hidden, errors scrubbed of query values (core/logging.ts).
    logger: deps.logger ?? loggerOptions(config.logLevel),
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => randomUUID(),
    // X-Forwarded-For is believed only from the proxies listed in TRUST_PROXY (none by default).
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  const mailer = deps.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log, logBodies: config.demo });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Dynamic HTML, JSON and the public stylesheet are compressed above 1 KB (brotli at a cheap level, or gzip);
  // the SPA's assets are compressed at build time (precompress in vite.config.ts) and served as they are.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  // Anonymous routes opt in with `config: { rateLimit }`; counters live in the database, shared by every process.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Simpul API', version: '0.1.0', description: 'Koordinasi Kehumasan: direktori anggota, kegiatan dan KAK' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorate('mailer', mailer);
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('auth', null as unknown as Authentication);
  // Only the API knows its caller: static assets and public pages skip the session look-up.
  app.addHook('onRequest', async (req) => {
    req.auth = req.url.startsWith('/api/')
      ? await authenticate(database.db, req.headers, req.cookies[sessionCookie])
      : { actor: anonymous, via: 'none' };
    req.ctx = { actor: req.auth.actor, db: database.db, requestId: String(req.id), config, mailer, ip: req.ip };
  });
  // Secure by default: every /api route needs a signed-in caller unless it is marked `config: { public: true }`.
  // Checked before validation, so an anonymous caller learns nothing about a route's input.
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config as { public?: boolean } | undefined;
    if (config?.public || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (req.auth.actor.kind !== 'user') throw new UnauthenticatedError();
  });
  // CSRF: writes authenticated by the session cookie must echo the session's token in a header.
  app.addHook('preHandler', async (req) => {
    if (req.auth.via !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
    if (req.headers['x-csrf-token'] !== req.auth.csrfToken) {
      throw new DomainError('forbidden', 'Token CSRF tidak cocok. Muat ulang halaman lalu coba lagi.');
    }
  });
  // Content-Security-Policy, Permissions-Policy, HSTS when PUBLIC_URL is https (core/securityHeaders.ts).
  registerSecurityHeaders(app, { publicUrl: config.publicUrl });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('x-frame-options') && !reply.getHeader('content-type')?.toString().includes('javascript')) {
      reply.header('x-frame-options', 'SAMEORIGIN');
    }
  });

  for (const mod of modules) await app.register(mod);
  // Background work (mail, housekeeping, schedules) runs on the job queue in the serving process.
  const jobs = deps.jobs === false ? null : await startJobs({ database, config, mailer, log: app.log, queues: allQueues, ...deps.jobs });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => {
    await jobs?.stop();
  });

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/app/', wildcard: false, index: false, preCompressed: true });
  }
  app.get('/app', { schema: { hide: true } }, (_req, reply) => reply.redirect('/app/'));
  app.get('/app/*', { schema: { hide: true } }, async (req, reply) => {
    // A missing asset (e.g. an old hashed bundle after a rebuild) is a 404, not the app's page.
    if (req.url.startsWith('/app/assets/')) return reply.callNotFound();
    const file = resolve(webDist, 'index.html');
    if (!existsSync(file)) return reply.status(503).type('text/plain').send('Web app belum dibangun: jalankan npm run build');
    return reply.type('text/html').sendFile('index.html', webDist);
  });
  // The SPA's entry page must never be cached, so a rebuild reaches users at once; hashed assets may be.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/app/assets/') && reply.statusCode === 200)
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    else if (req.url.startsWith('/app')) reply.header('cache-control', 'no-cache');
    // The check-in PWA's service worker controls the whole SPA (scope /app/) and is re-checked on every load.
    if (req.url.split('?')[0] === '/app/sw.js') reply.header('service-worker-allowed', '/app/');
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `Alamat ${req.method} ${req.url.split('?')[0]} tidak ditemukan` } });
  });
  return app;
}
