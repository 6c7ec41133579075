/** What the group plans read and write; the service decides. */
import type { Insertable } from 'kysely';
import type { Database } from '../db/database.js';
import type { GroupPlanAssignmentsTable, GroupPlansTable } from './groups.table.js';

/** The event a plan is for, with what the pages and files show of it. */
export async function eventOfGroups(db: Database, eventId: number) {
  return db
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select([
      'events.id',
      'events.slug',
      'events.type',
      'events.title',
      'events.starts_at',
      'events.ends_at',
      'venues.name as venue_name',
      'venues.city as venue_city',
    ])
    .where('events.id', '=', eventId)
    .executeTakeFirst();
}
export type GroupsEventRow = NonNullable<Awaited<ReturnType<typeof eventOfGroups>>>;

/** Confirmed participants with their registration's organisation, in order of arrival. */
export async function confirmedPeople(db: Database, eventId: number) {
  return db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .select(['participants.id', 'participants.name', 'participants.job_title', 'participants.workplace', 'registrations.payer_organisation'])
    .where('participants.event_id', '=', eventId)
    .where('participants.status', '=', 'confirmed')
    .orderBy('registrations.arrival_no')
    .orderBy('participants.position')
    .execute();
}

export async function answersOfConfirmed(db: Database, eventId: number) {
  return db
    .selectFrom('answers')
    .innerJoin('participants', 'participants.id', 'answers.participant_id')
    .select(['answers.participant_id', 'answers.question_id', 'answers.value'])
    .where('participants.event_id', '=', eventId)
    .where('participants.status', '=', 'confirmed')
    .execute();
}

export async function plansOfEvent(db: Database, eventId: number) {
  return db
    .selectFrom('group_plans')
    .select(['id', 'settings', 'score', 'random_score', 'created_by_name', 'created_at', 'updated_at'])
    .where('event_id', '=', eventId)
    .orderBy('id', 'desc')
    .execute();
}

export async function planRow(db: Database, planId: number) {
  return db.selectFrom('group_plans').selectAll().where('id', '=', planId).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof planRow>>>;

export async function latestPlanId(db: Database, eventId: number): Promise<number | undefined> {
  const row = await db.selectFrom('group_plans').select('id').where('event_id', '=', eventId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id;
}

export async function roundsOfPlan(db: Database, planId: number) {
  return db.selectFrom('group_plan_rounds').selectAll().where('plan_id', '=', planId).orderBy('round_no').execute();
}

export async function assignmentsOfPlan(db: Database, planId: number) {
  return db
    .selectFrom('group_plan_assignments')
    .innerJoin('group_plan_rounds', 'group_plan_rounds.id', 'group_plan_assignments.round_id')
    .select([
      'group_plan_rounds.round_no',
      'group_plan_assignments.round_id',
      'group_plan_assignments.participant_id',
      'group_plan_assignments.table_no',
      'group_plan_assignments.locked',
    ])
    .where('group_plan_rounds.plan_id', '=', planId)
    .execute();
}

export interface NewRound {
  roundNo: number;
  tableCount: number;
  score: number;
  randomScore: number;
  repeatPairs: number;
  assignments: Array<{ participantId: number; tableNo: number; locked: boolean }>;
}

async function insertRounds(trx: Database, planId: number, rounds: ReadonlyArray<NewRound>): Promise<void> {
  for (const r of rounds) {
    const row = await trx
      .insertInto('group_plan_rounds')
      .values({ plan_id: planId, round_no: r.roundNo, table_count: r.tableCount, score: r.score, random_score: r.randomScore, repeat_pairs: r.repeatPairs })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows: Array<Insertable<GroupPlanAssignmentsTable>> = r.assignments.map((a) => ({
      round_id: row.id,
      participant_id: a.participantId,
      table_no: a.tableNo,
      locked: a.locked ? 1 : 0,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('group_plan_assignments')
        .values(rows.slice(i, i + 200))
        .execute();
  }
}

export async function insertPlan(trx: Database, plan: Insertable<GroupPlansTable>, rounds: ReadonlyArray<NewRound>): Promise<number> {
  const row = await trx.insertInto('group_plans').values(plan).returning('id').executeTakeFirstOrThrow();
  await insertRounds(trx, row.id, rounds);
  return row.id;
}

/** Replaces every round of a plan (re-optimised or re-scored) and its scores. */
export async function replaceRounds(
  trx: Database,
  planId: number,
  score: number,
  randomScore: number,
  updatedAt: string,
  rounds: ReadonlyArray<NewRound>,
): Promise<void> {
  await trx.deleteFrom('group_plan_rounds').where('plan_id', '=', planId).execute();
  await insertRounds(trx, planId, rounds);
  await trx.updateTable('group_plans').set({ score, random_score: randomScore, updated_at: updatedAt }).where('id', '=', planId).execute();
}

/** Every table of one participant in the newest plan of their event, by round. */
export async function tablesOfParticipants(db: Database, participantIds: ReadonlyArray<number>) {
  if (participantIds.length === 0) return [];
  return db
    .selectFrom('group_plan_assignments')
    .innerJoin('group_plan_rounds', 'group_plan_rounds.id', 'group_plan_assignments.round_id')
    .innerJoin('group_plans', 'group_plans.id', 'group_plan_rounds.plan_id')
    .select([
      'group_plans.id as plan_id',
      'group_plans.event_id',
      'group_plan_assignments.participant_id',
      'group_plan_rounds.round_no',
      'group_plan_assignments.table_no',
    ])
    .where('group_plan_assignments.participant_id', 'in', participantIds)
    .where(({ eb, selectFrom }) =>
      eb(
        'group_plans.id',
        '=',
        selectFrom('group_plans as newest')
          .select((e) => e.fn.max('newest.id').as('m'))
          .whereRef('newest.event_id', '=', 'group_plans.event_id'),
      ),
    )
    .orderBy('group_plan_rounds.round_no')
    .execute();
}

/** Every participant's table per round in the newest plan of an event. */
export async function tablesOfEvent(db: Database, eventId: number) {
  const planId = await latestPlanId(db, eventId);
  if (planId === undefined) return [];
  return db
    .selectFrom('group_plan_assignments')
    .innerJoin('group_plan_rounds', 'group_plan_rounds.id', 'group_plan_assignments.round_id')
    .select(['group_plan_assignments.participant_id', 'group_plan_rounds.round_no', 'group_plan_assignments.table_no'])
    .where('group_plan_rounds.plan_id', '=', planId)
    .orderBy('group_plan_rounds.round_no')
    .execute();
}
