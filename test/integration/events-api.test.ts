import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { fixtureEvents, listedInOrder, seedFixtures, type FixtureName } from './events-fixtures.js';

const slugs = (...names: FixtureName[]) => names.map((n) => fixtureEvents[n].slug);

forEachDialect('events API', (dialect) => {
  const t = useTestApp(dialect);
  beforeAll(async () => {
    await seedFixtures(t.current.ctx);
  });
  const get = (url: string) => t.current.app.inject(url);
  const list = async (query = '') => {
    const res = await get(`/api/v1/events${query ? `?${query}` : ''}`);
    expect(res.statusCode, query).toBe(200);
    return res.json() as { items: any[]; page: number; perPage: number; total: number; totalPages: number };
  };

  describe('GET /api/v1/events', () => {
    it('lists upcoming published events in date order with paging facts', async () => {
      const body = await list();
      expect(body.items.map((e) => e.slug)).toEqual(slugs(...listedInOrder));
      expect(body).toMatchObject({ page: 1, perPage: 20, total: 6, totalPages: 1 });
    });

    it('gives each event its prices in øre, seat status, signup window, themes and addresses', async () => {
      const { items } = await list('q=fagprofessionelle');
      expect(items).toHaveLength(1);
      expect(items[0]).toEqual({
        slug: 'ledelse-af-fagprofessionelle',
        type: 'kursus',
        status: 'published',
        title: 'Ledelse af fagprofessionelle',
        summary: 'Et kursus for ledere i en kommune eller region.',
        startsAt: '2026-10-05T07:00:00.000Z',
        endsAt: '2026-10-05T14:00:00.000Z',
        online: false,
        city: 'Aarhus',
        language: 'da',
        vatMode: 'standard',
        vatPercent: 25,
        vatExemptionReason: null,
        priceExVatOre: 250000,
        priceInclVatOre: 312500,
        memberPriceExVatOre: null,
        memberPriceInclVatOre: null,
        capacity: 20,
        seatsAvailable: 1,
        seatStatus: 'few',
        signup: { opensAt: null, closesAt: null, open: true, closedReason: null },
        themes: [{ slug: 'ledelse', name: { da: 'Ledelse', en: 'Leadership' } }],
        urls: {
          page: { da: 'http://tilmeld.test/arrangementer/ledelse-af-fagprofessionelle', en: 'http://tilmeld.test/en/events/ledelse-af-fagprofessionelle' },
          api: 'http://tilmeld.test/api/v1/events/ledelse-af-fagprofessionelle',
        },
      });
    });

    it('uses the catalogue filters and Danish word forms', async () => {
      expect((await list('q=konsulenter')).items.map((e) => e.slug)).toEqual(slugs('seminar', 'network'));
      expect((await list('q=kommunerne&type=kursus')).items.map((e) => e.slug)).toEqual(slugs('course'));
      expect((await list('theme=ledelse&month=2026-09')).items.map((e) => e.slug)).toEqual(slugs('seminar', 'network'));
      expect((await list('place=online')).items.map((e) => e.slug)).toEqual(slugs('webinar'));
      expect((await list('place=Aarhus&free=true')).items.map((e) => e.slug)).toEqual(slugs('midnight', 'course'));
    });

    it('pages with perPage', async () => {
      const first = await list('perPage=4');
      expect(first).toMatchObject({ page: 1, perPage: 4, total: 6, totalPages: 2 });
      expect(first.items.map((e) => e.slug)).toEqual(slugs(...listedInOrder.slice(0, 4)));
      const second = await list('perPage=4&page=2');
      expect(second.items.map((e) => e.slug)).toEqual(slugs(...listedInOrder.slice(4)));
      expect((await list('perPage=4&page=3')).items).toEqual([]);
    });

    it('answers malformed queries with 400 JSON', async () => {
      for (const query of [
        'page=0',
        'page=-3',
        'page=x',
        'perPage=101',
        'perPage=0',
        'type=gala',
        'month=2026-00',
        `q=${'ø'.repeat(201)}`,
        'free=ja',
        'place=%01',
      ]) {
        const res = await get(`/api/v1/events?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.headers['content-type']).toContain('application/json');
        expect(res.json().error).toBe('invalid_request');
      }
    });
  });

  describe('GET /api/v1/events/{slug}', () => {
    it('returns sessions, speakers, venue, prices, seats, themes, public materials and addresses', async () => {
      const res = await get(`/api/v1/events/${fixtureEvents.seminar.slug}`);
      expect(res.statusCode).toBe(200);
      const e = res.json();
      expect(e).toMatchObject({
        slug: fixtureEvents.seminar.slug,
        type: 'doegnseminar',
        status: 'published',
        title: 'Konsulent i en politisk styret organisation',
        startsAt: '2026-09-10T07:30:00.000Z',
        endsAt: '2026-09-11T11:00:00.000Z',
        online: false,
        city: 'Nyborg',
        priceExVatOre: 450000,
        priceInclVatOre: 562500,
        memberPriceExVatOre: 395000,
        memberPriceInclVatOre: 493750,
        vatMode: 'standard',
        vatPercent: 25,
        capacity: 40,
        seatsAvailable: 40,
        seatStatus: 'available',
        signup: { opensAt: null, closesAt: '2026-08-15T10:00:00.000Z', open: true, closedReason: null },
        audience: 'Konsulenter og specialister i kommuner og regioner.',
        venue: { name: 'Hotel Nyborg Strand', address: 'Østerøvej 2', postalCode: '5800', city: 'Nyborg' },
      });
      expect(e.body).toContain('## Indhold');
      expect(e.sessions).toHaveLength(3);
      expect(e.sessions[0]).toMatchObject({
        startsAt: '2026-09-10T07:30:00.000Z',
        endsAt: '2026-09-10T08:15:00.000Z',
        title: 'Velkomst og oplæg',
        room: 'Sal A',
      });
      const names = new Map(e.speakers.map((s: any) => [s.id, s.name]));
      expect(e.sessions[1].speakerIds.map((id: number) => names.get(id))).toEqual(['Birgitte Holm', 'Anders Lund']);
      expect(e.speakers[0]).toMatchObject({ name: 'Birgitte Holm', title: 'Chefkonsulent', organisation: 'Faxe Kommune' });
      expect(e.themes.map((th: any) => th.slug)).toEqual(['konsulentrollen', 'ledelse']);
      expect(e.materials).toHaveLength(1);
      expect(e.materials[0]).toMatchObject({
        title: 'Program for døgnseminaret',
        filename: 'program-døgnseminar.pdf',
        contentType: 'application/pdf',
        sizeBytes: 1234,
      });
      expect(e.materials[0].url).toMatch(/^http:\/\/tilmeld\.test\/materialer\/\d+\/program-d%C3%B8gnseminar\.pdf$/);
      expect(e.urls.calendar.da).toBe(`http://tilmeld.test/arrangementer/${fixtureEvents.seminar.slug}/kalender.ics`);
      expect(e.urls.signup.en).toBe(`http://tilmeld.test/en/events/${fixtureEvents.seminar.slug}/signup`);
    });

    it('shows VAT exemption, closed reasons and cancelled events', async () => {
      const webinar = (await get(`/api/v1/events/${fixtureEvents.webinar.slug}`)).json();
      expect(webinar).toMatchObject({ online: true, city: null, venue: null, vatMode: 'exempt', vatPercent: 0, priceInclVatOre: 50000 });
      expect(webinar.vatExemptionReason).toContain('momslovens § 13');
      const conference = (await get(`/api/v1/events/${fixtureEvents.conference.slug}`)).json();
      expect(conference.signup).toEqual({ opensAt: '2026-07-01T06:00:00.000Z', closesAt: null, open: false, closedReason: 'notOpenYet' });
      expect(conference.seatStatus).toBe('closed');
      const cancelled = (await get(`/api/v1/events/${fixtureEvents.cancelled.slug}`)).json();
      expect(cancelled).toMatchObject({ status: 'cancelled', seatStatus: 'closed', signup: { closedReason: 'cancelled' } });
    });

    it('is 404 JSON for unknown slugs and drafts, 400 JSON for an overlong slug', async () => {
      for (const slug of ['findes-ikke', fixtureEvents.draft.slug, '%00']) {
        const res = await get(`/api/v1/events/${slug}`);
        expect(res.statusCode, slug).toBe(404);
        expect(res.json()).toEqual({ error: 'not_found', message: 'No such event' });
      }
      const long = await get(`/api/v1/events/${'a'.repeat(201)}`);
      expect(long.statusCode).toBe(400);
      expect(long.json().error).toBe('invalid_request');
    });
  });

  describe('OpenAPI', () => {
    it('documents both endpoints with their query, parameters and responses', async () => {
      const res = await get('/api/openapi.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      const listOp = doc.paths['/api/v1/events'].get;
      expect(listOp.tags).toEqual(['events']);
      expect(listOp.summary).toBeTruthy();
      const names = listOp.parameters.map((p: any) => p.name);
      for (const n of ['q', 'type', 'theme', 'month', 'place', 'free', 'page', 'perPage']) expect(names).toContain(n);
      expect(listOp.responses['200']).toBeDefined();
      expect(listOp.responses['400']).toBeDefined();
      const detailOp = doc.paths['/api/v1/events/{slug}'].get;
      expect(detailOp.tags).toEqual(['events']);
      expect(detailOp.parameters.map((p: any) => p.name)).toEqual(['slug']);
      expect(detailOp.responses['404']).toBeDefined();
      // The HTML pages are not part of the API.
      expect(doc.paths['/arrangementer']).toBeUndefined();
      // Named schemas are in components, so every $ref resolves.
      expect(doc.components.schemas.EventSummary.properties.priceInclVatOre).toBeDefined();
      expect(doc.components.schemas.EventDetail.properties.sessions).toBeDefined();
      const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
      for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    });
  });
});
