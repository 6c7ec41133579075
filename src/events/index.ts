/**
 * What events offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// The event card and the search of the front page (pages).
export { EventCard, toEventCard, type EventCardData } from './views/EventCard.js';
export { FrontSearch } from './views/FrontSearch.js';
// Seats left, as a badge on cards elsewhere (news' related events).
export { SeatStatusBadge } from './views/SeatStatusBadge.js';
