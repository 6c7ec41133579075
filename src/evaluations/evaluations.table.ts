import type { Generated } from 'kysely';

/** An event's evaluation (migration 2026_12_06_30); `questions` is the JSON of questions.ts. */
export interface EvaluationsTable {
  id: Generated<number>;
  event_id: number;
  questions: string;
  /** 1: sent by the periodic tick `send_after_hours` after the event ends. */
  auto_send: Generated<number>;
  send_after_hours: Generated<number>;
  reminder_after_days: Generated<number>;
  /** When the first invitations went out. */
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One participant's link to answer; the link is signed with `salt` (invitation-token.ts), never stored. */
export interface EvaluationInvitationsTable {
  id: Generated<number>;
  evaluation_id: number;
  participant_id: number;
  salt: string;
  locale: 'da' | 'en';
  sent_at: string;
  reminded_at: string | null;
  /** The "has answered" mark (a Copenhagen date only): stops the reminder and the link. */
  answered_on: string | null;
}

/** One anonymous set of answers: no participant id, only the day. */
export interface EvaluationResponsesTable {
  id: Generated<number>;
  evaluation_id: number;
  locale: 'da' | 'en';
  submitted_on: string;
}

export interface EvaluationAnswersTable {
  response_id: number;
  question_key: string;
  score: number | null;
  text: string | null;
}

export interface EvaluationsTables {
  evaluations: EvaluationsTable;
  evaluation_invitations: EvaluationInvitationsTable;
  evaluation_responses: EvaluationResponsesTable;
  evaluation_answers: EvaluationAnswersTable;
}
