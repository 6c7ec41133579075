/**
 * Documents and helpers for the events back-office tests. The clock stands at
 * TEST_NOW (1 June 2026, 12.00 Danish time); the events are in the autumn.
 */
import type { AppContext } from '../../src/context.js';
import type { EventDocumentInput } from '../../src/events/event-document.schema.js';
import type { StaffEditor } from '../../src/events/events.audit.js';
import { createStaff } from '../helpers/staff.js';

/** An event manager to act as (a real staff row: the audit log refers to it). */
export async function createManager(ctx: AppContext): Promise<StaffEditor> {
  const staff = await createStaff(ctx, 'manager', { name: 'Mette Manager' });
  return { id: staff.id, email: staff.email };
}

/** The audit entries of one event, oldest first, with before and after parsed. */
export async function auditOf(ctx: AppContext, eventId: number) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'before_json', 'after_json'])
    .where('entity_type', '=', 'event')
    .where('entity_id', '=', String(eventId))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    actorId: r.actor_id,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as Record<string, unknown>),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as Record<string, unknown>),
  }));
}

let counter = 0;

/** A valid document: a døgnseminar in Nyborg with two speakers, three sessions, an add-on and a question. */
export function seminarDocument(overrides: Partial<EventDocumentInput> = {}): EventDocumentInput {
  counter += 1;
  return {
    type: 'doegnseminar',
    title: `Årsmøde for konsulenter ${counter}`,
    summary: 'Et døgn om konsulentens rolle.',
    body: '## Program\n\nOplæg og workshops.',
    audience: 'Konsulenter i kommuner og regioner.',
    included: 'Overnatning og alle måltider.',
    venue: { name: 'Nyborg Strand', address: 'Østerøvej 2', postalCode: '5800', city: 'Nyborg', accessibility: 'Niveaufri adgang.', mapUrl: null },
    speakers: [
      { name: 'Birgitte Holm', title: 'Chefkonsulent', organisation: 'Faxe Kommune', bio: 'Politisk betjening.' },
      { name: 'Anders Lund', title: 'Lektor', organisation: 'Professionshøjskolen' },
    ],
    sessions: [
      { startsAt: '2026-09-10T09:30', endsAt: '2026-09-10T12:00', title: 'Velkomst og oplæg', room: 'Sal A', speakers: [0] },
      { startsAt: '2026-09-10T13:00', endsAt: '2026-09-10T16:00', title: 'Workshop', room: 'Lokale 2', speakers: [0, 1] },
      { startsAt: '2026-09-11T09:00', endsAt: '2026-09-11T12:00', title: 'Opsamling', speakers: [1] },
    ],
    capacity: 2,
    priceOre: 450_000,
    memberPriceOre: 395_000,
    vatMode: 'standard',
    signupOpensAt: '2026-05-01T09:00',
    signupClosesAt: '2026-08-15T12:00',
    allowPartial: false,
    cancellation: { freeDays: 14, late: 'fee', lateFeeOre: 100_000 },
    addOns: [
      { code: 'overnight', nameDa: 'Overnatning i enkeltværelse', nameEn: 'Overnight stay, single room', kind: 'overnight', priceOre: 85_000, capacity: 1 },
    ],
    questions: [
      {
        kind: 'single',
        labelDa: 'Hvilken workshop?',
        labelEn: 'Which workshop?',
        options: [
          { value: 'a', da: 'Facilitering', en: 'Facilitation' },
          { value: 'b', da: 'Politisk betjening', en: 'Serving politicians' },
        ],
        required: true,
      },
    ],
    ...overrides,
  };
}

export async function outbox(ctx: AppContext) {
  return ctx.db.selectFrom('outbox_messages').select(['id', 'recipient', 'subject', 'payload', 'dedupe_key']).orderBy('id').execute();
}
