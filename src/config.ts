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
  /** Seconds a rendered public page may be served from memory. */
  pageCacheSeconds: number;
  logLevel: string;
  /** Signs cookies; see lib/secret.ts for the default. */
  secretKey: string | undefined;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
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
    pageCacheSeconds: intFrom(env.PAGE_CACHE_SECONDS, 5, 'PAGE_CACHE_SECONDS'),
    logLevel: env.LOG_LEVEL || 'info',
    secretKey: env.SECRET_KEY || undefined,
  };
}
