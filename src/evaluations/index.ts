/** What other areas may use of evaluations. */
export { evaluationsRoutes } from './evaluations.routes.js';
export { evaluationsAdminRoutes } from './evaluations.admin.routes.js';
export { evaluationsApi } from './evaluations.api.js';
export { runEvaluationTick, sendEvaluation, inviteParticipants, submitAnswers, ensureEvaluation, evaluationResults, answeredParticipants, openInvitationTokens } from './evaluations.service.js';
export { attendanceAvailable, attendanceByParticipant, attendedParticipantIds, hasCheckedIn } from './attendance.js';
export { evaluationPaths } from './paths.js';
export type { EvaluationsTables } from './evaluations.table.js';
