import net from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A message as the sink received it. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** The user name the client authenticated with, if it did. */
  user: string | undefined;
  raw: Buffer;
  parsed: ParsedMail;
  /** The Message-ID header, with its angle brackets. */
  messageId: string | undefined;
}

export interface SmtpSinkOptions {
  /** When set, AUTH must use this user and password (authentication itself stays optional). */
  credentials?: { user: string; password: string };
}

/**
 * A real SMTP server on 127.0.0.1 (plain text, STARTTLS off, authentication
 * optional) that keeps every accepted message. It can be stopped and started
 * again on the same port to simulate an outage, answer DATA or a recipient
 * with an error code, or take its time before accepting.
 */
export interface SmtpSink {
  readonly port: number;
  /** smtp://127.0.0.1:port, with credentials when the sink was given some. */
  readonly url: string;
  readonly messages: ReceivedMail[];
  readonly running: boolean;
  /** Every DATA is answered with this code (e.g. 451) until set back to null. */
  rejectWith(code: number | null, text?: string): void;
  /** RCPT TO for this address is answered with `code` (e.g. 550). */
  rejectRecipient(address: string, code: number): void;
  /** Milliseconds to wait before accepting each message. */
  delayMs: number;
  /** The most messages this sink was receiving at the same moment (over separate connections). */
  readonly mostAtOnce: number;
  /** Message-IDs that arrived more than once. */
  duplicates(): string[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function smtpError(code: number, text: string): SMTPServerError {
  const error = new Error(text) as SMTPServerError;
  error.responseCode = code;
  return error;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const port = await freePort();
  const messages: ReceivedMail[] = [];
  let reject: { code: number; text: string } | null = null;
  const rejectedRecipients = new Map<string, number>();
  let server: SMTPServer | undefined;
  let atOnce = 0;
  let mostAtOnce = 0;
  const credentials = options.credentials;
  const userinfo = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@` : '';

  const sink: SmtpSink = {
    port,
    url: `smtp://${userinfo}127.0.0.1:${port}`,
    messages,
    delayMs: 0,
    get mostAtOnce() {
      return mostAtOnce;
    },
    get running() {
      return server !== undefined;
    },
    rejectWith(code, text = 'Try again later') {
      reject = code === null ? null : { code, text };
    },
    rejectRecipient(address, code) {
      rejectedRecipients.set(address.toLowerCase(), code);
    },
    duplicates() {
      const seen = new Map<string, number>();
      for (const m of messages) if (m.messageId) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP sink: expected ${count} messages, got ${messages.length} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return messages;
    },
    async start() {
      if (server) return;
      const s = new SMTPServer({
        secure: false,
        disabledCommands: ['STARTTLS'],
        authOptional: true,
        allowInsecureAuth: true,
        disableReverseLookup: true,
        logger: false,
        closeTimeout: 50,
        onAuth(auth, _session, callback) {
          if (credentials && (auth.username !== credentials.user || auth.password !== credentials.password)) {
            return callback(smtpError(535, 'Authentication failed'));
          }
          callback(null, { user: auth.username });
        },
        onRcptTo(address, _session, callback) {
          const code = rejectedRecipients.get(address.address.toLowerCase());
          callback(code ? smtpError(code, 'Recipient refused') : null);
        },
        onData(stream, session, callback) {
          mostAtOnce = Math.max(mostAtOnce, ++atOnce);
          const done: typeof callback = (error) => {
            atOnce--;
            callback(error);
          };
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            void (async () => {
              if (sink.delayMs > 0) await new Promise((r) => setTimeout(r, sink.delayMs));
              if (reject) return done(smtpError(reject.code, reject.text));
              const raw = Buffer.concat(chunks);
              const parsed = await simpleParser(raw);
              const from = session.envelope.mailFrom;
              messages.push({
                envelopeFrom: from ? from.address : '',
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                user: typeof session.user === 'string' ? session.user : undefined,
                raw,
                parsed,
                messageId: parsed.messageId,
              });
              done(null);
            })().catch((error: unknown) => done(error as Error));
          });
        },
      });
      s.on('error', () => {});
      await new Promise<void>((resolve, rejectListen) => {
        s.server.once('error', rejectListen);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
    },
    async stop() {
      const s = server;
      if (!s) return;
      server = undefined;
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await sink.start();
  return sink;
}
