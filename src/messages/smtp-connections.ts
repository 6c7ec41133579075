/**
 * SMTP connections kept open between messages, each carrying one message at
 * a time, over nodemailer's SMTP connection.
 *
 * Why not nodemailer's pool transport: it turns every message into a mail
 * object, runs its plugins and streams it into the connection, which cost
 * about 0.45 ms of CPU per message on top of the connection itself; the
 * outbox already holds a built message and its envelope (docs/BENCHMARKS.md,
 * "Mail in one piece"). A connection that fails in any way is closed and
 * never reused: the next message opens a new one.
 */
import type SMTPConnectionType from 'nodemailer/lib/smtp-connection';
import { lazyRequire } from '../lib/lazy.js';

const SMTPConnection = lazyRequire<typeof SMTPConnectionType>('nodemailer/lib/smtp-connection');

export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the start (smtps); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
}

/** SMTP's MAIL FROM and RCPT TO for one message. */
export interface SmtpEnvelope {
  from: string;
  to: string[];
}

/** nodemailer waits minutes by default; a worker's lease must outlast one send. */
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

interface Connection {
  smtp: SMTPConnectionType;
  broken: boolean;
}

export class SmtpConnections {
  private readonly idle: Connection[] = [];
  private readonly waiting: Array<() => void> = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly server: SmtpServer,
    /** Connections at most. */
    readonly size: number,
  ) {}

  /** Resolves once the server accepted the message for every recipient. */
  async send(envelope: SmtpEnvelope, raw: Buffer): Promise<void> {
    const connection = await this.acquire();
    try {
      await untilDone(connection.smtp, (done) => connection.smtp.send(envelope, raw, done));
      this.release(connection);
    } catch (error) {
      this.discard(connection);
      throw error;
    }
  }

  /** Says goodbye on every idle connection; a send in progress closes its own when it ends. */
  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) this.discard(connection, true);
  }

  private async acquire(): Promise<Connection> {
    for (;;) {
      if (this.closed) throw new Error('SMTP connections closed');
      const idle = this.idle.pop();
      if (idle && !idle.broken) return idle;
      if (idle) continue;
      if (this.open < this.size) return this.connect();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(connection: Connection): void {
    if (connection.broken || this.closed) this.discard(connection, !connection.broken);
    else this.idle.push(connection);
    this.waiting.shift()?.();
  }

  private discard(connection: Connection, politely = false): void {
    if (!connection.broken) {
      connection.broken = true;
      this.open -= 1;
      if (politely) connection.smtp.quit();
      else connection.smtp.close();
    }
    this.waiting.shift()?.();
  }

  private async connect(): Promise<Connection> {
    this.open += 1;
    const { host, port, secure, auth } = this.server;
    const smtp = new (SMTPConnection())({ host, port, secure, ...TIMEOUTS, logger: false });
    const connection: Connection = { smtp, broken: false };
    // A server that hangs up or a socket error between messages: not reused (and no unhandled 'error').
    const lost = () => {
      if (connection.broken) return;
      connection.broken = true;
      this.open -= 1;
      this.waiting.shift()?.();
    };
    smtp.on('error', lost);
    smtp.on('end', lost);
    try {
      await untilDone(smtp, (done) => smtp.connect(() => done(null)));
      if (auth) await untilDone(smtp, (done) => smtp.login(auth, done));
    } catch (error) {
      this.discard(connection);
      throw error;
    }
    return connection;
  }
}

/**
 * Runs one step on a connection: resolves when its callback says it went
 * well, rejects when the callback has an error or when the connection fails
 * or ends first (connect() calls back only on success; a socket error
 * reaches 'error').
 */
function untilDone(smtp: SMTPConnectionType, step: (done: (error?: Error | null) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => settle(error);
    const ended = () => settle(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }));
    let settled = false;
    function settle(error?: Error | null) {
      if (settled) return;
      settled = true;
      smtp.removeListener('error', failed);
      smtp.removeListener('end', ended);
      if (error) reject(error);
      else resolve();
    }
    smtp.once('error', failed);
    smtp.once('end', ended);
    step(settle);
  });
}
