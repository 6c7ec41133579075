/**
 * A døgnseminar with every kind of participant the exports must handle: two
 * confirmed in one registration (one with a formula for a name), one
 * confirmed who did not agree to the participant list, a group of two on the
 * waiting list and one who cancelled. Capacity 4, so the group of two waits.
 */
import type { AppContext } from '../../src/context.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

export const EVIL_NAME = '=HYPERLINK("http://evil","x")';

export interface ExportScenario {
  event: TestEvent;
  registrationIds: { pair: number; private: number; group: number; cancelled: number };
}

export async function exportScenario(ctx: AppContext, overrides: { type?: 'doegnseminar' | 'kursus' } = {}): Promise<ExportScenario> {
  const event = await makeEvent(ctx, {
    capacity: 4,
    type: overrides.type ?? 'doegnseminar',
    addOns: [{ code: 'overnight' }, { code: 'dinner' }],
    questions: true,
    sessions: [
      { startsAt: '2026-09-15T07:30:00.000Z', endsAt: '2026-09-15T08:00:00.000Z', title: 'Ankomst og kaffe' },
      { startsAt: '2026-09-15T10:00:00.000Z', endsAt: '2026-09-15T11:00:00.000Z', title: 'Frokost' },
      { startsAt: '2026-09-15T12:00:00.000Z', endsAt: '2026-09-15T14:00:00.000Z', title: 'Eftermiddagens workshop' },
      { startsAt: '2026-09-15T17:00:00.000Z', endsAt: '2026-09-15T20:00:00.000Z', title: 'Middag og netværk' },
      { startsAt: '2026-09-16T06:30:00.000Z', endsAt: '2026-09-16T10:00:00.000Z', title: 'Morgensession' },
      { startsAt: '2026-09-16T10:00:00.000Z', endsAt: '2026-09-16T11:00:00.000Z', title: 'Frokost og afrejse' },
    ],
  });
  const q = event.questionIds;
  const pair = await createRegistration(ctx, event.slug, {
    ...signup(2, 1, { payer: { ...signup().payer, poNumber: '00451234' } }),
    participants: [
      participant(1, { name: EVIL_NAME, diet: 'Vegetar', addOns: ['overnight', 'dinner'], answers: { [q.workshop]: 'a', [q.dinner]: true } }),
      participant(2, { name: 'Bodil Ærø', diet: '  vegetar ', jobTitle: 'Chefkonsulent', workplace: 'Økonomi', answers: { [q.workshop]: 'b' } }),
    ],
  });
  const priv = await createRegistration(ctx, event.slug, {
    ...signup(1, 3),
    consentToParticipantList: false,
    participants: [
      participant(3, { name: 'Åse Ørum', diet: 'Glutenfri', accessibilityNeeds: 'Kørestol', addOns: ['overnight'], answers: { [q.workshop]: 'a' } }),
    ],
  });
  const group = await createRegistration(ctx, event.slug, {
    ...signup(2, 4),
    participants: [
      participant(4, { name: 'Viggo Venter', answers: { [q.workshop]: 'a' } }),
      participant(5, { name: 'Vera Venter', addOns: ['dinner'], answers: { [q.workshop]: 'b' } }),
    ],
  });
  const cancelled = await createRegistration(ctx, event.slug, {
    ...signup(1, 6),
    participants: [participant(6, { name: 'Carl Afbud', answers: { [q.workshop]: 'a' } })],
  });
  await cancelRegistration(ctx, cancelled.id);
  return { event, registrationIds: { pair: pair.id, private: priv.id, group: group.id, cancelled: cancelled.id } };
}
