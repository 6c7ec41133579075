import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { createTestEvent } from '../helpers/events.js';
import { catalogueEvents } from '../../src/events/events.queries.js';
import { expectedTop, searchCorpus, seedSearchCorpus } from './search-corpus.js';

/** The event slugs the catalogue page lists, in order. */
function listed(html: string): string[] {
  return [...html.matchAll(/class="card-heading h3"><a href="\/(?:en\/events|arrangementer)\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
}

forEachDialect('search ranking', (dialect) => {
  const t = useTestApp(dialect);
  beforeAll(async () => {
    await seedSearchCorpus(t.current.ctx);
  });
  const search = async (q: string, base = '/arrangementer') => listed((await t.current.app.inject(`${base}?q=${encodeURIComponent(q)}`)).body);

  describe('the shared corpus', () => {
    for (const [query, top] of expectedTop) {
      it(`"${query}" puts ${top.join(', ')} first`, async () => {
        expect((await search(query)).slice(0, top.length)).toEqual(top);
      });
    }
  });

  it('ranks the same in English and in the API', async () => {
    expect((await search('konsulent', '/en/events')).slice(0, 2)).toEqual(expectedTop[0]![1].slice(0, 2));
    const api = await t.current.app.inject('/api/v1/events?q=konsulent');
    const slugs = (api.json() as { items: { slug: string }[] }).items.map((e) => e.slug);
    expect(slugs.slice(0, 2)).toEqual(expectedTop[0]![1]);
    // Those with the word only in the description come last.
    expect(new Set(slugs.slice(2))).toEqual(new Set(['styring-og-oekonomi', 'projektledelse-i-praksis']));
  });

  it('lists events with some of the words after those with all of them', async () => {
    const found = await search('konsulent ledelse');
    expect(found[0]).toBe('projektledelse-i-praksis');
    // "ledelse" alone and "konsulent" alone still count.
    expect(found).toContain('ledelse-af-fagprofessionelle');
    expect(found).toContain('konsulent-i-en-politisk-styret-organisation');
  });

  it('pages through a ranked search in the same order, with the total on every page and past the last', async () => {
    const { db, clock } = t.current.ctx;
    const all = await catalogueEvents(db, { search: 'konsulent ledelse' }, clock.now(), { limit: 100, offset: 0 });
    expect(all.total).toBeGreaterThan(2);
    const paged: typeof all.rows = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = await catalogueEvents(db, { search: 'konsulent ledelse' }, clock.now(), { limit: 2, offset });
      expect(page.total).toBe(all.total);
      paged.push(...page.rows);
    }
    expect(paged).toEqual(all.rows);
    const past = await catalogueEvents(db, { search: 'konsulent ledelse' }, clock.now(), { limit: 2, offset: all.total + 10 });
    expect(past).toEqual({ rows: [], total: all.total });
  });

  it('breaks ties by date', async () => {
    for (const [i, day] of ['2027-03-02', '2027-02-02'].entries()) {
      await createTestEvent(t.current.ctx, {
        slug: `tvilling-${i}`,
        type: 'kursus',
        status: 'published',
        title: 'Tvillingekursus',
        capacity: 5,
        priceOre: 100,
        vatMode: 'standard',
        sessions: [{ startsAt: `${day}T08:00:00.000Z`, endsAt: `${day}T09:00:00.000Z`, title: 'Dag' }],
      });
    }
    expect(await search('tvillingekursus')).toEqual(['tvilling-1', 'tvilling-0']);
  });

  describe('typing errors', () => {
    it('shows the results for "ledelse" when "ledlse" finds nothing, and says so', async () => {
      const res = await t.current.app.inject(`/arrangementer?q=ledlse`);
      expect(res.statusCode).toBe(200);
      expect(listed(res.body)[0]).toBe('ledelse-af-fagprofessionelle');
      expect(res.body).toContain('Viser resultater for »ledelse«');
      expect(res.body).toContain('Der var ingen resultater for »ledlse«.');
      expect(res.body).toContain('value="ledlse"');
      const en = await t.current.app.inject(`/en/events?q=ledlse`);
      expect(en.body).toContain('Showing results for “ledelse”');
    });

    it('offers "Mente du …?" when some words match and others are unknown', async () => {
      const res = await t.current.app.inject(`/arrangementer?q=${encodeURIComponent('konsulnet ledelse')}`);
      expect(listed(res.body).length).toBeGreaterThan(0);
      expect(res.body).toContain('Mente du</span> <a href="/arrangementer?q=konsulent+ledelse">konsulent ledelse</a>?');
    });

    it('corrects only from the words of published events', async () => {
      await createTestEvent(t.current.ctx, {
        slug: 'kladde-om-xylofoner',
        type: 'kursus',
        status: 'draft',
        title: 'Xylofonundervisning',
        capacity: 5,
        priceOre: 100,
        vatMode: 'standard',
        sessions: [{ startsAt: '2027-05-02T08:00:00.000Z', endsAt: '2027-05-02T09:00:00.000Z', title: 'Dag' }],
      });
      t.current.ctx.pageCache.clear();
      const res = await t.current.app.inject(`/arrangementer?q=xylofonundervisnin`);
      expect(listed(res.body)).toEqual([]);
      expect(res.body).not.toContain('Viser resultater for');
      expect(res.body).toContain('Vi fandt ingen arrangementer');
    });
  });

  it('has a search box on the front page that goes to the catalogue', async () => {
    const html = (await t.current.app.inject('/')).body;
    expect(html).toMatch(/<form method="get" action="\/arrangementer" role="search"/);
    expect(html).toContain('<label class="form-label" for="front-q">Søg efter kurser, konferencer og netværk</label>');
    expect((await t.current.app.inject('/en')).body).toMatch(/<form method="get" action="\/en\/events" role="search"/);
  });

  it('puts the filters in a DKFDS accordion, open without JavaScript, with the number in use', async () => {
    const plain = (await t.current.app.inject('/arrangementer')).body;
    expect(plain).toContain('class="accordion-button" aria-expanded="true" aria-controls="catalogue-filters"');
    expect(plain).toContain('id="catalogue-filters" class="accordion-content" aria-hidden="false"');
    expect(plain).not.toContain('valgt</span>');
    const filtered = (await t.current.app.inject('/arrangementer?q=ledelse&type=kursus&free=1')).body;
    expect(filtered).toContain('<span class="tilmeld-filter-count">3 filtre valgt</span>');
    expect((await t.current.app.inject('/en/events?type=kursus')).body).toContain('<span class="tilmeld-filter-count">1 filter selected</span>');
  });

  it('keeps date order without a search', async () => {
    const all = listed((await t.current.app.inject('/arrangementer')).body);
    expect(all.slice(0, searchCorpus.length)).toEqual(searchCorpus.map((e) => e.slug));
  });
});
