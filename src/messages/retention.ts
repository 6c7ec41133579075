/**
 * What a database backup may hold of the mail sent: no working link.
 *
 * Confirmation mails carry the booker's self-service link and "Mine
 * tilmeldinger" mails a login link; the outbox keeps each mail's body after
 * sending. So a periodic clean-up, beside the outbox worker (in the server
 * or `tilmeld worker`):
 *   1. replaces the token in every self-service or login link of a sent
 *      mail's stored body (text, HTML and text attachments) with "fjernet";
 *   2. deletes sent mails, and mails given up on, older than RETENTION_DAYS;
 *   3. forgets the stored answers to Idempotency-Keys older than that (they
 *      hold the self-service token, sealed with the key).
 * Several clean-ups on one database are harmless: each step is idempotent.
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { startPeriodic, type Periodic } from '../lib/periodic.js';
import { forgetIdempotencyAnswers } from '../registrations/index.js';
import { LOCALES } from '../web/i18n.js';
import { paths } from '../web/paths.js';
import type { OutboxLog } from './outbox.worker.js';
import type { MailPayload } from './outbox.table.js';
import { deleteFinishedBefore, saveScrubbed, unscrubbedSent } from './retention.queries.js';

/** Put where a link's token was. */
export const SCRUBBED_TOKEN = 'fjernet';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The paths that open something by a secret token, in both languages (paths.ts builds them). */
const LINK_PREFIXES = LOCALES.flatMap((l) => [paths.booking(l, ''), paths.myBookingsLink(l, '')]);
const LINK_TOKEN = new RegExp(`(${LINK_PREFIXES.map(escapeRegExp).join('|')})[A-Za-z0-9_~%.-]{8,}`, 'g');

/** The text with every self-service and login link's token replaced. */
export function scrubLinks(text: string): string {
  return text.replace(LINK_TOKEN, (_whole, prefix: string) => prefix + SCRUBBED_TOKEN);
}

/** A stored mail body with its links scrubbed; a payload that is not JSON is emptied (it cannot be read anyway). */
export function scrubPayload(payload: string): string {
  let mail: MailPayload;
  try {
    mail = JSON.parse(payload) as MailPayload;
  } catch {
    return JSON.stringify({ text: '' });
  }
  if (!mail || typeof mail !== 'object') return JSON.stringify({ text: '' });
  const scrubbed: MailPayload = { ...mail, text: typeof mail.text === 'string' ? scrubLinks(mail.text) : '' };
  if (typeof mail.html === 'string') scrubbed.html = scrubLinks(mail.html);
  if (Array.isArray(mail.attachments)) {
    scrubbed.attachments = mail.attachments.map((a) =>
      typeof a.contentType === 'string' && a.contentType.startsWith('text/')
        ? { ...a, contentBase64: Buffer.from(scrubLinks(Buffer.from(a.contentBase64, 'base64').toString('utf8')), 'utf8').toString('base64') }
        : a,
    );
  }
  return JSON.stringify(scrubbed);
}

export interface RetentionResult {
  scrubbed: number;
  deletedMails: number;
  forgottenAnswers: number;
}

const SCRUB_BATCH = 500;

/** One clean-up: scrubs every sent mail not yet scrubbed, then deletes and forgets what is past the retention period. */
export async function runRetention(ctx: AppContext): Promise<RetentionResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  let scrubbed = 0;
  for (;;) {
    const rows = await unscrubbedSent(ctx.db, SCRUB_BATCH);
    // One commit for the batch, not one per mail: after a busy morning that is thousands of rows.
    if (rows.length > 0)
      await writeTransaction(ctx.db, async (trx) =>
        saveScrubbed(
          trx,
          rows.map((row) => ({ id: row.id, payload: scrubPayload(row.payload) })),
          at,
        ),
      );
    scrubbed += rows.length;
    if (rows.length < SCRUB_BATCH) break;
  }
  const before = new Date(now.getTime() - ctx.config.retentionDays * 86_400_000).toISOString();
  const deletedMails = await deleteFinishedBefore(ctx.db, before);
  const forgottenAnswers = await forgetIdempotencyAnswers(ctx.db, before);
  return { scrubbed, deletedMails, forgottenAnswers };
}

export interface RetentionWorkerOptions {
  /** Milliseconds between clean-ups (default one minute: a sent mail keeps its links about that long). */
  intervalMs?: number;
  log?: OutboxLog;
}

/** Runs the clean-up every minute (a sent mail keeps its links about that long); stop() waits for the one in progress. */
export function startRetentionWorker(ctx: AppContext, options: RetentionWorkerOptions = {}): Periodic {
  return startPeriodic(
    async () => {
      const r = await runRetention(ctx);
      if (r.deletedMails + r.forgottenAnswers > 0) options.log?.info(r, 'retention clean-up');
    },
    options.intervalMs ?? 60_000,
    (error) => options.log?.error({ err: (error as Error).message }, 'retention clean-up failed'),
  );
}
