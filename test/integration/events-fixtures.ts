/**
 * A small catalogue for the events tests, built with the event editor. The clock
 * stands at TEST_NOW (1 June 2026, 12.00 Danish time).
 */
import type { AppContext } from '../../src/context.js';
import { createTestEvent, type TestEventInput } from '../helpers/events.js';
import { storeMaterial } from '../../src/materials/materials.service.js';

const themes = {
  konsulent: { slug: 'konsulentrollen', nameDa: 'Konsulentrollen', nameEn: 'The consultant role' },
  ledelse: { slug: 'ledelse', nameDa: 'Ledelse', nameEn: 'Leadership' },
  digital: { slug: 'digitalisering', nameDa: 'Digitalisering', nameEn: 'Digitalisation' },
  klima: { slug: 'klima', nameDa: 'Klima og miljø', nameEn: 'Climate and environment' },
};

const nyborg = {
  name: 'Hotel Nyborg Strand',
  address: 'Østerøvej 2',
  postalCode: '5800',
  city: 'Nyborg',
  accessibility: 'Niveaufri adgang fra parkeringspladsen og elevator til alle etager.',
  mapUrl: 'https://www.openstreetmap.org/?mlat=55.31&mlon=10.81',
};

/** Eighty filler words, so that a word after them tests that the whole body is indexed. */
const filler = Array.from({ length: 80 }, (_, i) => `ord${i}`).join(' ');

export const fixtureEvents = {
  seminar: {
    slug: 'konsulent-i-en-politisk-styret-organisation',
    type: 'doegnseminar',
    status: 'published',
    title: 'Konsulent i en politisk styret organisation',
    summary: 'Et døgn om konsulentens rolle som facilitator på tværs af organisationer.',
    body: `## Indhold\n\nVi arbejder med inspiration på tværs af forvaltninger. ${filler} Til sidst om tovholderfunktionen.`,
    audience: 'Konsulenter og specialister i kommuner og regioner.',
    included: 'Overnatning i enkeltværelse, alle måltider og materialer.',
    venue: nyborg,
    capacity: 40,
    signupClosesAt: '2026-08-15T10:00:00.000Z',
    priceOre: 450000,
    memberPriceOre: 395000,
    vatMode: 'standard',
    speakers: [
      { name: 'Birgitte Holm', title: 'Chefkonsulent', organisation: 'Faxe Kommune', bio: 'Har arbejdet med politisk betjening i femten år.' },
      { name: 'Anders Lund', title: 'Lektor', organisation: 'Professionshøjskolen', bio: 'Forsker i facilitering.' },
    ],
    sessions: [
      { startsAt: '2026-09-10T07:30:00.000Z', endsAt: '2026-09-10T08:15:00.000Z', title: 'Velkomst og oplæg', room: 'Sal A', speakers: [0] },
      { startsAt: '2026-09-10T08:30:00.000Z', endsAt: '2026-09-10T15:00:00.000Z', title: 'Workshop; grupper, cases', room: 'Lokale 2', speakers: [0, 1] },
      {
        startsAt: '2026-09-11T07:00:00.000Z',
        endsAt: '2026-09-11T11:00:00.000Z',
        title: 'Opsamling',
        description: 'Hvad tager vi med hjem?',
        room: 'Sal A',
        speakers: [1],
      },
    ],
    themes: [themes.konsulent, themes.ledelse],
  },
  course: {
    slug: 'ledelse-af-fagprofessionelle',
    type: 'kursus',
    status: 'published',
    title: 'Ledelse af fagprofessionelle',
    summary: 'Et kursus for ledere i en kommune eller region.',
    body: 'Om at lede sagsbehandlere og andre fagprofessionelle.',
    venue: { name: 'Kursuscenter Aarhus', address: 'Havnegade 1', postalCode: '8000', city: 'Aarhus' },
    capacity: 20,
    priceOre: 250000,
    vatMode: 'standard',
    sessions: [{ startsAt: '2026-10-05T07:00:00.000Z', endsAt: '2026-10-05T14:00:00.000Z', title: 'Kursusdag' }],
    themes: [themes.ledelse],
  },
  webinar: {
    slug: 'digital-forvaltning-webinar',
    type: 'webinar',
    status: 'published',
    title: 'Digital forvaltning i praksis',
    summary: 'En time om digitale løsninger for borgerne.',
    capacity: 500,
    priceOre: 50000,
    vatMode: 'exempt',
    vatExemptionReason: 'Undervisning, momslovens § 13, stk. 1, nr. 3',
    sessions: [{ startsAt: '2026-11-03T13:00:00.000Z', endsAt: '2026-11-03T14:00:00.000Z', title: 'Webinar' }],
    themes: [themes.digital],
  },
  network: {
    slug: 'netvaerk-for-hr-konsulenter',
    type: 'netvaerk',
    status: 'published',
    title: 'Netværk for HR-konsulenter',
    summary: 'Tre møder i løbet af sæsonen.',
    venue: { name: 'Odense Rådhus', address: 'Flakhaven 2', postalCode: '5000', city: 'Odense' },
    capacity: 12,
    priceOre: 300000,
    vatMode: 'standard',
    sessions: [
      { startsAt: '2026-09-15T12:00:00.000Z', endsAt: '2026-09-15T15:00:00.000Z', title: 'Første møde' },
      { startsAt: '2027-01-12T13:00:00.000Z', endsAt: '2027-01-12T16:00:00.000Z', title: 'Andet møde' },
      { startsAt: '2027-03-09T13:00:00.000Z', endsAt: '2027-03-09T16:00:00.000Z', title: 'Tredje møde' },
    ],
    themes: [themes.ledelse],
  },
  conference: {
    slug: 'klimakonference-2026',
    type: 'konference',
    status: 'published',
    title: 'Klimatilpasning i kommunerne',
    summary: 'Den årlige konference om klima.',
    venue: { name: 'Bella Center', address: 'Center Boulevard 5', postalCode: '2300', city: 'København' },
    capacity: 300,
    signupOpensAt: '2026-07-01T06:00:00.000Z',
    priceOre: 0,
    vatMode: 'standard',
    sessions: [{ startsAt: '2026-12-01T08:00:00.000Z', endsAt: '2026-12-01T15:00:00.000Z', title: 'Konferencedag' }],
    themes: [themes.klima],
  },
  midnight: {
    slug: 'natkursus-aarhus',
    type: 'kursus',
    status: 'published',
    title: 'Natteberedskab',
    summary: 'Begynder lige efter midnat den 1. oktober.',
    venue: { name: 'Kursuscenter Aarhus', address: 'Havnegade 1', postalCode: '8000', city: 'Aarhus' },
    capacity: 10,
    priceOre: 100000,
    vatMode: 'standard',
    sessions: [{ startsAt: '2026-09-30T22:30:00.000Z', endsAt: '2026-10-01T02:00:00.000Z', title: 'Nattevagt' }],
  },
  past: {
    slug: 'forarskursus-2026',
    type: 'kursus',
    status: 'published',
    title: 'Forårskursus for konsulenter',
    summary: 'Afholdt i maj.',
    venue: { name: 'Kursuscenter Aarhus', address: 'Havnegade 1', postalCode: '8000', city: 'Aarhus' },
    capacity: 20,
    priceOre: 100000,
    vatMode: 'standard',
    sessions: [{ startsAt: '2026-05-04T07:00:00.000Z', endsAt: '2026-05-04T14:00:00.000Z', title: 'Kursusdag' }],
  },
  archived: {
    slug: 'konsulent-i-en-politisk-styret-organisation-2016',
    type: 'doegnseminar',
    status: 'archived',
    title: 'Konsulent i en politisk styret organisation (2016)',
    summary: 'Seminaret i 2016.',
    venue: nyborg,
    capacity: 40,
    priceOre: 400000,
    vatMode: 'standard',
    sessions: [
      { startsAt: '2016-06-09T07:30:00.000Z', endsAt: '2016-06-09T16:00:00.000Z', title: 'Dag 1' },
      { startsAt: '2016-06-10T07:00:00.000Z', endsAt: '2016-06-10T11:00:00.000Z', title: 'Dag 2' },
    ],
  },
  cancelled: {
    slug: 'aflyst-konsulentkursus',
    type: 'kursus',
    status: 'cancelled',
    title: 'Aflyst kursus for konsulenter',
    summary: 'Dette kursus er aflyst.',
    venue: { name: 'Kursuscenter Aarhus', address: 'Havnegade 1', postalCode: '8000', city: 'Aarhus' },
    capacity: 20,
    priceOre: 100000,
    vatMode: 'standard',
    sessions: [{ startsAt: '2026-10-20T07:00:00.000Z', endsAt: '2026-10-20T14:00:00.000Z', title: 'Kursusdag' }],
  },
  draft: {
    slug: 'kladde-konsulent',
    type: 'kursus',
    status: 'draft',
    title: 'Kladde om konsulenter',
    capacity: 20,
    priceOre: 100000,
    vatMode: 'standard',
    sessions: [{ startsAt: '2026-10-21T07:00:00.000Z', endsAt: '2026-10-21T14:00:00.000Z', title: 'Kursusdag' }],
  },
} satisfies Record<string, TestEventInput>;

export type FixtureName = keyof typeof fixtureEvents;

/** Slugs of the events the public catalogue lists (published, not ended), in date order. */
export const listedInOrder: FixtureName[] = ['seminar', 'network', 'midnight', 'course', 'webinar', 'conference'];

/** Creates the fixture events, fills some seats and attaches materials; returns ids by name. */
export async function seedFixtures(ctx: AppContext): Promise<Record<FixtureName, number>> {
  const ids = {} as Record<FixtureName, number>;
  for (const [name, input] of Object.entries(fixtureEvents) as [FixtureName, TestEventInput][]) {
    ids[name] = await createTestEvent(ctx, input);
  }
  // 19 of 20 taken: few seats. 12 of 12: waiting list.
  await ctx.db.updateTable('events').set({ seats_taken: 19 }).where('id', '=', ids.course).execute();
  await ctx.db.updateTable('events').set({ seats_taken: 12 }).where('id', '=', ids.network).execute();
  await storeMaterial(ctx, {
    title: 'Program for døgnseminaret',
    filename: 'program-døgnseminar.pdf',
    contentType: 'application/pdf',
    bytes: Buffer.alloc(1234, 1),
    visibility: 'public',
    eventId: ids.seminar,
  });
  await storeMaterial(ctx, {
    title: 'Deltagerliste',
    filename: 'deltagere.pdf',
    contentType: 'application/pdf',
    bytes: Buffer.alloc(10, 1),
    visibility: 'participants',
    eventId: ids.seminar,
  });
  ctx.pageCache.clear();
  return ids;
}
