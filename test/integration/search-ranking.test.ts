import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../../src/events/events.service.js';
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

  it('breaks ties by date', async () => {
    for (const [i, day] of ['2027-03-02', '2027-02-02'].entries()) {
      await createEvent(t.current.ctx, {
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

  it('keeps date order without a search', async () => {
    const all = listed((await t.current.app.inject('/arrangementer')).body);
    expect(all.slice(0, searchCorpus.length)).toEqual(searchCorpus.map((e) => e.slug));
  });
});
