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
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { insertOutboxMessages } from './outbox.queries.js';
import type { OutgoingMail } from './outbox.service.js';

export const MAIL_BUILD_KIND = 'mail-build' as const;

/** Renders the mails of several rows at once (so it may read shared facts once); one list of mails per payload, in order. */
export type MailBuilder = (ctx: AppContext, payloads: unknown[]) => Promise<OutgoingMail[][]>;

const builders = new Map<string, MailBuilder>();

/** Makes a builder known to the outbox workers of this process (registering the same name again replaces it). */
export function registerMailBuilder(name: string, builder: MailBuilder): void {
  builders.set(name, builder);
}

export function mailBuilder(name: string): MailBuilder | undefined {
  return builders.get(name);
}

/** What a 'mail-build' row carries in its payload. */
export interface MailBuildPayload {
  builder: string;
  data: unknown;
}

export interface MailToBuild {
  builder: string;
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
      payload: JSON.stringify({ builder: m.builder, data: m.data } satisfies MailBuildPayload),
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
