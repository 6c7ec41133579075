import path from 'node:path';
import type Nodemailer from 'nodemailer';
import { lazyRequire } from '../lib/lazy.js';
import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { buildRawMessage, composeMail } from './mail.compose.js';
import { writeEml } from './eml-writer.js';
import type { OutboxMessage } from './outbox.table.js';

// Loaded by the first SMTP transport: a process that writes .eml files or sends no mail never needs it.
const nodemailer = lazyRequire<typeof Nodemailer>('nodemailer');

/** Hands one outbox message to the outside world; resolves once it has been accepted. */
export interface MailTransport {
  /** For logs; never holds credentials. */
  readonly description: string;
  /** Messages it can have in flight at once (pooled connections); the worker sends that many together. */
  readonly concurrency?: number;
  send(message: OutboxMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * A failed send, its text already stripped of credentials. `permanent` means
 * another attempt cannot help (the server refused the recipient for good).
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  /** Strings that must never reach a log or the database. */
  secrets: string[];
}

/** Host, port and the secret parts of an SMTP_URL; the URL itself counts as a secret. */
export function parseSmtpUrl(smtpUrl: string): SmtpTarget {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const secrets = [smtpUrl];
  for (const part of [url.username, url.password]) {
    if (!part) continue;
    secrets.push(part);
    try {
      secrets.push(decodeURIComponent(part));
    } catch {
      // A malformed escape: the raw form is already listed.
    }
  }
  if (url.username || url.password) secrets.push(`${url.username}:${url.password}`);
  return { host: url.hostname, port, secure, secrets: [...new Set(secrets)].filter((s) => s.length >= 3) };
}

/** Replaces every secret in a text with ***, longest first so no fragment is left. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}

interface NodemailerLikeError {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  message?: unknown;
}

/**
 * Turns whatever a send threw into a MailSendError. Permanent: the server
 * answered the recipient (RCPT TO) with a 5xx code, or nodemailer found the
 * address itself unusable. Everything else (connection refused, timeouts, 4xx,
 * authentication) is worth another try later.
 */
export function toMailSendError(error: unknown, secrets: readonly string[] = []): MailSendError {
  if (error instanceof MailSendError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as NodemailerLikeError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const command = typeof e.command === 'string' ? e.command : undefined;
  const permanent = code === 'EENVELOPE' && ((command === 'RCPT TO' && responseCode !== undefined && responseCode >= 500) || command === 'API');
  const parts = [code, command, typeof e.message === 'string' ? e.message : String(error)].filter(Boolean);
  const text = redactSecrets(parts.join(': '), secrets).replace(/\s+/g, ' ').slice(0, 1000);
  return new MailSendError(text, permanent);
}

/**
 * SMTP through nodemailer: `poolSize` connections kept open and reused
 * between messages (a connection and its greeting cost more than a message),
 * each carrying one message at a time.
 */
export function createSmtpTransport(smtpUrl: string, from: string, clock: Clock, poolSize = 1): MailTransport {
  const target = parseSmtpUrl(smtpUrl);
  const transporter = nodemailer().createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: poolSize,
    maxMessages: Infinity,
    // nodemailer waits minutes by default; a worker's lease must outlast one send.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
  return {
    description: `SMTP to ${target.host}:${target.port}${target.secure ? ' (TLS)' : ''}`,
    concurrency: poolSize,
    async send(message) {
      try {
        await transporter.sendMail(composeMail(message, from, clock.now()));
      } catch (error) {
        throw toMailSendError(error, target.secrets);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** Writes each mail as an .eml file under `dir`, for development and demos without a mail server. */
export function createEmlTransport(dir: string, from: string, clock: Clock): MailTransport {
  return {
    description: `.eml files in ${dir}`,
    async send(message) {
      const now = clock.now();
      try {
        const raw = await buildRawMessage(composeMail(message, from, now));
        await writeEml(dir, message.id, now, raw);
      } catch (error) {
        throw toMailSendError(error);
      }
    },
    async close() {},
  };
}

/** SMTP when SMTP_URL is set, otherwise .eml files under DATA_DIR/mail. */
export function createMailTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir' | 'smtpPoolSize'>, clock: Clock): MailTransport {
  if (config.smtpUrl) return createSmtpTransport(config.smtpUrl, config.mailFrom, clock, config.smtpPoolSize);
  return createEmlTransport(path.join(config.dataDir, 'mail'), config.mailFrom, clock);
}
