import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { createTestEvent } from '../helpers/events.js';
import { fixtureEvents, listedInOrder, seedFixtures, type FixtureName } from './events-fixtures.js';

/** The event slugs the catalogue page lists, in order. */
function listed(html: string): string[] {
  return [...html.matchAll(/class="card-heading h3"><a href="\/(?:en\/events|arrangementer)\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
}

const slugs = (...names: FixtureName[]) => names.map((n) => fixtureEvents[n].slug);

forEachDialect('event catalogue', (dialect) => {
  const t = useTestApp(dialect);
  beforeAll(async () => {
    await seedFixtures(t.current.ctx);
  });

  const get = (url: string) => t.current.app.inject(url);
  const search = async (query: string) => listed((await get(`/arrangementer?${query}`)).body);

  describe('listing', () => {
    it('lists published events that have not ended, in date order, in both languages', async () => {
      const da = await get('/arrangementer');
      expect(da.statusCode).toBe(200);
      expect(da.headers['content-type']).toContain('text/html');
      expect(listed(da.body)).toEqual(slugs(...listedInOrder));
      expect(da.body).toContain('<h1>Arrangementer</h1>');
      expect(da.body).toContain('6 arrangementer fundet');
      const en = await get('/en/events');
      expect(en.statusCode).toBe(200);
      expect(listed(en.body)).toEqual(slugs(...listedInOrder));
      expect(en.body).toContain('6 events found');
      expect(en.body).toContain('href="/en/events/konsulent-i-en-politisk-styret-organisation"');
    });

    it('leaves out drafts, cancelled, archived and ended events', async () => {
      const shown = await search('');
      for (const name of ['draft', 'cancelled', 'archived', 'past'] as const) expect(shown).not.toContain(fixtureEvents[name].slug);
    });

    it('shows type, place and seat status on each card; webinars are online', async () => {
      const html = (await get('/arrangementer?type=webinar')).body;
      expect(html).toContain('Webinar');
      expect(html).toContain(' · Online');
      const course = (await get('/arrangementer?q=fagprofessionelle')).body;
      expect(course).toContain(' · Aarhus');
      expect(course).toContain('Få pladser');
      const network = (await get('/arrangementer?type=netvaerk')).body;
      expect(network).toContain('Venteliste');
      const conference = (await get('/arrangementer?type=konference')).body;
      expect(conference).toContain('Lukket for tilmelding');
    });
  });

  describe('search with Danish word forms', () => {
    const cases: Array<[string, FixtureName[]]> = [
      ['konsulenter', ['seminar', 'network']],
      ['konsulenten', ['seminar', 'network']],
      ['kommunerne', ['seminar', 'course', 'conference']],
      ['kommune', ['seminar', 'course', 'conference']],
      ['organisationer', ['seminar']],
      ['sagsbehandler', ['course']],
      ['facilitatoren', ['seminar']],
      ['Klimatilpasningen', ['conference']],
      ['borgerne', ['webinar']],
    ];
    for (const [query, expected] of cases) {
      it(`"${query}" finds ${expected.join(', ')}`, async () => {
        // Which comes first is the ranking's business (search-ranking.test.ts).
        expect((await search(`q=${encodeURIComponent(query)}`)).sort()).toEqual(slugs(...expected).sort());
      });
    }

    it('lists events with every word first, in any order, then those with some', async () => {
      expect((await search('q=konsulent+nyborg'))[0]).toEqual(fixtureEvents.seminar.slug);
      expect((await search('q=nyborg+konsulenter'))[0]).toEqual(fixtureEvents.seminar.slug);
      expect((await search('q=konsulent+aarhus')).sort()).toEqual(slugs('seminar', 'network', 'midnight', 'course').sort());
    });

    it('ignores stop words the same way on both databases', async () => {
      expect((await search(`q=${encodeURIComponent('konsulent i en politisk styret organisation')}`))[0]).toEqual(fixtureEvents.seminar.slug);
      expect(await search('q=og+i+en')).toEqual(slugs(...listedInOrder));
    });

    it('finds half-typed words, Danish letters, speakers, themes, session titles and venues', async () => {
      expect((await search('q=konsul')).sort()).toEqual(slugs('seminar', 'network').sort());
      expect(await search(`q=${encodeURIComponent('døgn')}`)).toEqual(slugs('seminar'));
      expect(await search('q=birgitte+holm')).toEqual(slugs('seminar'));
      expect(await search('q=Digitalisering')).toEqual(slugs('webinar'));
      expect(await search('q=workshop')).toEqual(slugs('seminar'));
      expect(await search(`q=${encodeURIComponent('Bella Center')}`)).toEqual(slugs('conference'));
    });

    it('indexes the whole description, not only its first words', async () => {
      expect(await search('q=tovholderfunktionen')).toEqual(slugs('seminar'));
    });

    it('is not confused by punctuation and search syntax', async () => {
      for (const q of [
        '"konsulent',
        'konsulent*',
        '-konsulent',
        'konsulent & !',
        "konsulent'); --",
        '{konsulent}',
        'konsulent:*',
        '(konsulent',
        '^konsulent$',
        'konsulent\\',
      ]) {
        const res = await get(`/arrangementer?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q).toBe(200);
        expect(listed(res.body), q).toContain(fixtureEvents.seminar.slug);
      }
    });

    it('keeps the words in the search field and shows an empty state when nothing matches', async () => {
      const res = await get('/arrangementer?q=xylofonundervisning');
      expect(res.statusCode).toBe(200);
      expect(listed(res.body)).toEqual([]);
      expect(res.body).toContain('value="xylofonundervisning"');
      expect(res.body).toContain('Ingen arrangementer fundet');
      expect(res.body).toContain('Vi fandt ingen arrangementer');
      expect(res.body).toContain('Nulstil søgning og filtre');
    });

    it('finds an event as soon as it is created, and its new words', async () => {
      await createTestEvent(t.current.ctx, {
        slug: 'tillidsrepraesentanter-kursus',
        type: 'kursus',
        status: 'published',
        title: 'Grundkursus for tillidsrepræsentanter',
        capacity: 10,
        priceOre: 100,
        vatMode: 'standard',
        sessions: [{ startsAt: '2027-06-01T07:00:00.000Z', endsAt: '2027-06-01T08:00:00.000Z', title: 'Dag 1' }],
      });
      expect(await search(`q=${encodeURIComponent('tillidsrepræsentant')}`)).toEqual(['tillidsrepraesentanter-kursus']);
      await t.current.ctx.db.updateTable('events').set({ status: 'draft' }).where('slug', '=', 'tillidsrepraesentanter-kursus').execute();
    });
  });

  describe('filters', () => {
    it('filters by type', async () => {
      expect(await search('type=kursus')).toEqual(slugs('midnight', 'course'));
      expect(await search('type=doegnseminar')).toEqual(slugs('seminar'));
    });

    it('filters by theme', async () => {
      expect(await search('theme=ledelse')).toEqual(slugs('seminar', 'network', 'course'));
      expect(await search('theme=klima')).toEqual(slugs('conference'));
      expect(await search('theme=findes-ikke')).toEqual([]);
    });

    it('filters by month in Danish time, counting every session', async () => {
      // The night course starts 30 September 22.30 UTC, which is 1 October 00.30 in Denmark.
      expect(await search('month=2026-09')).toEqual(slugs('seminar', 'network'));
      expect(await search('month=2026-10')).toEqual(slugs('midnight', 'course'));
      // The network's second meeting is in January.
      expect(await search('month=2027-01')).toEqual(slugs('network'));
      expect(await search('month=2027-02')).toEqual([]);
    });

    it('filters by place; webinars count as online', async () => {
      expect(await search('place=Aarhus')).toEqual(slugs('midnight', 'course'));
      expect(await search(`place=${encodeURIComponent('København')}`)).toEqual(slugs('conference'));
      expect(await search('place=online')).toEqual(slugs('webinar'));
    });

    it('shows only events with free seats and open sign-up', async () => {
      // The network is full; the conference's sign-up has not opened.
      expect(await search('free=1')).toEqual(slugs('seminar', 'midnight', 'course', 'webinar'));
    });

    it('combines filters and search', async () => {
      expect(await search('q=konsulenter&type=netvaerk&place=Odense&month=2026-09&theme=ledelse')).toEqual(slugs('network'));
      expect(await search('q=konsulenter&type=netvaerk&free=1')).toEqual([]);
    });

    it('treats empty fields from the form as "all" and keeps the choices in the form', async () => {
      const res = await get('/arrangementer?q=&type=kursus&theme=&month=2026-10&place=Aarhus&free=1');
      expect(res.statusCode).toBe(200);
      expect(listed(res.body)).toEqual(slugs('midnight', 'course'));
      expect(res.body).toMatch(/<option value="kursus" selected>Kursus<\/option>/);
      expect(res.body).toMatch(/<option value="2026-10" selected>oktober 2026<\/option>/);
      expect(res.body).toMatch(/<option value="Aarhus" selected>Aarhus<\/option>/);
      expect(res.body).toMatch(/id="free" name="free" value="1" checked/);
    });

    it('offers the themes, months and places of upcoming events', async () => {
      const html = (await get('/arrangementer')).body;
      expect(html).toContain('<option value="ledelse">Ledelse</option>');
      expect(html).toContain('<option value="online">Online</option>');
      expect(html).toContain('<option value="Nyborg">Nyborg</option>');
      expect(html).toContain('<option value="2027-03">marts 2027</option>');
      // Danish months from Danish time: the night course makes October, not only September.
      expect(html).toContain('<option value="2026-10">oktober 2026</option>');
      // Places of events that are not listed are not offered.
      expect(html).not.toContain('<option value="2016-06">');
      const en = (await get('/en/events')).body;
      expect(en).toContain('<option value="ledelse">Leadership</option>');
      expect(en).toContain('<option value="2027-03">March 2027</option>');
    });

    it('offers a new place and month as soon as an event there is published', async () => {
      expect((await get('/arrangementer')).body).not.toContain('<option value="Tønder">');
      await createTestEvent(t.current.ctx, {
        slug: 'kursus-i-toender',
        type: 'kursus',
        status: 'published',
        title: 'Kursus i Tønder',
        venue: { name: 'Tønder Bibliotek', address: 'Vestergade 20', postalCode: '6270', city: 'Tønder' },
        capacity: 10,
        priceOre: 100,
        vatMode: 'standard',
        sessions: [{ startsAt: '2027-08-02T07:00:00.000Z', endsAt: '2027-08-02T08:00:00.000Z', title: 'Dag 1' }],
      });
      const html = (await get('/arrangementer')).body;
      expect(html).toContain('<option value="Tønder">Tønder</option>');
      expect(html).toContain('<option value="2027-08">august 2027</option>');
      await t.current.ctx.db.updateTable('events').set({ status: 'draft' }).where('slug', '=', 'kursus-i-toender').execute();
      t.current.ctx.pageCache.clear();
      expect((await get('/arrangementer')).body).not.toContain('<option value="Tønder">');
    });

    it('has a GET form that works without JavaScript', async () => {
      const html = (await get('/arrangementer')).body;
      expect(html).toMatch(/<form method="get" action="\/arrangementer"/);
      for (const name of ['q', 'type', 'theme', 'month', 'place', 'free']) expect(html).toContain(`name="${name}"`);
      expect(html).toContain('<label class="form-label" for="q">');
    });
  });

  describe('paging', () => {
    beforeAll(async () => {
      for (let i = 0; i < 45; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        await createTestEvent(t.current.ctx, {
          slug: `serie-${String(i).padStart(2, '0')}`,
          type: 'kursus',
          status: 'published',
          title: `Seriekursus nummer ${i}`,
          capacity: 10,
          priceOre: 100,
          vatMode: 'standard',
          sessions: [{ startsAt: `2028-02-${day}T08:00:00.000Z`, endsAt: `2028-02-${day}T09:00:00.000Z`, title: 'Dag' }],
        });
      }
    });

    it('shows 20 per page with DKFDS pagination that keeps the filters', async () => {
      const first = await get('/arrangementer?q=seriekursus');
      expect(first.body).toContain('45 arrangementer fundet');
      expect(listed(first.body)).toHaveLength(20);
      expect(first.body).toContain('Viser 1–20 af 45');
      expect(first.body).toContain('class="pagination"');
      expect(first.body).toContain('href="/arrangementer?q=seriekursus&page=2"');
      const third = await get('/arrangementer?q=seriekursus&page=3');
      expect(listed(third.body)).toHaveLength(5);
      expect(third.body).toContain('Viser 41–45 af 45');
      expect(third.body).toContain('aria-current="page">3<');
      expect(third.body).toContain('<title>Arrangementer – side 3 – Tilmeld</title>');
      const all = new Set([...listed(first.body), ...listed((await get('/arrangementer?q=seriekursus&page=2')).body), ...listed(third.body)]);
      expect(all.size).toBe(45);
    });

    it('answers a page after the last with a way back to the first', async () => {
      const res = await get('/arrangementer?q=seriekursus&page=9');
      expect(res.statusCode).toBe(200);
      expect(listed(res.body)).toEqual([]);
      expect(res.body).toContain('Der er ikke flere arrangementer på denne side.');
      expect(res.body).toContain('href="/arrangementer?q=seriekursus"');
    });
  });

  describe('bad input', () => {
    const bad = [
      'page=-1',
      'page=0',
      'page=1.5',
      'page=abc',
      'page=99999999999999999999',
      'page=10001',
      `q=${'a'.repeat(10_000)}`,
      'type=festival',
      'month=2026-13',
      'month=2026-1',
      'month=foo',
      'theme=%00',
      'place=%00',
      'q=%00konsulent',
      'free=maybe',
      'type=kursus&type=webinar',
    ];
    for (const query of bad) {
      it(`answers ?${query.slice(0, 40)} with the 400 page`, async () => {
        const res = await get(`/arrangementer?${query}`);
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain('Forespørgslen kunne ikke forstås');
      });
    }

    it('answers in English on the English catalogue', async () => {
      const res = await get('/en/events?month=nope');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<html lang="en">');
    });

    it('ignores parameters it does not know', async () => {
      const res = await get('/arrangementer?utm_source=nyhedsbrev&side=2');
      expect(res.statusCode).toBe(200);
      expect(listed(res.body).length).toBeGreaterThan(0);
    });
  });

  it('keeps the front page listing upcoming events', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(listed(res.body).slice(0, 3)).toEqual(slugs('seminar', 'network', 'midnight'));
    expect(res.body).toContain(' · Nyborg');
  });
});
