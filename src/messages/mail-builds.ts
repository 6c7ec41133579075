/**
 * Mails built after the change they report has committed.
 *
 * Rendering a mail (text, HTML, a calendar file) costs far more than saving
 * the change, and a sign-up holds its event's lock while it saves. So a busy
 * writer records only "this mail is to be built" — an outbox row of kind
 * 'mail-build' holding the builder's name and the facts it needs — in its own
 * transaction, and the outbox worker builds it later:
 *
 *   1. it claims the row with a lease, like any outbox message;
 *   2. renders the mails outside any transaction;
 *   3. in one write transaction deletes the row (only while its own lease
 *      holds) and enqueues the mails it rendered.
 *
 * A crash before step 3 commits leaves the row claimed; its lease runs out
 * and another worker builds it. A crash after leaves the mails. Either way
 * each mail is enqueued exactly once (the mails' dedupe keys guard this too).
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { insertOutboxMessages } from './outbox.queries.js';
import type { OutgoingMail } from './outbox.service.js';
import { describeIssues, safeText } from './payload-issues.js';

export const MAIL_BUILD_KIND = 'mail-build' as const;

/**
 * The shape of a builder's data at each version it has written, each read
 * into the shape the builder takes now. A process must go on reading every
 * version it may find queued: rows written before a deploy are built after it.
 */
export type MailBuildVersions<T> = { 1: z.ZodType<T> } & Record<number, z.ZodType<T>>;

/** Renders the mails of several rows at once (so it may read shared facts once); one list of mails per payload, in order. */
export type MailBuildFn<T> = (ctx: AppContext, payloads: T[]) => Promise<OutgoingMail[][]>;

interface MailBuilder {
  versions: Record<number, z.ZodType<unknown>>;
  build: MailBuildFn<unknown>;
}

const builders = new Map<string, MailBuilder>();

/** Makes a builder known to the outbox workers of this process (registering the same name again replaces it). */
export function registerMailBuilder<T>(name: string, versions: MailBuildVersions<T>, build: MailBuildFn<T>): void {
  builders.set(name, { versions, build: build as MailBuildFn<unknown> });
}

/**
 * What a 'mail-build' row carries in its payload. `v` is the version of
 * `data`'s shape; rows written before payloads had versions carry none and
 * are read as version 1.
 */
export interface MailBuildPayload {
  v: number;
  builder: string;
  data: unknown;
}

const envelope = z.object({
  v: z.number().int().positive().optional(),
  builder: z.string().min(1).max(200),
  data: z.unknown(),
});

/** A row that cannot be built: `permanent` when no attempt can help (the payload itself is wrong). */
export class MailBuildPayloadError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailBuildPayloadError';
  }
}

export type ReadMailBuild = { builder: string; v: number; data: unknown; build: MailBuildFn<unknown> };

/**
 * Reads a 'mail-build' row's payload and checks its data against the
 * builder's schema for its version. Throws MailBuildPayloadError: permanent
 * for a payload that is not JSON or does not match (it never will); passing
 * for a builder or version this process does not know (a newer process
 * sharing the queue may). The message names only builder, version and the
 * paths and kinds of the faults, never a value: the data may hold secrets.
 */
export function readMailBuild(payload: string): ReadMailBuild {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new MailBuildPayloadError('mail-build payload is not JSON', true);
  }
  const head = envelope.safeParse(json);
  if (!head.success) throw new MailBuildPayloadError(`mail-build payload invalid: ${describeIssues(head.error)}`, true);
  const { builder: name, data } = head.data;
  const v = head.data.v ?? 1;
  const builder = builders.get(name);
  if (!builder) throw new MailBuildPayloadError(`no mail builder "${safeText(name)}" in this process`, false);
  const schema = Object.hasOwn(builder.versions, v) ? builder.versions[v] : undefined;
  if (!schema) throw new MailBuildPayloadError(`mail builder "${safeText(name)}" does not know payload version ${v}`, false);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new MailBuildPayloadError(`mail-build payload "${safeText(name)}" v${v} invalid: ${describeIssues(parsed.error)}`, true);
  }
  return { builder: name, v, data: parsed.data, build: builder.build };
}

export interface MailToBuild {
  builder: string;
  /** The version of `data`'s shape, as the builder registered it (MailBuildVersions). */
  v: number;
  /** JSON-serialisable facts for the builder. May hold secrets the mail will carry (as the mail itself would). */
  data: unknown;
  /** Names this build; a second row with the same key is ignored. Must not collide with the keys of the mails it builds. */
  dedupeKey: string;
}

/**
 * Records mails to build, in the caller's transaction, with one INSERT
 * (chunked for very large batches).
 * Call notifyOutbox() after the commit to have them built at once.
 */
export async function enqueueMailBuilds(trx: Database, mails: ReadonlyArray<MailToBuild>, now: Date): Promise<void> {
  if (mails.length === 0) return;
  const createdAt = now.toISOString();
  await insertOutboxMessages(
    trx,
    mails.map((m) => ({
      kind: MAIL_BUILD_KIND,
      recipient: '',
      subject: '',
      payload: JSON.stringify({ v: m.v, builder: m.builder, data: m.data } satisfies MailBuildPayload),
      dedupe_key: m.dedupeKey,
      next_attempt_at: null,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: createdAt,
      sent_at: null,
    })),
  );
}
