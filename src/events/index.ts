/**
 * What events offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// The event card and the search of the front page (pages).
export { EventCard, toEventCard, type EventCardData } from './views/EventCard.js';
export { FrontSearch } from './views/FrontSearch.js';
// Seats left, as a badge on cards elsewhere (news' related events).
export { SeatStatusBadge } from './views/SeatStatusBadge.js';
// What the sign-up and its exports read of an event: its add-ons and its programme.
export { addOnsOfEvent, sessionsOfEvents } from './events.queries.js';
// Staff APIs name an event by its slug.
export { eventIdBySlug } from './events.admin.service.js';
