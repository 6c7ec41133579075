/**
 * One small catalogue and the results it must give, shared by the ranking
 * tests on SQLite and PostgreSQL: both databases must put the same events
 * first. Dates run the other way from relevance, so date order would fail.
 */
import type { AppContext } from '../../src/context.js';
import { createTestEvent, type TestEventInput } from '../helpers/events.js';

function event(slug: string, day: string, parts: Pick<TestEventInput, 'title'> & Partial<TestEventInput>): TestEventInput {
  return {
    slug,
    type: 'kursus',
    status: 'published',
    capacity: 20,
    priceOre: 100_000,
    vatMode: 'standard',
    sessions: [{ startsAt: `${day}T07:00:00.000Z`, endsAt: `${day}T14:00:00.000Z`, title: 'Dagen' }],
    ...parts,
  };
}

/** In date order; the event that should rank first for "konsulent" is the last. */
export const searchCorpus: TestEventInput[] = [
  event('projektledelse-i-praksis', '2026-08-03', {
    title: 'Projektledelse i praksis',
    summary: 'Værktøjer til projektledere i kommuner.',
    body: 'Mange projektledere arbejder som intern konsulent. Vi ser på konsulentens rolle i styregruppen og på ledelse af projekter.',
  }),
  event('borgerinddragelse', '2026-08-10', {
    title: 'Borgerinddragelse med effekt',
    summary: 'For konsulenter og planlæggere, der inddrager borgere.',
    body: 'Metoder til dialog med borgerne.',
  }),
  event('styring-og-oekonomi', '2026-08-17', {
    title: 'Økonomistyring for ikke-økonomer',
    summary: 'Budget og regnskab i en politisk styret organisation.',
    body: 'Kurset giver ledere og konsulenter et overblik. En konsulent fra en politisk styret organisation fortæller.',
  }),
  event('ledelse-af-fagprofessionelle', '2026-08-24', {
    title: 'Ledelse af fagprofessionelle',
    summary: 'Et kursus for ledere i en kommune.',
    body: 'Ledelse når medarbejderne ved mest. Politisk betjening og organisation.',
  }),
  event('organisation-og-politik', '2026-08-31', {
    title: 'Organisation og politik',
    summary: 'Om at arbejde tæt på politikerne.',
    body: 'En styret proces i en organisation, hvor det politiske niveau bestemmer.',
  }),
  event('konsulent-i-en-politisk-styret-organisation', '2026-09-10', {
    title: 'Konsulent i en politisk styret organisation',
    summary: 'Et døgn om konsulentens rolle som facilitator.',
    body: 'Vi arbejder med inspiration på tværs af forvaltninger.',
  }),
];

/** A query and the slugs that must come first, in this order. */
export const expectedTop: Array<[string, string[]]> = [
  // The title before the summary before the description, although the date says otherwise.
  ['konsulent', ['konsulent-i-en-politisk-styret-organisation', 'borgerinddragelse']],
  ['konsulenter', ['konsulent-i-en-politisk-styret-organisation', 'borgerinddragelse']],
  // The exact phrase in the title first, then the phrase in the summary, then all words scattered.
  ['politisk styret organisation', ['konsulent-i-en-politisk-styret-organisation', 'styring-og-oekonomi', 'organisation-og-politik']],
  // Every word before some of them.
  ['konsulent ledelse', ['projektledelse-i-praksis']],
  ['ledelse', ['ledelse-af-fagprofessionelle']],
];

export async function seedSearchCorpus(ctx: AppContext): Promise<void> {
  for (const input of searchCorpus) await createTestEvent(ctx, input);
  ctx.pageCache.clear();
}
