import path from 'node:path';
import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { compileMessage, composeMail } from './mail.compose.js';
import { writeEml } from './eml-writer.js';
import { SmtpConnections, type SmtpServer } from './smtp-connections.js';
import type { MailPayload, OutboxMessage } from './outbox.table.js';

/** Hands one outbox message to the outside world; resolves once it has been accepted. */
export interface MailTransport {
  /** For logs; never holds credentials. */
  readonly description: string;
  /** Messages it can have in flight at once (pooled connections); the worker sends that many together. */
  readonly concurrency?: number;
  /** `payload` is the message's payload as read and signed by the worker (the row's own text is not read again). */
  send(message: OutboxMessage, payload: MailPayload): Promise<void>;
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

interface SmtpTarget extends SmtpServer {
  /** Strings that must never reach a log or the database. */
  secrets: string[];
}

/** Host, port, login and the secret parts of an SMTP_URL; the URL itself counts as a secret. */
export function parseSmtpUrl(smtpUrl: string): SmtpTarget {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const secrets = [smtpUrl];
  for (const part of [url.username, url.password]) {
    if (part) secrets.push(part, decoded(part));
  }
  if (url.username || url.password) secrets.push(`${url.username}:${url.password}`);
  const auth = url.username || url.password ? { user: decoded(url.username), pass: decoded(url.password) } : undefined;
  return { host: url.hostname, port, secure, ...(auth ? { auth } : {}), secrets: [...new Set(secrets)].filter((s) => s.length >= 3) };
}

/** A user name or password as typed in the URL; a malformed escape is taken as it stands. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
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
 * SMTP: `poolSize` connections kept open and reused between messages (a
 * connection and its greeting cost more than a message), each carrying one
 * message at a time. The message is built in one piece first (mime.ts).
 */
export function createSmtpTransport(smtpUrl: string, from: string, clock: Clock, poolSize = 1): MailTransport {
  const target = parseSmtpUrl(smtpUrl);
  const connections = new SmtpConnections(target, poolSize);
  return {
    description: `SMTP to ${target.host}:${target.port}${target.secure ? ' (TLS)' : ''}`,
    concurrency: poolSize,
    async send(message, payload) {
      try {
        const { envelope, raw } = compileMessage(composeMail(message, payload, from, clock.now()));
        await connections.send(envelope, raw);
      } catch (error) {
        throw toMailSendError(error, target.secrets);
      }
    },
    async close() {
      connections.close();
    },
  };
}

/** Writes each mail as an .eml file under `dir`, for development and demos without a mail server. */
export function createEmlTransport(dir: string, from: string, clock: Clock): MailTransport {
  return {
    description: `.eml files in ${dir}`,
    async send(message, payload) {
      const now = clock.now();
      try {
        await writeEml(dir, message.id, now, compileMessage(composeMail(message, payload, from, now)).raw);
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
