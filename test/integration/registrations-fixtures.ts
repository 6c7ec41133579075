/**
 * Events and sign-up data for the registration tests. The clock stands at
 * TEST_NOW (1 June 2026); the events start on 15 September 2026.
 */
import type { AppContext } from '../../src/context.js';
import { createTestEvent, type TestEventInput } from '../helpers/events.js';
import { addAddOn, addQuestion, setSignupSettings, type SignupSettings } from '../../src/registrations/signup/signup-settings.service.js';

export const EVENT_START = '2026-09-15T07:00:00.000Z';

let counter = 0;

export interface TestEventOptions extends Omit<Partial<TestEventInput>, 'addOns' | 'questions'> {
  settings?: SignupSettings;
  addOns?: Array<{ code: string; capacity?: number | null; priceOre?: number }>;
  questions?: boolean;
}

export interface TestEvent {
  id: number;
  slug: string;
  addOnIds: Record<string, number>;
  questionIds: { workshop: number; dinner: number };
}

/** A published event with 10 seats unless told otherwise, 3,950 kr. ex. VAT with 25 % VAT. */
export async function makeEvent(ctx: AppContext, options: TestEventOptions = {}): Promise<TestEvent> {
  counter += 1;
  const { settings, addOns = [], questions = false, ...overrides } = options;
  const slug = overrides.slug ?? `seminar-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const id = await createTestEvent(ctx, {
    slug,
    type: 'doegnseminar',
    status: 'published',
    title: `Konsulent i en politisk styret organisation ${counter}`,
    capacity: 10,
    priceOre: 395_000,
    vatMode: 'standard',
    sessions: [{ startsAt: EVENT_START, endsAt: '2026-09-16T13:00:00.000Z', title: 'Døgnseminar' }],
    ...overrides,
  });
  if (settings) await setSignupSettings(ctx, id, settings);
  const addOnIds: Record<string, number> = {};
  for (const [i, a] of addOns.entries()) {
    addOnIds[a.code] = await addAddOn(ctx, id, {
      code: a.code,
      nameDa: a.code === 'overnight' ? 'Overnatning i enkeltværelse' : `Tilvalg ${a.code}`,
      nameEn: a.code === 'overnight' ? 'Overnight stay, single room' : `Add-on ${a.code}`,
      kind: a.code === 'overnight' ? 'overnight' : 'meal',
      priceOre: a.priceOre ?? 85_000,
      capacity: a.capacity ?? null,
      position: i,
    });
  }
  let questionIds = { workshop: 0, dinner: 0 };
  if (questions) {
    questionIds = {
      workshop: await addQuestion(ctx, id, {
        kind: 'single',
        labelDa: 'Hvilken workshop vil du deltage i?',
        labelEn: 'Which workshop will you join?',
        options: [
          { value: 'a', da: 'Facilitering', en: 'Facilitation' },
          { value: 'b', da: 'Politisk betjening', en: 'Serving politicians' },
        ],
        required: true,
        position: 1,
      }),
      dinner: await addQuestion(ctx, id, { kind: 'yesno', labelDa: 'Deltager du i middagen?', labelEn: 'Will you join the dinner?', position: 2 }),
    };
  }
  return { id, slug, addOnIds, questionIds };
}

export function participant(n: number, extra: Record<string, unknown> = {}) {
  return { name: `Deltager ${n}`, email: `deltager${n}@kommune.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice', ...extra };
}

/** A valid registration for `size` participants (numbered from `first`). */
export function signup(size = 1, first = 1, extra: Record<string, unknown> = {}) {
  return {
    payer: {
      organisation: 'Aarhus Kommune',
      cvr: '55133018',
      ean: '5798000416604',
      personReference: 'HR 4711',
      address: 'Rådhuspladsen 2',
      postalCode: '8000',
      city: 'Aarhus C',
      email: 'faktura@aarhus.dk',
    },
    participants: Array.from({ length: size }, (_, i) => participant(first + i)),
    consentToParticipantList: true,
    acceptTerms: true,
    ...extra,
  };
}
