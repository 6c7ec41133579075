/**
 * The staff side of registrations: one event's registrations, a
 * registration's page and its actions, the overview behind the menu, and the
 * staff API. Only routes leave this folder (through ../routes.ts); what they
 * show is read through ../registration-view.ts and changed through ../changes.
 */
export { registrationsAdminRoutes } from './registrations.admin.routes.js';
export { registrationsOverviewRoutes } from './registrations-overview.routes.js';
export { registrationsStaffApi } from './registrations.staff-api.js';
