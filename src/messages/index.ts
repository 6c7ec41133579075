/**
 * What messages offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// Self-service shows a webinar's join link to bookings that hold a seat.
export { joinLinkForSeat } from './reminders.service.js';
export { JoinLinkSection } from './views/JoinLink.js';
