/** The pages and the API of evaluations, for the application shell alone (app.ts). */
export { evaluationsRoutes } from './evaluations.routes.js';
export { evaluationsAdminRoutes } from './evaluations.admin.routes.js';
export { evaluationsApi } from './evaluations.api.js';
