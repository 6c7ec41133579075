/**
 * What registrations offers the rest of Tilmeld. Other areas import from
 * here, not from the files behind it (db/schema.ts alone joins the table
 * files directly). The pages and APIs are registered through routes.ts.
 */

// Registering for an event: the demo content and the benchmark sign up as the form does.
export { createRegistration, type CreatedRegistration } from './signup/index.js';
// Prices on invoices name the seat price a registration got.
export type { PriceKind } from './signup/index.js';
// Groups seat participants by their answers to the event's questions.
export { questionsOfEvent, type QuestionRow } from './registrations.queries.js';
// Retention forgets the answers kept for idempotent retries of a sign-up.
export { forgetIdempotencyAnswers } from './registrations.queries.js';
// The dashboard shows when free cancellation ends.
export { freeCancellationEnds } from './changes/index.js';
// The dashboard links to an event's exports.
export { exportPaths } from './exports/index.js';
// The outbox workers build the receipt of a new sign-up.
export { registerRegistrationMailBuilders } from './mails/index.js';
// The event editor resizes an event and cancels all its bookings through this port.
export { eventSeats } from './changes/event-seats.js';
// The demo cancels a booking and a participant as staff would.
export { cancelParticipant, cancelRegistration } from './changes/registrations.changes.js';
// The private pages of evaluations and certificates share self-service's page frame.
export { PrivateLayout } from './changes/views/parts.js';
// Certificates and evaluations open a booking by its self-service token and answer on private pages.
export { findBooking, visibleParticipants } from './changes/self-service.service.js';
export { privatePage } from './changes/private-page.js';
