/**
 * The sign-up's side of a staff change to an event (see events/event-seats.ts):
 * the one way the event editor changes capacity and promotes from the waiting
 * list, and the cancelling of every booking when staff cancel the event.
 */
import type { EventSeats } from '../../events/event-seats.js';
import { cancelRegistrationsOfCancelledEvent } from './event-cancellation.js';
import { promoteLocked } from './registrations.changes.js';
import { eventState, setEventCapacity } from '../registrations.queries.js';

export const eventSeats: EventSeats = {
  async resizeAndPromote(ctx, trx, eventId, capacity, now) {
    const event = await eventState(trx, eventId);
    if (!event) return [];
    // Through the sign-up's own query: refused below the seats taken, whatever the editor decided.
    if (capacity !== event.capacity) await setEventCapacity(trx, eventId, capacity, now.toISOString());
    // More seats, or partial booking allowed now: the waiting list moves up, in this transaction.
    return promoteLocked(ctx, trx, eventId, now);
  },
  async cancelAllBookings(ctx, trx, eventId, facts, at) {
    const event = await eventState(trx, eventId);
    if (!event) return [];
    return cancelRegistrationsOfCancelledEvent(ctx, trx, event, facts, at);
  },
};
