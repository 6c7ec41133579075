import { isIP } from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Database file and uploaded files live here. */
  dataDir: string;
  /** PostgreSQL connection string; SQLite under dataDir when absent. */
  databaseUrl: string | undefined;
  /** Public address used in feeds, sitemaps, calendar files and mails. */
  baseUrl: string;
  /** Seconds a rendered public page may be served from memory at most (changes with time alone show within it). */
  pageCacheSeconds: number;
  /** How often the page cache checks whether the database changed (any write by any process clears it). */
  pageCacheCheckMs: number;
  logLevel: string;
  /** Signs cookies; see lib/secret.ts for the default. */
  secretKey: string | undefined;
  /** Bearer token for /metrics; without it /metrics answers loopback only. */
  metricsToken: string | undefined;
  /**
   * smtp://user:password@host:587 or smtps://…:465 (user and password
   * URL-encoded). A secret: never logged. Unset: mails are written as .eml
   * files under dataDir/mail instead of being sent.
   */
  smtpUrl: string | undefined;
  /** Sender of every mail, e.g. "Tilmeld <noreply@kursus.example.dk>". */
  mailFrom: string;
  /** SMTP connections kept open and used at once by one outbox worker (SMTP_POOL_SIZE). */
  smtpPoolSize: number;
  /** 'in-process': the server sends the outbox itself; 'off': a separate `tilmeld worker` does. */
  outboxWorker: 'in-process' | 'off';
  /**
   * 'in-process' (default): the invoicing tick runs wherever the outbox worker
   * runs (server or `tilmeld worker`); 'off' (INVOICING_WORKER=off): nowhere,
   * e.g. for a benchmark of sign-ups alone.
   */
  invoicingWorker: 'in-process' | 'off';
  /**
   * Outbox worker timings in milliseconds, for tests that must not wait for
   * the defaults: how long a claim holds (OUTBOX_LEASE_MS, default 2 minutes)
   * and the first retry delay (OUTBOX_RETRY_BASE_MS, default 5 s). Unset: defaults.
   */
  outboxLeaseMs: number | undefined;
  outboxRetryBaseMs: number | undefined;
  /** Largest material staff may upload, in bytes (UPLOAD_MAX_MB, default 25 MB). */
  uploadMaxBytes: number;
  /**
   * Whose X-Forwarded-For to believe (TRUST_PROXY), as Fastify's trustProxy
   * takes it: false (default: the client is whoever opened the connection),
   * true (any sender), a hop count, or the proxies' addresses and CIDR ranges.
   * The per-IP limits (login, Mine tilmeldinger) key on the address this gives,
   * so trusting a header a client can write itself lets it dodge them.
   */
  trustProxy: boolean | number | string[];
  /**
   * Anonymous sign-ups (form and API) per client address and per payer
   * e-mail in one window (SIGNUP_LIMIT_PER_IP, default 20; SIGNUP_LIMIT_PER_EMAIL,
   * default 5; SIGNUP_LIMIT_WINDOW_MINUTES, default 60). 0 switches a limit
   * off, e.g. for a benchmark that signs up thousands from one address.
   */
  signupLimits: { perIp: number; perEmail: number; windowMinutes: number };
  /** Days a sent mail and a sign-up's stored idempotency answer are kept (RETENTION_DAYS, default 30). */
  retentionDays: number;
}

/** Checks SMTP_URL without ever echoing it: it holds the password. */
function smtpUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('SMTP_URL is not a valid URL (expected smtp://user:password@host:port or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  if (!url.hostname) throw new Error('SMTP_URL has no host');
  return value;
}

function outboxWorkerFrom(value: string | undefined, name = 'OUTBOX_WORKER'): Config['outboxWorker'] {
  if (value === undefined || value === '' || value === 'in-process') return 'in-process';
  if (value === 'off') return 'off';
  throw new Error(`${name} must be "in-process" or "off", got "${value}"`);
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** UPLOAD_MAX_MB in megabytes (1,000,000 bytes, as file managers count), 1–1000; default 25. */
function uploadLimitFrom(value: string | undefined): number {
  const mb = value === undefined || value === '' ? 25 : Number(value);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 1000) throw new Error(`UPLOAD_MAX_MB must be a number of megabytes above 0 and at most 1000, got "${value}"`);
  return Math.round(mb * 1_000_000);
}

/** The names proxy-addr knows for groups of ranges, besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, address/prefix, IPv4 address/netmask, or a range name proxy-addr knows. */
function isProxyAddress(value: string): boolean {
  if (PROXY_RANGE_NAMES.has(value)) return true;
  const [address = '', mask, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (mask === undefined) return true;
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(mask) === 4;
}

/** TRUST_PROXY: unset or "false" → false; "true"; a hop count; or comma-separated addresses/CIDRs. */
export function trustProxyFrom(value: string | undefined): Config['trustProxy'] {
  const given = (value ?? '').trim();
  const lower = given.toLowerCase();
  if (lower === '' || lower === 'false') return false;
  if (lower === 'true') return true;
  if (/^\d+$/.test(given)) return Number(given) === 0 ? false : Number(given);
  const list = given.split(',').map((s) => s.trim().toLowerCase());
  if (list.some((entry) => !isProxyAddress(entry))) {
    throw new Error(
      `TRUST_PROXY must be "false", "true", a number of proxy hops, or the proxies' addresses or CIDR ranges separated by commas (e.g. "127.0.0.1" or "10.0.0.0/8,::1"), got "${given}"`,
    );
  }
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST || '0.0.0.0';
  const baseUrl = (env.BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    baseUrl,
    pageCacheSeconds: intFrom(env.PAGE_CACHE_SECONDS, 30, 'PAGE_CACHE_SECONDS'),
    pageCacheCheckMs: Math.max(10, intFrom(env.PAGE_CACHE_CHECK_MS, 1000, 'PAGE_CACHE_CHECK_MS')),
    logLevel: env.LOG_LEVEL || 'info',
    secretKey: env.SECRET_KEY || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    smtpUrl: smtpUrlFrom(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || 'Tilmeld <noreply@localhost>',
    smtpPoolSize: Math.max(1, intFrom(env.SMTP_POOL_SIZE, 1, 'SMTP_POOL_SIZE')),
    outboxWorker: outboxWorkerFrom(env.OUTBOX_WORKER),
    invoicingWorker: outboxWorkerFrom(env.INVOICING_WORKER, 'INVOICING_WORKER'),
    outboxLeaseMs: env.OUTBOX_LEASE_MS ? intFrom(env.OUTBOX_LEASE_MS, 0, 'OUTBOX_LEASE_MS') : undefined,
    outboxRetryBaseMs: env.OUTBOX_RETRY_BASE_MS ? intFrom(env.OUTBOX_RETRY_BASE_MS, 0, 'OUTBOX_RETRY_BASE_MS') : undefined,
    uploadMaxBytes: uploadLimitFrom(env.UPLOAD_MAX_MB),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    signupLimits: {
      perIp: intFrom(env.SIGNUP_LIMIT_PER_IP, 20, 'SIGNUP_LIMIT_PER_IP'),
      perEmail: intFrom(env.SIGNUP_LIMIT_PER_EMAIL, 5, 'SIGNUP_LIMIT_PER_EMAIL'),
      windowMinutes: Math.max(1, intFrom(env.SIGNUP_LIMIT_WINDOW_MINUTES, 60, 'SIGNUP_LIMIT_WINDOW_MINUTES')),
    },
    retentionDays: Math.max(1, intFrom(env.RETENTION_DAYS, 30, 'RETENTION_DAYS')),
  };
}
