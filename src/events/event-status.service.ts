/**
 * Publishing, unpublishing, cancelling and archiving an event. Cancelling is one
 * transaction under the event's lock: the event is marked cancelled, every
 * registration of it is cancelled free of charge, everyone (waiting list
 * included) gets a mail in their sign-up language, and the audit log says
 * who did it — all of it or none.
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { notFound } from '../lib/errors.js';
import { notifyOutbox } from '../messages/outbox.service.js';
import { EDITOR_LIMITS } from './event-document.schema.js';
import type { CancelledBooking } from './event-seats.js';
import { cancelledEventFacts, lockEvent, markEventCancelled, setEventStatus } from './event-writes.queries.js';
import { recordEventAudit, type EventEditor } from './events.audit.js';
import { EventCancelledError, EventDocumentInvalidError, EventEndedError } from './events.admin.errors.js';
import { auditSnapshot, loadStoredEvent } from './stored-event.js';

/** Publishes (true) or takes an event back to draft (false). Does nothing when it already is so. */
export async function setEventPublished(ctx: AppContext, editor: EventEditor, eventId: number, published: boolean): Promise<{ changed: boolean }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const result = await writeTransaction(ctx.db, async (trx) => {
    if (!(await lockEvent(trx, eventId))) throw notFound('No such event');
    const before = (await loadStoredEvent(trx, eventId))!;
    if (before.status === 'cancelled') throw new EventCancelledError();
    const status = published ? 'published' : 'draft';
    if (before.status === status) return { changed: false };
    await setEventStatus(trx, eventId, status, at);
    const after = (await loadStoredEvent(trx, eventId))!;
    await recordEventAudit(trx, {
      editor,
      action: published ? 'event.publish' : 'event.unpublish',
      eventId,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      at: now,
    });
    return { changed: true };
  });
  ctx.pageCache.clear();
  return result;
}

/**
 * Files an event that has ended as archived: its page stays, as a record of
 * what was held. The system does this for past events it loads (the demo's
 * 2016 seminar); a cancelled event stays cancelled.
 */
export async function archiveEvent(ctx: AppContext, editor: EventEditor, eventId: number): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await writeTransaction(ctx.db, async (trx) => {
    if (!(await lockEvent(trx, eventId))) throw notFound('No such event');
    const before = (await loadStoredEvent(trx, eventId))!;
    if (before.status === 'cancelled') throw new EventCancelledError();
    if (before.endsAt > at) throw new Error('Only an event that has ended can be archived');
    await setEventStatus(trx, eventId, 'archived', at);
    const after = (await loadStoredEvent(trx, eventId))!;
    await recordEventAudit(trx, { editor, action: 'event.archive', eventId, before: auditSnapshot(before), after: auditSnapshot(after), at: now });
  });
  ctx.pageCache.clear();
}

/** Staff's message to everyone signed up; optional. */
export const cancelEventSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(EDITOR_LIMITS.cancellationReason, 'too_long')
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'invalid_characters')
    .nullish()
    .transform((v) => (v ? v : null)),
});

export interface EventCancellation {
  eventId: number;
  cancelledAt: string;
  reason: string | null;
  /**
   * The registrations cancelled by it. Each of them, and each of their
   * participants, has cancelled_at = cancelledAt; the invoicing reconciler
   * credits whatever was invoiced for them.
   */
  bookings: CancelledBooking[];
}

/**
 * Cancels an event that has not ended: see the file comment. A cancelled
 * event cannot be cancelled again (EventCancelledError), so nobody is mailed twice.
 */
export async function cancelEvent(ctx: AppContext, editor: EventEditor, eventId: number, input: unknown): Promise<EventCancellation> {
  const parsed = cancelEventSchema.safeParse(input ?? {}, { error: (issue) => (issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value') });
  if (!parsed.success) {
    throw new EventDocumentInvalidError(
      parsed.error.issues.map((i) => ({
        path: ['reason'],
        code: i.message === 'too_long' || i.message === 'invalid_characters' ? i.message : 'invalid_type',
        vars: { max: EDITOR_LIMITS.cancellationReason },
      })),
    );
  }
  const reason = parsed.data.reason;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const result = await writeTransaction(ctx.db, async (trx) => {
    if (!(await lockEvent(trx, eventId))) throw notFound('No such event');
    const before = (await loadStoredEvent(trx, eventId))!;
    if (before.status === 'cancelled') throw new EventCancelledError();
    if (before.endsAt <= at) throw new EventEndedError();
    await markEventCancelled(trx, eventId, reason, at);
    const bookings = await ctx.eventSeats.cancelAllBookings(ctx, trx, eventId, { ...(await cancelledEventFacts(trx, eventId)), reason }, at);
    // No credit notes here: the invoicing reconciler (invoices/invoicing.service.ts) sees each
    // booking's new updated_at and the event's status, and credits what was invoiced.
    const after = (await loadStoredEvent(trx, eventId))!;
    await recordEventAudit(trx, {
      editor,
      action: 'event.cancel',
      eventId,
      before: auditSnapshot(before),
      after: {
        ...auditSnapshot(after),
        registrationsCancelled: bookings.length,
        participantsCancelled: bookings.reduce((n, b) => n + b.participantIds.length, 0),
      },
      at: now,
    });
    return { eventId, cancelledAt: at, reason, bookings };
  });
  ctx.pageCache.clear();
  notifyOutbox();
  return result;
}
