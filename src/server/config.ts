import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's named ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const proxyKeywords = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (proxyKeywords.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length || !address) return false;
  const family = isIP(address);
  if (!family) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: off (default) or a comma-separated list of proxy addresses/CIDRs whose X-Forwarded-For is believed. */
const trustProxySchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
  )
  .superRefine((entries, ctx) => {
    if (entries.length === 1 && ['false', 'off', '0', 'no'].includes(entries[0]!.toLowerCase())) return;
    for (const e of entries) {
      if (!isProxyEntry(e)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${e}" is not an IP address, a CIDR range (10.0.0.0/8) or one of ${proxyKeywords.join(', ')}; trusting every sender ("true") is not offered`,
        });
      }
    }
  })
  .transform((entries) => (entries.length === 1 && ['false', 'off', '0', 'no'].includes(entries[0]!.toLowerCase()) ? false : entries));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Simpul <noreply@simpul.local>'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  UPLOAD_LIMIT_MB: z.coerce.number().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  NODE_ENV: z.string().optional(),
  TRUST_PROXY: trustProxySchema.optional(),
  /** Key of the meetings' QR tickets (modules/meetings/tokens.ts reads it); required when NODE_ENV=production. */
  TICKET_SECRET: z.string().trim().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  adminEmail?: string;
  adminPassword?: string;
  sessionTtlHours: number;
  uploadLimitBytes: number;
  logLevel: string;
  /** Demo mode seeds fictional data; on by default for the embedded database. */
  demo: boolean;
  secureCookies: boolean;
  /**
   * Proxies whose X-Forwarded-For header gives the client address (false: none, the socket's peer is the client).
   * The per-address log-in and request limits use that address, so trusting any sender would let a client pick it.
   */
  trustProxy: false | string[];
};

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the environment, listing every problem at once instead of failing on the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if ((e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) || (!e.ADMIN_EMAIL && e.ADMIN_PASSWORD)) {
    throw new ConfigError(['ADMIN_EMAIL and ADMIN_PASSWORD must be set together']);
  }
  if (e.NODE_ENV === 'production' && !e.TICKET_SECRET) {
    throw new ConfigError(["TICKET_SECRET must be set in production (the key of the meetings' QR tickets; e.g. openssl rand -base64 32)"]);
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    uploadLimitBytes: Math.round(e.UPLOAD_LIMIT_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO ? e.DEMO === 'true' || e.DEMO === '1' : !e.DATABASE_URL,
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY ?? false,
  };
}
