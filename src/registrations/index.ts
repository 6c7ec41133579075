/**
 * What registrations offers the rest of Tilmeld. Other areas (and the places
 * that wire the application together) import from here, not from the files
 * behind it.
 */
export { eventSeats } from './event-seats.js';
// An event's sign-up questions, which groups divide participants by.
export { questionsOfEvent, type QuestionRow } from './registrations.queries.js';
// Idempotency answers past their time, which the retention job forgets.
export { forgetIdempotencyAnswers } from './registrations.queries.js';
