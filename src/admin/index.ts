/**
 * What admin offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// The coming events as the dashboard lists them, which the messages overview lists too.
export { upcomingEventsForDashboard, type DashboardEventRow } from './dashboard.queries.js';
