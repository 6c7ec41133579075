/**
 * When staff cancel a whole event, every registration of it is cancelled in
 * the same transaction: each participant (seat or waiting list) is cancelled
 * free of charge, add-ons are released, the seat counters go to zero and
 * everyone gets a mail. The caller holds the event's lock
 * (lockEventForSignup) and has already marked the event cancelled.
 *
 * Afterwards each cancelled registration and participant carries
 * cancelled_at equal to the event's cancelled_at, so whatever must follow a
 * cancellation (a credit note per invoiced registration) can find exactly
 * these bookings; `CancelledBooking[]` names them too.
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { mailEventCancelled, type CancelledEventFacts } from '../mails/event-cancelled.js';
import { changeEventCounters, type LockedEvent } from '../registrations.queries.js';
import { activeParticipantsOfEvent, activeRegistrationsOfEvent, cancelEverythingOfEvent } from './event-cancellation.queries.js';

export interface CancelledBooking {
  registrationId: number;
  /** Every participant cancelled now, seat holders and waiting alike. */
  participantIds: number[];
  /** Participants who held a seat (these were to be invoiced). */
  confirmedParticipantIds: number[];
}

/** Cancels every registration of an event cancelled by staff; see the file comment. */
export async function cancelRegistrationsOfCancelledEvent(
  ctx: AppContext,
  trx: Database,
  event: LockedEvent,
  facts: Omit<CancelledEventFacts, 'id'>,
  at: string,
): Promise<CancelledBooking[]> {
  const registrations = await activeRegistrationsOfEvent(trx, event.id);
  const participants = await activeParticipantsOfEvent(trx, event.id);
  await cancelEverythingOfEvent(trx, event.id, at);
  // Through the engine's guarded update: the counters cannot go below zero.
  await changeEventCounters(trx, event.id, { seats: -event.seats_taken, waiting: -event.waiting_count });

  const bookings: CancelledBooking[] = [];
  for (const r of registrations) {
    const own = participants.filter((p) => p.registration_id === r.id);
    const people = own.map((p) => ({ id: p.id, name: p.name, email: p.email, status: p.status as 'confirmed' | 'waitlisted' }));
    await mailEventCancelled(
      ctx,
      trx,
      { ...facts, id: event.id },
      {
        id: r.id,
        locale: r.locale,
        bookerName: r.booker_name,
        bookerEmail: r.booker_email,
        participants: people,
      },
    );
    bookings.push({
      registrationId: r.id,
      participantIds: own.map((p) => p.id),
      confirmedParticipantIds: own.filter((p) => p.status === 'confirmed').map((p) => p.id),
    });
  }
  return bookings;
}
