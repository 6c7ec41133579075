/** What other areas may use of evaluations. */
export {
  runEvaluationTick,
  sendEvaluation,
  inviteParticipants,
  submitAnswers,
  ensureEvaluation,
  evaluationResults,
  answeredParticipants,
  openInvitationTokens,
} from './evaluations.service.js';
export { attendanceByParticipant, attendedParticipantIds, hasCheckedIn } from './attendance.queries.js';
export { evaluationPaths } from './paths.js';
export type { EvaluationsTables } from './evaluations.table.js';
