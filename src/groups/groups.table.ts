import type { Generated } from 'kysely';

/**
 * A group plan of an event (migration 2026_12_05_20): the settings it was
 * made with (JSON, see plan-settings.ts), its scores, and who made it. The
 * newest plan of an event is the one its participants see.
 */
export interface GroupPlansTable {
  id: Generated<number>;
  event_id: number;
  /** PlanSettings as JSON: rounds, sizing, mix, constraints, seconds. */
  settings: string;
  /** The mix score of the whole plan (sum of the rounds'). */
  score: number;
  /** What a random plan of the same table sizes scores on average. */
  random_score: number;
  created_by_id: number | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}

/** One round of a plan: its tables' sizes come from the assignments. */
export interface GroupPlanRoundsTable {
  id: Generated<number>;
  plan_id: number;
  /** 1, 2, … */
  round_no: number;
  table_count: number;
  score: number;
  random_score: number;
  /** Pairs of participants who sat together in an earlier round and do so again. */
  repeat_pairs: number;
}

/** Which table a participant sits at in a round; `locked` after a staff member moved them there. */
export interface GroupPlanAssignmentsTable {
  round_id: number;
  participant_id: number;
  /** 1, 2, … within the round. */
  table_no: number;
  locked: number;
}

export interface GroupsTables {
  group_plans: GroupPlansTable;
  group_plan_rounds: GroupPlanRoundsTable;
  group_plan_assignments: GroupPlanAssignmentsTable;
}
