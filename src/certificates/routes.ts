/** The pages, the API and the after-event worker of course certificates, for the application shell alone (app.ts, server.ts, the worker command). */
export { certificatesRoutes } from './certificates.routes.js';
export { certificatesAdminRoutes } from './certificates.admin.routes.js';
export { certificatesApi } from './certificates.api.js';
export { startAfterEventWorker, runAfterEventTick } from './after-event.worker.js';
