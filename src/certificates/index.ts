/** What other areas may use of course certificates. */
export { certificatesRoutes } from './certificates.routes.js';
export { certificatesAdminRoutes } from './certificates.admin.routes.js';
export { certificatesApi } from './certificates.api.js';
export { startAfterEventWorker, runAfterEventTick } from './after-event.worker.js';
export { issueCertificate, revokeCertificate, runCertificateTick, certificatesOfParticipants, saveSettings, settingsOf } from './certificates.service.js';
export { certificatePaths } from './paths.js';
export type { CertificatesTables } from './certificates.table.js';
