/**
 * Changes to a booking after the sign-up: cancelling (a participant, by staff,
 * a whole event), moving up from the waiting list, substitutions, the
 * self-service page and "Mine tilmeldinger". The routes are registered
 * through ../routes.ts.
 */
export { cancelParticipant, cancelRegistration, moveFromWaitingList, promoteLocked, raiseCapacity, setCapacity } from './registrations.changes.js';
export { cancelRegistrationsOfCancelledEvent, type CancelledBooking } from './event-cancellation.js';
export { freeCancellationEnds, type CancellationPolicy } from './cancellation.js';
