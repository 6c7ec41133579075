/**
 * The HTTP side of registrations, for app.ts to register: sign-up form and
 * API, self-service and "Mine tilmeldinger", staff pages, exports and the
 * staff API. Kept apart from index.ts because these pages draw on areas that
 * themselves read registrations (groups, invoices, materials).
 */
export { signupRoutes } from './signup/signup.routes.js';
export { registrationsApi } from './signup/registrations.api.js';
export { selfServiceRoutes } from './changes/self-service.routes.js';
export { exportsAdminRoutes } from './exports/exports.admin.routes.js';
export { venueReportApi } from './exports/venue-report.api.js';
export { registrationsAdminRoutes, registrationsOverviewRoutes, registrationsStaffApi } from './admin/index.js';
