import type { Database } from '../../db/database.js';

/** The registrations of an event not yet cancelled, in order of arrival. */
export async function activeRegistrationsOfEvent(trx: Database, eventId: number) {
  return trx
    .selectFrom('registrations')
    .select(['id', 'locale', 'booker_name', 'booker_email'])
    .where('event_id', '=', eventId)
    .where('status', '!=', 'cancelled')
    .orderBy('arrival_no')
    .execute();
}

/** The participants of an event with a seat or on the waiting list, by registration and position. */
export async function activeParticipantsOfEvent(trx: Database, eventId: number) {
  return trx
    .selectFrom('participants')
    .select(['id', 'registration_id', 'name', 'email', 'status', 'position'])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .orderBy('registration_id')
    .orderBy('position')
    .execute();
}

/** Releases every add-on of the event and cancels every participant and registration free of charge (the counters are the caller's). */
export async function cancelEverythingOfEvent(trx: Database, eventId: number, at: string): Promise<void> {
  await trx
    .updateTable('participant_add_ons')
    .set({ status: 'released' })
    .where('status', 'in', ['reserved', 'requested'])
    .where('participant_id', 'in', (eb) => eb.selectFrom('participants').select('participants.id').where('participants.event_id', '=', eventId))
    .execute();
  await trx.updateTable('event_add_ons').set({ taken: 0 }).where('event_id', '=', eventId).execute();
  await trx
    .updateTable('participants')
    .set({ status: 'cancelled', cancelled_at: at, cancellation_fee_ore: 0, updated_at: at })
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute();
  await trx
    .updateTable('registrations')
    .set({ status: 'cancelled', cancelled_at: at, updated_at: at })
    .where('event_id', '=', eventId)
    .where('status', '!=', 'cancelled')
    .execute();
}
