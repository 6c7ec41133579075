/**
 * An event with 24 confirmed participants from eight municipalities, three
 * from each (one registration per municipality), with three job titles and
 * an answer to the workshop question, for the group-plan tests.
 */
import type { AppContext } from '../../src/context.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

export const MUNICIPALITIES = [
  'Aarhus Kommune',
  'Odense Kommune',
  'Vejle Kommune',
  'Horsens Kommune',
  'Region Midtjylland',
  'Silkeborg Kommune',
  'Københavns Kommune',
  'Aalborg Kommune',
];
const TITLES = ['Konsulent', 'Chefkonsulent', 'Projektleder'];

export interface GroupsScenario {
  event: TestEvent;
  /** Participant ids in order of sign-up: three per municipality. */
  participantIds: number[];
  /** The self-service token of the first registration (the first three participants). */
  firstToken: string;
}

export async function groupsScenario(ctx: AppContext, size = 24): Promise<GroupsScenario> {
  const event = await makeEvent(ctx, { capacity: 40, questions: true });
  const q = event.questionIds;
  let n = 0;
  let firstToken = '';
  for (const [m, organisation] of MUNICIPALITIES.entries()) {
    const count = Math.min(3, size - n);
    if (count <= 0) break;
    const created = await createRegistration(ctx, event.slug, {
      ...signup(count, n + 1, { payer: { ...signup().payer, organisation } }),
      participants: Array.from({ length: count }, (_, i) =>
        participant(n + i + 1, {
          name: `Person ${String.fromCharCode(65 + m)}${i + 1}`,
          jobTitle: TITLES[i]!,
          workplace: i === 0 ? 'Økonomi' : 'Borgerservice',
          answers: { [q.workshop]: i % 2 === 0 ? 'a' : 'b' },
        }),
      ),
    });
    firstToken ||= created.manageToken;
    n += count;
  }
  const rows = await ctx.db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .select('participants.id')
    .where('participants.event_id', '=', event.id)
    .where('participants.status', '=', 'confirmed')
    .orderBy('registrations.arrival_no')
    .orderBy('participants.position')
    .execute();
  return { event, participantIds: rows.map((r) => r.id), firstToken };
}
