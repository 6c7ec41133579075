/**
 * Mail that keeps up: a burst of sign-ups, then the time until a real SMTP
 * server (smtp-server, in this process) has accepted every confirmation.
 * The sink only counts messages and their Message-IDs, so that parsing them
 * costs the machine as little as possible beside the server under test.
 */
import { SMTPServer } from 'smtp-server';
import { freePort } from './servers.js';

export interface SmtpCounter {
  url: string;
  /** Messages accepted so far (copies included). */
  readonly accepted: number;
  /** Copies beyond the first of a Message-ID. */
  readonly duplicates: number;
  /** performance.now() of the latest acceptance. */
  readonly lastAt: number;
  stop(): Promise<void>;
}

export async function startSmtpCounter(): Promise<SmtpCounter> {
  const port = await freePort();
  const seen = new Set<string>();
  let accepted = 0;
  let duplicates = 0;
  let lastAt = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1];
        if (id && seen.has(id)) duplicates++;
        else if (id) seen.add(id);
        accepted++;
        lastAt = performance.now();
        callback(null);
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    get duplicates() {
      return duplicates;
    },
    get lastAt() {
      return lastAt;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface MailDrain {
  database: string;
  signups: number;
  /** Burst: first request to last answer. */
  burstMs: number;
  /** From the burst's last answer until the SMTP server had accepted every confirmation; undefined when it did not within the limit. */
  drainMs: number | undefined;
  accepted: number;
  duplicates: number;
  /** Confirmations accepted per second, from the burst's end to the last one. */
  mailsPerSecond: number;
  /** The server's CPU time from the burst's end until the last acceptance, per confirmation accepted meanwhile. */
  cpuMsPerMail?: number;
}

/** Waits until `count` messages were accepted or `limitMs` passed; the milliseconds from `since` to the last acceptance. */
export async function waitForMail(sink: SmtpCounter, count: number, since: number, limitMs: number): Promise<number | undefined> {
  while (sink.accepted < count) {
    if (performance.now() - since > limitMs) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
  return sink.lastAt - since;
}
