/** Queries of course certificates and their settings. */
import type { Insertable, Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import type { CertificateSettingsTable, CertificatesTable } from './certificates.table.js';

export async function participantForCertificate(db: Database, participantId: number) {
  return db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .select([
      'participants.id',
      'participants.name',
      'participants.email',
      'participants.status',
      'participants.event_id',
      'participants.registration_id',
      'registrations.locale',
    ])
    .where('participants.id', '=', participantId)
    .executeTakeFirst();
}

export async function eventForCertificate(db: Database, eventId: number) {
  return db.selectFrom('events').select(['id', 'slug', 'title', 'type', 'status', 'starts_at', 'ends_at']).where('id', '=', eventId).executeTakeFirst();
}
export type CertificateEvent = NonNullable<Awaited<ReturnType<typeof eventForCertificate>>>;

export async function eventBySlug(db: Database, slug: string) {
  return db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
}

export async function sessionTimes(db: Database, eventId: number) {
  return db.selectFrom('sessions').select(['starts_at as startsAt', 'ends_at as endsAt']).where('event_id', '=', eventId).orderBy('starts_at').execute();
}

export async function settingsOf(db: Database, eventId: number) {
  return db.selectFrom('certificate_settings').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}
export type SettingsRow = NonNullable<Awaited<ReturnType<typeof settingsOf>>>;

export async function upsertSettings(db: Database, row: Insertable<CertificateSettingsTable>): Promise<void> {
  const { event_id: _id, ...rest } = row;
  await db
    .insertInto('certificate_settings')
    .values(row)
    .onConflict((oc) => oc.column('event_id').doUpdateSet(rest))
    .execute();
}

export async function certificateOf(db: Database, eventId: number, participantId: number) {
  return db.selectFrom('certificates').selectAll().where('event_id', '=', eventId).where('participant_id', '=', participantId).executeTakeFirst();
}
export type CertificateRow = NonNullable<Awaited<ReturnType<typeof certificateOf>>>;

export async function certificateById(db: Database, id: number) {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function certificateByCode(db: Database, code: string) {
  return db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCertificate(db: Database, row: Insertable<CertificatesTable>): Promise<CertificateRow> {
  return db.insertInto('certificates').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCertificate(db: Database, id: number, patch: Updateable<CertificatesTable>): Promise<CertificateRow> {
  return db.updateTable('certificates').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function certificatesOfEvent(db: Database, eventId: number) {
  return db.selectFrom('certificates').selectAll().where('event_id', '=', eventId).orderBy('participant_name').orderBy('id').execute();
}

export async function certificatesOfParticipants(db: Database, participantIds: number[]) {
  if (participantIds.length === 0) return [];
  return db.selectFrom('certificates').select(['id', 'participant_id', 'code', 'revoked_at']).where('participant_id', 'in', participantIds).execute();
}

export async function confirmedParticipants(db: Database, eventId: number) {
  return db.selectFrom('participants').select(['id', 'name']).where('event_id', '=', eventId).where('status', '=', 'confirmed').orderBy('name').execute();
}

/** Events that have started and ended at most `from` ago (or not yet), not cancelled: candidates for issuing. */
export async function eventsToIssue(db: Database, from: string, now: string) {
  return db
    .selectFrom('events')
    .leftJoin('certificate_settings as s', 's.event_id', 'events.id')
    .select(['events.id', 'events.type', 'events.starts_at', 'events.ends_at', 's.enabled', 's.issue_when', 's.threshold_percent'])
    .where('events.starts_at', '<=', now)
    .where('events.ends_at', '>=', from)
    .where('events.status', 'in', ['published', 'archived'])
    .where((eb) => eb.or([eb('s.enabled', 'is', null), eb('s.enabled', '=', 1)]))
    .orderBy('events.ends_at')
    .limit(50)
    .execute();
}
