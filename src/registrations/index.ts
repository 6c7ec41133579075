/**
 * What registrations offers the rest of Tilmeld. Other areas (and the places
 * that wire the application together) import from here, not from the files
 * behind it.
 */
export { eventSeats } from './event-seats.js';
