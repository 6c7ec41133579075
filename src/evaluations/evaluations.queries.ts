/** Queries of evaluations, their invitations and their anonymous answers. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import type { EvaluationsTable } from './evaluations.table.js';

export async function eventFacts(db: Database, eventId: number) {
  return db
    .selectFrom('events')
    .select(['id', 'slug', 'title', 'type', 'status', 'starts_at', 'ends_at', 'duplicated_from_id', 'language'])
    .where('id', '=', eventId)
    .executeTakeFirst();
}
export type EventFacts = NonNullable<Awaited<ReturnType<typeof eventFacts>>>;

export async function eventIdBySlug(db: Database, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

export async function programmeOf(db: Database, eventId: number) {
  const sessions = await db
    .selectFrom('sessions')
    .select(['id', 'title'])
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const speakers = await db
    .selectFrom('session_speakers')
    .innerJoin('sessions', 'sessions.id', 'session_speakers.session_id')
    .innerJoin('speakers', 'speakers.id', 'session_speakers.speaker_id')
    .select(['speakers.id', 'speakers.name'])
    .where('sessions.event_id', '=', eventId)
    .groupBy(['speakers.id', 'speakers.name'])
    .orderBy('speakers.id')
    .execute();
  return { sessions, speakers };
}

export async function evaluationOfEvent(db: Database, eventId: number) {
  return db.selectFrom('evaluations').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}
export type EvaluationRow = NonNullable<Awaited<ReturnType<typeof evaluationOfEvent>>>;

export async function insertEvaluation(db: Database, row: Insertable<EvaluationsTable>): Promise<void> {
  await db
    .insertInto('evaluations')
    .values(row)
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

export async function updateEvaluation(db: Database, id: number, patch: Updateable<EvaluationsTable>): Promise<void> {
  await db.updateTable('evaluations').set(patch).where('id', '=', id).execute();
}

/** Confirmed participants among the given ids with their sign-up language, skipping those already invited. */
export async function uninvited(db: Database, evaluationId: number, eventId: number, participantIds: number[]) {
  if (participantIds.length === 0) return [];
  return db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .leftJoin('evaluation_invitations as i', (j) => j.onRef('i.participant_id', '=', 'participants.id').on('i.evaluation_id', '=', evaluationId))
    .select(['participants.id', 'participants.name', 'participants.email', 'registrations.locale'])
    .where('participants.event_id', '=', eventId)
    .where('participants.status', '=', 'confirmed')
    .where('participants.id', 'in', participantIds)
    .where('i.id', 'is', null)
    .orderBy('participants.id')
    .execute();
}

export async function insertInvitation(
  db: Database,
  row: { evaluation_id: number; participant_id: number; salt: string; locale: 'da' | 'en'; sent_at: string },
): Promise<number> {
  return (await db.insertInto('evaluation_invitations').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function invitation(db: Database, id: number) {
  return db
    .selectFrom('evaluation_invitations as i')
    .innerJoin('evaluations as e', 'e.id', 'i.evaluation_id')
    .innerJoin('events', 'events.id', 'e.event_id')
    .innerJoin('participants as p', 'p.id', 'i.participant_id')
    .select([
      'i.id',
      'i.salt',
      'i.locale',
      'i.answered_on',
      'i.participant_id',
      'e.id as evaluation_id',
      'e.questions',
      'events.id as event_id',
      'events.title',
      'events.starts_at',
      'events.ends_at',
      'p.name',
      'p.email',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}
export type InvitationRow = NonNullable<Awaited<ReturnType<typeof invitation>>>;

/** Sets the "has answered" mark; 0 rows when it was already set (the link is single-use). */
export async function markAnswered(trx: Database, id: number, day: string): Promise<boolean> {
  const r = await trx.updateTable('evaluation_invitations').set({ answered_on: day }).where('id', '=', id).where('answered_on', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResponse(
  trx: Database,
  evaluationId: number,
  locale: 'da' | 'en',
  day: string,
  answers: Array<{ key: string; score: number | null; text: string | null }>,
): Promise<void> {
  const { id } = await trx
    .insertInto('evaluation_responses')
    .values({ evaluation_id: evaluationId, locale, submitted_on: day })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < answers.length; i += 100) {
    await trx
      .insertInto('evaluation_answers')
      .values(answers.slice(i, i + 100).map((a) => ({ response_id: id, question_key: a.key, score: a.score, text: a.text })))
      .execute();
  }
}

export async function answersOf(db: Database, evaluationId: number) {
  return (
    db
      .selectFrom('evaluation_answers as a')
      .innerJoin('evaluation_responses as r', 'r.id', 'a.response_id')
      .select(['a.question_key', 'a.score', 'a.text'])
      .where('r.evaluation_id', '=', evaluationId)
      // Sorted by the text: the list of free-text answers must not follow the order people answered in.
      .orderBy(sql`a.text`)
      .orderBy('a.question_key')
      .execute()
  );
}

export async function counts(db: Database, evaluationId: number) {
  const row = await db
    .selectFrom('evaluation_invitations')
    .select([sql<number>`count(*)`.as('invited'), sql<number>`count(answered_on)`.as('answered')])
    .where('evaluation_id', '=', evaluationId)
    .executeTakeFirstOrThrow();
  const responses = await db
    .selectFrom('evaluation_responses')
    .select(sql<number>`count(*)`.as('n'))
    .where('evaluation_id', '=', evaluationId)
    .executeTakeFirstOrThrow();
  return { invited: Number(row.invited), answered: Number(row.answered), responses: Number(responses.n) };
}

/** Events that ended between `from` and `to`, not cancelled, whose evaluation has not been sent and is not turned off. */
export async function endedUnsent(db: Database, from: string, to: string) {
  return db
    .selectFrom('events')
    .leftJoin('evaluations as e', 'e.event_id', 'events.id')
    .select(['events.id', 'events.ends_at', 'e.auto_send', 'e.send_after_hours', 'e.sent_at'])
    .where('events.ends_at', '>=', from)
    .where('events.ends_at', '<=', to)
    .where('events.status', 'in', ['published', 'archived'])
    .where((eb) => eb.or([eb('e.id', 'is', null), eb.and([eb('e.sent_at', 'is', null), eb('e.auto_send', '=', 1)])]))
    .orderBy('events.ends_at')
    .limit(50)
    .execute();
}

/** Unanswered invitations sent before `before` without a reminder yet; the days are checked per evaluation by the caller. */
export async function reminderCandidates(db: Database, before: string) {
  return db
    .selectFrom('evaluation_invitations as i')
    .innerJoin('evaluations as e', 'e.id', 'i.evaluation_id')
    .select(['i.id', 'i.sent_at', 'e.reminder_after_days'])
    .where('i.answered_on', 'is', null)
    .where('i.reminded_at', 'is', null)
    .where('i.sent_at', '<=', before)
    .orderBy('i.id')
    .limit(500)
    .execute();
}

export async function markReminded(trx: Database, id: number, at: string): Promise<boolean> {
  const r = await trx
    .updateTable('evaluation_invitations')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .where('answered_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether these participants have answered their event's evaluation (the mark only). */
export async function answeredParticipants(db: Database, participantIds: number[]): Promise<Set<number>> {
  if (participantIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('evaluation_invitations')
    .select('participant_id')
    .where('participant_id', 'in', participantIds)
    .where('answered_on', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.participant_id));
}

export async function openInvitationsOfEvent(db: Database, eventId: number) {
  return db
    .selectFrom('evaluation_invitations as i')
    .innerJoin('evaluations as e', 'e.id', 'i.evaluation_id')
    .select(['i.id', 'i.salt'])
    .where('e.event_id', '=', eventId)
    .where('i.answered_on', 'is', null)
    .orderBy('i.id')
    .execute();
}

/** Every question key that has answers: a new question never takes one, or old answers would count for it. */
export async function answeredKeys(db: Database, evaluationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('evaluation_answers as a')
    .innerJoin('evaluation_responses as r', 'r.id', 'a.response_id')
    .select('a.question_key')
    .distinct()
    .where('r.evaluation_id', '=', evaluationId)
    .execute();
  return rows.map((r) => r.question_key);
}
