/**
 * The outbox worker: sends what enqueueMail() wrote, outside any request.
 *
 * Why a lease. A worker claims a batch of due messages in one atomic UPDATE
 * (claimOutboxMessages in outbox.queries.ts): status 'sending', locked_by = its id,
 * locked_until = now + lease. Two workers — two processes on one PostgreSQL,
 * or the server's in-process worker beside `tilmeld worker` — therefore never
 * hold the same message. A worker that dies keeps nothing for ever: once its
 * lease has ended, the message is due again and another worker takes it.
 * Before each send the worker renews its lease on that one message and skips
 * the message if the lease has passed to someone else, so a slow batch cannot
 * outlive its lease and have its tail sent twice.
 *
 * What "once" means. The message is marked sent right after the mail server
 * accepted it. If the worker dies between the server's "250 OK" and that
 * UPDATE, the lease runs out and the message is sent again: delivery is at
 * least once, with duplicates only in that narrow window, never from two
 * workers racing or from retries of a message that was accepted. With a pool
 * of SMTP connections (SMTP_POOL_SIZE) the worker sends that many messages
 * together and marks the accepted ones sent in one UPDATE once all of them
 * have been answered, so the window holds at most one message per connection. A worker
 * that merely loses the database (a restart) remembers what it could not
 * record and records it at its next cycle, before the lease runs out; the
 * claimed messages it had not sent yet it hands back then, so they need not
 * wait for the lease either. The Message-ID is derived from the outbox id, so
 * the copy carries the same Message-ID and mail clients and servers can
 * recognise it.
 * Sending exactly once across a crash would need the mail server to take part
 * in our transaction, which SMTP cannot.
 *
 * Failures are retried with exponential back-off and jitter (capped); after
 * maxAttempts, or when the server refuses the recipient for good (5xx), the
 * message is marked failed and stays in the table for inspection
 * (requeueFailed() puts it back). Times come from ctx.clock; the clocks of
 * all workers must agree to well within the lease.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { foregroundBusy } from '../observability/foreground.js';
import { MAIL_BUILD_KIND, MailBuildPayloadError, readMailBuild, type MailBuildFn } from './mail-builds.js';
import { MailPayloadError, readMailPayload } from './mail-payload.js';
import { createMailTransport, MailSendError, toMailSendError, type MailTransport } from './mail.transport.js';
import {
  claimOutboxMessages,
  deleteHeldClaims,
  insertOutboxMessages,
  markAttemptFailed,
  markSentMany,
  releaseClaims,
  renewLease,
  type NewOutboxMessage,
} from './outbox.queries.js';
import { notifyOutbox, onOutboxNotify, outboxRowOf, type OutgoingMail } from './outbox.service.js';
import type { MailPayload, OutboxKind, OutboxMessage } from './outbox.table.js';
import type { MailSenderSource } from '../lib/mail-sender.js';
import { signPayload } from './mail/signature.js';

/** The part of a pino logger the worker uses; Fastify's app.log fits. */
export interface OutboxLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const silentLog: OutboxLog = { info() {}, warn() {}, error() {} };

export interface OutboxWorkerOptions {
  /** Default: SMTP from ctx.config.smtpUrl, else .eml files. The worker closes it on stop. */
  transport?: MailTransport;
  /** Written to locked_by; default host:pid:random. */
  workerId?: string;
  /** Messages claimed at a time (default 50). */
  batchSize?: number;
  /** Messages sent at once, then marked sent together (default: the transport's concurrency, else 1). */
  concurrency?: number;
  /** Milliseconds between looks at the table when nothing wakes the worker (default 500). */
  pollIntervalMs?: number;
  /** How long a claim is held before another worker may take over (default 2 minutes). */
  leaseMs?: number;
  /** Attempts before a message is marked failed (default 20, about 2.5 hours with the defaults). */
  maxAttempts?: number;
  /** First retry delay (default 5 s); doubles per attempt. */
  retryBaseMs?: number;
  /** Longest retry delay (default 10 minutes). */
  retryCapMs?: number;
  /** Source of jitter, 0 ≤ x < 1 (default Math.random). */
  random?: () => number;
  log?: OutboxLog;
  /** The organiser's name, Reply-To and contact lines for every mail (default: ctx.mailSender; none: mails as written). */
  sender?: MailSenderSource;
}

export interface OutboxRunResult {
  claimed: number;
  sent: number;
  /** Failed this time and scheduled for another attempt. */
  retried: number;
  /** Given up on. */
  failed: number;
  /** Claimed but not sent: the lease had passed to another worker, or the worker was stopping. */
  skipped: number;
  /** Mails built from 'mail-build' rows (now in the outbox, to be sent by a later cycle). */
  built: number;
}

/**
 * Delay before the next attempt after `attempt` failed ones: base·2^(attempt−1),
 * capped, of which a random half is taken off ("equal jitter") so that mails
 * that failed together do not all come back in the same instant.
 */
export function retryDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

function defaultWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export class OutboxWorker {
  readonly id: string;
  readonly transport: MailTransport;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;
  private readonly random: () => number;
  private readonly log: OutboxLog;
  private readonly sender: MailSenderSource | undefined;

  private running = false;
  private stopping = false;
  private loopDone: Promise<void> = Promise.resolve();
  /** The cycle in progress; runOnce() calls queue behind it. */
  private current: Promise<unknown> = Promise.resolve();
  /** Counts notify() calls, so a loop can tell it was woken while it worked. */
  private wakes = 0;
  private readonly sleepers = new Set<() => void>();
  /** The loops' turn while requests arrive (inTurn). */
  private turn: Promise<void> = Promise.resolve();
  private restUntil = 0;
  private unsubscribe: (() => void) | undefined;
  /**
   * What a cycle broken off by a database error left behind: messages the
   * mail server accepted that are not yet marked sent, and claimed messages
   * not yet sent. The next cycle (or stop) settles them first.
   */
  private readonly leftover = { sent: [] as number[], untried: [] as number[] };

  constructor(
    private readonly ctx: AppContext,
    options: OutboxWorkerOptions = {},
  ) {
    this.id = options.workerId ?? defaultWorkerId();
    this.transport = options.transport ?? createMailTransport(ctx.config, ctx.clock);
    this.batchSize = options.batchSize ?? 50;
    this.concurrency = Math.max(1, options.concurrency ?? this.transport.concurrency ?? 1);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
    this.retryCapMs = options.retryCapMs ?? 600_000;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? silentLog;
    this.sender = options.sender ?? ctx.mailSender;
  }

  /** Starts polling; wakes at once on notifyOutbox() in this process. */
  start(): this {
    if (this.running || this.stopping) return this;
    this.running = true;
    this.unsubscribe = onOutboxNotify(() => this.notify());
    this.log.info({ workerId: this.id, transport: this.transport.description }, 'outbox worker started');
    this.loopDone = this.loop();
    return this;
  }

  /** Makes a started worker look at the table now rather than at its next poll. */
  notify(): void {
    this.wakes += 1;
    for (const wake of [...this.sleepers]) wake();
  }

  /**
   * Stops gracefully: the send in progress finishes and is recorded, claimed
   * messages not yet tried are handed back, then the transport is closed.
   */
  async stop(): Promise<void> {
    if (this.stopping) return this.loopDone;
    this.stopping = true;
    this.unsubscribe?.();
    this.notify();
    this.loopDone = (async () => {
      await this.loopDone;
      await this.current.catch(() => undefined);
      await this.settleLeftover().catch(() => undefined);
      await this.transport.close();
      if (this.running) this.log.info({ workerId: this.id }, 'outbox worker stopped');
    })();
    return this.loopDone;
  }

  /** One cycle: claim a batch of due messages and send each. Safe to call on a worker that is not started. */
  runOnce(): Promise<OutboxRunResult> {
    const run = this.current.catch(() => undefined).then(() => this.cycle());
    this.current = run;
    return run;
  }

  /**
   * Building mails and sending them run as two loops of their own, each
   * claiming only its kind of row: while the sending loop waits for the mail
   * server and the database, the building loop uses the CPU (after a burst of
   * sign-ups this is most of the time). Only the sending loop sends, one
   * group at a time, so what a crash can repeat is unchanged.
   */
  private async loop(): Promise<void> {
    await Promise.all([this.loopOver(MAIL_BUILD_KIND), this.loopOver('mail')]);
  }

  private async loopOver(kind: OutboxKind): Promise<void> {
    let consecutiveErrors = 0;
    while (!this.stopping) {
      const wakesBefore = this.wakes;
      let result: OutboxRunResult | undefined;
      try {
        result = await this.inTurn(() => this.cycle(kind));
        consecutiveErrors = 0;
      } catch (error) {
        consecutiveErrors += 1;
        // Database unreachable or busy: say so, and look again a little later each time.
        this.log.error({ workerId: this.id, err: toMailSendError(error).message }, 'outbox worker cycle failed');
      }
      if (this.stopping) break;
      if (result && result.claimed >= this.batchSize) continue; // more is probably due
      if (this.wakes !== wakesBefore) continue;
      const pause = consecutiveErrors === 0 ? this.pollIntervalMs : Math.min(30_000, this.pollIntervalMs * 2 ** consecutiveErrors);
      await this.sleep(pause);
    }
  }

  /**
   * While this process answers requests, the worker takes at most about a
   * third of the event loop: its loops take turns, and after a cycle that
   * claimed something both rest twice as long as it took (not woken by new
   * mail). Mail waits a little; requests don't. With no requests arriving the
   * loops run side by side.
   */
  private async inTurn(cycle: () => Promise<OutboxRunResult>): Promise<OutboxRunResult> {
    if (!foregroundBusy()) return cycle();
    const previous = this.turn;
    let done!: () => void;
    this.turn = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      const rest = this.restUntil - performance.now();
      if (rest > 0 && foregroundBusy()) await giveWay(Math.min(1000, rest));
      const began = performance.now();
      const result = await cycle();
      if (result.claimed > 0) this.restUntil = performance.now() + 2 * (performance.now() - began);
      return result;
    } finally {
      done();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private leaseEnd(from: Date): string {
    return new Date(from.getTime() + this.leaseMs).toISOString();
  }

  /** One claim and what it holds; `kind` narrows the claim to builds or mails (the loops), none takes both (runOnce). */
  private async cycle(kind?: OutboxKind): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0, built: 0 };
    if (this.stopping && this.running) return result;
    await this.settleLeftover();
    const now = this.ctx.clock.now();
    const all = await claimOutboxMessages(this.ctx.db, {
      workerId: this.id,
      now: now.toISOString(),
      leaseUntil: this.leaseEnd(now),
      limit: this.batchSize,
      ...(kind ? { kind } : {}),
    });
    result.claimed = all.length;
    const builds = all.filter((m) => m.kind === MAIL_BUILD_KIND);
    const claimed = builds.length === 0 ? all : all.filter((m) => m.kind !== MAIL_BUILD_KIND);
    if (builds.length > 0) {
      try {
        await this.build(builds, result);
      } catch (error) {
        this.leftover.untried.push(...all.map((m) => m.id));
        throw error;
      }
    }
    for (let i = 0; i < claimed.length; i += this.concurrency) {
      if (this.stopping) {
        const rest = claimed.slice(i).map((m) => m.id);
        await releaseClaims(this.ctx.db, this.id, rest);
        result.skipped += rest.length;
        break;
      }
      const group = claimed.slice(i, i + this.concurrency);
      try {
        await this.deliverGroup(group, result);
      } catch (error) {
        // The database went away mid-batch: what was not sent goes back at the next cycle.
        for (const m of group) if (!this.leftover.sent.includes(m.id)) this.leftover.untried.push(m.id);
        this.leftover.untried.push(...claimed.slice(i + this.concurrency).map((m) => m.id));
        throw error;
      }
    }
    return result;
  }

  /**
   * Sends a group of messages at once (one per pooled connection) and, once
   * every one of them has been answered, marks the accepted ones sent in one
   * UPDATE. A send that fails is scheduled again on its own; a database error
   * while checking a lease or failing an attempt is thrown after the group
   * settled, with the accepted messages already remembered.
   */
  private async deliverGroup(group: OutboxMessage[], result: OutboxRunResult): Promise<void> {
    const outcomes = await Promise.allSettled(group.map((message) => this.deliver(message, result)));
    const accepted = group.filter((_, i) => outcomes[i]!.status === 'fulfilled' && (outcomes[i] as PromiseFulfilledResult<boolean>).value);
    if (accepted.length > 0) {
      try {
        await this.recordSent(accepted.map((m) => m.id));
      } catch (error) {
        this.leftover.sent.push(...accepted.map((m) => m.id));
        throw error;
      }
      result.sent += accepted.length;
    }
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Builds the mails of claimed 'mail-build' rows (mail-builds.ts): renders
   * them outside any transaction, then in one write transaction deletes the
   * rows this worker still holds and enqueues their mails. A row whose lease
   * passed to another worker is left to it; a row that cannot be built is
   * retried with back-off like a mail that cannot be sent, except a payload
   * that is not valid for its builder and version: no attempt can mend it,
   * so it is marked failed at once, with the reason in last_error.
   */
  private async build(rows: OutboxMessage[], result: OutboxRunResult): Promise<void> {
    const now = this.ctx.clock.now();
    const byBuilder = new Map<string, { build: MailBuildFn<unknown>; list: Array<{ row: OutboxMessage; data: unknown }> }>();
    for (const row of rows) {
      try {
        // Checked against the builder's schema for the payload's version: a
        // row that does not match fails alone, before any builder sees it.
        const read = readMailBuild(row.payload);
        const group = byBuilder.get(read.builder) ?? { build: read.build, list: [] };
        group.list.push({ row, data: read.data });
        byBuilder.set(read.builder, group);
      } catch (error) {
        await this.failAttempt(row, error instanceof MailBuildPayloadError ? new MailSendError(error.message, error.permanent) : error, result);
      }
    }
    // A row that cannot be built, or builds a mail that cannot be sent, fails alone;
    // it must never hold back the other rows of the claim (or the claim's mails).
    const built: Array<{ row: OutboxMessage; mails: NewOutboxMessage[] }> = [];
    for (const [name, { build, list }] of byBuilder) {
      let mailsPerRow: OutgoingMail[][];
      try {
        mailsPerRow = await build(
          this.ctx,
          list.map((x) => x.data),
        );
      } catch (error) {
        for (const { row } of list) await this.failAttempt(row, error, result);
        continue;
      }
      for (const [i, { row }] of list.entries()) {
        try {
          const mails = mailsPerRow[i];
          if (!mails) throw new Error(`mail builder "${name}" gave no mails for row ${row.id}`);
          built.push({ row, mails: mails.map((mail) => outboxRowOf(mail, now)) });
        } catch (error) {
          await this.failAttempt(row, error, result);
        }
      }
    }
    if (built.length === 0) return;
    const made = await writeTransaction(this.ctx.db, async (trx) => {
      const heldIds = new Set(
        await deleteHeldClaims(
          trx,
          built.map((b) => b.row.id),
          this.id,
        ),
      );
      const mails = built.flatMap((b) => (heldIds.has(b.row.id) ? b.mails : []));
      await insertOutboxMessages(trx, mails);
      return { count: mails.length, lost: built.length - heldIds.size };
    });
    result.built += made.count;
    result.skipped += made.lost;
    if (made.count > 0) notifyOutbox();
  }

  /** Records the sends a broken-off cycle could not record, and hands back what it had not sent. */
  private async settleLeftover(): Promise<void> {
    // Taken out first: the other loop may settle at the same time and must not record them twice.
    const sent = this.leftover.sent.splice(0);
    const untried = this.leftover.untried.splice(0);
    try {
      if (sent.length > 0) await markSentMany(this.ctx.db, sent, this.id, this.ctx.clock.now().toISOString());
    } catch (error) {
      this.leftover.sent.push(...sent);
      this.leftover.untried.push(...untried);
      throw error;
    }
    try {
      if (untried.length > 0) await releaseClaims(this.ctx.db, this.id, untried);
    } catch (error) {
      this.leftover.untried.push(...untried);
      throw error;
    }
  }

  /**
   * The message as it is sent: its payload checked against the schema of its
   * version (mail-payload.ts; a payload that does not match fails this row
   * alone, with the fields at fault in last_error), with the organiser's
   * Reply-To, name and contact lines (signature.ts) when there are any.
   */
  private async signed(message: OutboxMessage): Promise<MailPayload> {
    let payload: MailPayload;
    try {
      payload = readMailPayload(message.payload);
    } catch (error) {
      throw error instanceof MailPayloadError ? new MailSendError(error.message, error.permanent) : error;
    }
    const sender = await this.sender?.().catch((error: unknown) => {
      this.log.warn({ err: error }, 'organiser identity unreadable; mail sent without it');
      return null;
    });
    return sender ? signPayload(payload, sender) : payload;
  }

  /** Sends one message; true when the mail server accepted it (recording that is the caller's). */
  private async deliver(message: OutboxMessage, result: OutboxRunResult): Promise<boolean> {
    const db = this.ctx.db;
    // A lease with more than half its time left cannot have passed to
    // another worker (they take only leases that ran out), so it is renewed
    // only past half time: one commit less per mail in the common case.
    const now = this.ctx.clock.now();
    const leaseLeft = message.locked_until ? Date.parse(message.locked_until) - now.getTime() : 0;
    if (leaseLeft <= this.leaseMs / 2 && !(await renewLease(db, message.id, this.id, this.leaseEnd(now)))) {
      result.skipped += 1;
      this.log.warn({ workerId: this.id, outboxId: message.id }, 'outbox lease lost before sending; left to the worker holding it');
      return false;
    }
    try {
      await this.transport.send(message, await this.signed(message));
    } catch (error) {
      await this.failAttempt(message, error, result);
      return false;
    }
    return true;
  }

  /** Ends a failed attempt: scheduled again with back-off, or given up after maxAttempts or a permanent refusal. */
  private async failAttempt(message: OutboxMessage, error: unknown, result: OutboxRunResult): Promise<void> {
    const failure = toMailSendError(error);
    const giveUp = failure.permanent || message.attempts >= this.maxAttempts;
    const nextAttemptAt = giveUp
      ? null
      : new Date(this.ctx.clock.now().getTime() + retryDelayMs(message.attempts, this.retryBaseMs, this.retryCapMs, this.random)).toISOString();
    await markAttemptFailed(this.ctx.db, message.id, this.id, {
      status: giveUp ? 'failed' : 'pending',
      nextAttemptAt,
      error: failure.message,
    });
    if (giveUp) result.failed += 1;
    else result.retried += 1;
    this.log.warn(
      { workerId: this.id, outboxId: message.id, attempts: message.attempts, nextAttemptAt, permanent: failure.permanent, err: failure.message },
      giveUp ? 'outbox message failed for good' : 'outbox message not sent; will retry',
    );
  }

  /**
   * The server has accepted the mail; recording that is what stands between
   * it and a second copy after the lease, so a short database hiccup is retried.
   */
  private async recordSent(ids: number[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await markSentMany(this.ctx.db, ids, this.id, this.ctx.clock.now().toISOString());
        return;
      } catch (error) {
        if (attempt >= 5) {
          this.log.error(
            { workerId: this.id, outboxIds: ids, err: toMailSendError(error).message },
            'outbox messages sent but not recorded yet; recorded at the next cycle',
          );
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}

const giveWay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates and starts a worker. */
export function startOutboxWorker(ctx: AppContext, options: OutboxWorkerOptions = {}): OutboxWorker {
  return new OutboxWorker(ctx, options).start();
}
