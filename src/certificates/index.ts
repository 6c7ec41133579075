/** What other areas may use of course certificates. */
export { issueCertificate, revokeCertificate, runCertificateTick, certificatesOfParticipants, saveSettings, settingsOf } from './certificates.service.js';
export { certificatePaths } from './paths.js';
export type { CertificatesTables } from './certificates.table.js';
