import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachDialect } from '../helpers/databases.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { createArticle } from '../../src/news/news.service.js';
import { createTestEvent, type TestEventInput } from '../helpers/events.js';
import { storeMaterial } from '../../src/materials/materials.service.js';
import type { AppContext } from '../../src/context.js';

const day = (n: number) => new Date(TEST_NOW.getTime() + n * 86_400_000).toISOString();

function eventInput(slug: string, overrides: Partial<TestEventInput> = {}): TestEventInput {
  return {
    slug,
    type: 'doegnseminar',
    status: 'published',
    title: `Arrangement ${slug}`,
    summary: 'Et arrangement for konsulenter.',
    venue: { name: 'Hotel Skanderborghus', address: 'Dyrehaven 3', postalCode: '8660', city: 'Skanderborg' },
    capacity: 40,
    priceOre: 450_000,
    vatMode: 'standard',
    sessions: [{ startsAt: '2026-09-08T07:30:00.000Z', endsAt: '2026-09-09T13:00:00.000Z', title: 'Døgnseminar' }],
    ...overrides,
  };
}

const BODY = [
  'Kommunerne går fra at se borgerne som kunder til at løse opgaverne sammen med dem.',
  '',
  '# Fokuser på relationerne',
  '',
  '> Det relationelle bliver helt afgørende for konsulenten.',
  '',
  '## Tre greb',
  '',
  '- tillid',
  '- relationer',
  '- facilitering',
  '',
  'Læs [Skanderborg Kommunes strategi](https://www.skanderborg.dk/strategi) eller [kataloget](/arrangementer).',
  '',
  'Farlig tekst: <script>alert("x")</script> og <img src=x onerror=alert(1)>.',
].join('\n');

interface Fixture {
  eventIds: number[];
  pdfId: number;
}

async function seed(ctx: AppContext): Promise<Fixture> {
  // 23 published articles, one a day back from the day before TEST_NOW.
  for (let i = 1; i <= 23; i++) {
    await createArticle(ctx, {
      slug: `nyhed-${String(i).padStart(2, '0')}`,
      headline: `Nyhed nummer ${i}`,
      lede: `Manchet ${i}`,
      publishedAt: day(-i),
    });
  }
  await createArticle(ctx, { slug: 'kladde', headline: 'En kladde', publishedAt: null });
  await createArticle(ctx, { slug: 'planlagt', headline: 'Kommer senere', publishedAt: day(3) });

  const open = await createTestEvent(ctx, eventInput('konsulent-i-en-politisk-styret-organisation', { title: 'Konsulent i en politisk styret organisation' }));
  const full = await createTestEvent(ctx, eventInput('fuldt-seminar', { title: 'Fuldt seminar', capacity: 10 }));
  await ctx.db.updateTable('events').set({ seats_taken: 10 }).where('id', '=', full).execute();
  const draft = await createTestEvent(ctx, eventInput('hemmeligt-seminar', { status: 'draft', title: 'Hemmeligt seminar' }));
  const webinar = await createTestEvent(
    ctx,
    eventInput('webinar-om-facilitering', {
      type: 'webinar',
      title: 'Webinar om facilitering',
      venue: null,
      sessions: [{ startsAt: '2026-06-10T12:00:00.000Z', endsAt: '2026-06-10T13:00:00.000Z', title: 'Webinar' }],
    }),
  );

  const articleId = await createArticle(ctx, {
    slug: 'konsulenten-er-facilitator',
    headline: 'Konsulenten er facilitator i den moderne kommune',
    lede: 'Når kommunen samarbejder med borgerne, ændrer konsulentens rolle sig.',
    body: BODY,
    author: 'Redaktionen',
    publishedAt: '2016-05-24T08:00:00.000Z',
    // The editor's order: the full one first, then the draft (hidden), the webinar and the open seminar.
    eventIds: [full, draft, webinar, open],
  });
  const pdfId = await storeMaterial(ctx, {
    title: 'Døgnseminar. Politisk konsulent 2016',
    filename: 'Døgnseminar politisk konsulent 2016.pdf',
    contentType: 'application/pdf',
    bytes: Buffer.alloc(1_234_567, 1),
    visibility: 'public',
    articleId,
  });
  await storeMaterial(ctx, {
    title: 'Deltagerliste',
    filename: 'deltagere.pdf',
    contentType: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4'),
    visibility: 'participants',
    articleId,
  });
  return { eventIds: [open, full, draft, webinar], pdfId };
}

const headlinesIn = (html: string) => [...html.matchAll(/<h2 class="card-heading h3"[^>]*><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

forEachDialect('news pages', (dialect) => {
  const t = useTestApp(dialect);
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await seed(t.current.ctx);
  });

  it('lists published articles newest first, ten a page, with DKFDS pagination', async () => {
    const res = await t.current.app.inject('/nyheder');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(res.body).toContain('<h1>Nyheder</h1>');
    expect(headlinesIn(res.body)).toEqual(Array.from({ length: 10 }, (_, i) => `Nyhed nummer ${i + 1}`));
    expect(res.body).toContain('<nav class="pagination" aria-label="Sideinddeling">');
    expect(res.body).toContain('aria-current="page"');
    expect(res.body).toContain('href="/nyheder?page=2"');
    expect(res.body).toContain('Side 1 af 3');
    expect(res.body).not.toContain('En kladde');
    expect(res.body).not.toContain('Kommer senere');

    const page3 = await t.current.app.inject('/nyheder?page=3');
    expect(page3.statusCode).toBe(200);
    expect(headlinesIn(page3.body)).toEqual(['Nyhed nummer 21', 'Nyhed nummer 22', 'Nyhed nummer 23', 'Konsulenten er facilitator i den moderne kommune']);
    expect(page3.body).toContain('<title>Nyheder – side 3 – Tilmeld</title>');
    expect(page3.body).toContain('href="/nyheder?page=2" class="button button-arrow button-previous" rel="prev"');
    expect(page3.body).not.toContain('rel="next"');
  });

  it('has the list in English too, with the Danish article text marked as Danish', async () => {
    const res = await t.current.app.inject('/en/news?page=2');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<h1>News</h1>');
    expect(res.body).toContain('Page 2 of 3');
    expect(res.body).toContain('<h2 class="card-heading h3" lang="da"><a href="/en/news/nyhed-11">Nyhed nummer 11</a>');
    expect(res.body).toContain('hreflang="da" href="http://tilmeld.test/nyheder?page=2"');
  });

  it('answers a bad page number with a 400 page and a page past the end with 404, never 500', async () => {
    for (const bad of ['0', '-1', 'abc', '1.5', '99999999999999999999', '1e400', '%00', '2&page=3']) {
      const res = await t.current.app.inject(`/nyheder?page=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain('Forespørgslen kunne ikke forstås');
    }
    expect((await t.current.app.inject('/nyheder?page=4')).statusCode).toBe(404);
    expect((await t.current.app.inject('/nyheder?page=')).statusCode).toBe(200);
    expect((await t.current.app.inject('/en/news?page=10000')).statusCode).toBe(404);
  });

  it('shows an article with its Danish date, headline, lede, Markdown body and author', async () => {
    const res = await t.current.app.inject('/nyheder/konsulenten-er-facilitator');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<time datetime="2016-05-24T08:00:00.000Z">24. maj 2016</time>');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<h1>Konsulenten er facilitator i den moderne kommune</h1>');
    expect(html).toContain('<p class="font-lead">Når kommunen samarbejder med borgerne, ændrer konsulentens rolle sig.</p>');
    // The body's "#" and "##" become subheadings under the page's h1.
    expect(html).toContain('<h2>Fokuser på relationerne</h2>');
    expect(html).toContain('<h3>Tre greb</h3>');
    expect(html).toContain('<blockquote>\n<p>Det relationelle bliver helt afgørende for konsulenten.</p>\n</blockquote>');
    expect(html).toContain('<li>facilitering</li>');
    expect(html).toContain('<a href="https://www.skanderborg.dk/strategi" rel="noopener">Skanderborg Kommunes strategi</a>');
    expect(html).toContain('<a href="/arrangementer">kataloget</a>');
    expect(html).toContain('Af Redaktionen');
    expect(html).toContain('<title>Konsulenten er facilitator i den moderne kommune – Tilmeld</title>');
  });

  it('never renders raw HTML from the body', async () => {
    const res = await t.current.app.inject('/nyheder/konsulenten-er-facilitator');
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toMatch(/<img\b/);
  });

  it('shows related events in the editor’s order with place, seat status and a call to action', async () => {
    const res = await t.current.app.inject('/nyheder/konsulenten-er-facilitator');
    const html = res.body;
    const section = html.slice(html.indexOf('<h2 id="related-events-heading">'));
    expect(section).toContain('Relaterede arrangementer');
    const titles = [...section.matchAll(/<h3 class="card-heading h3"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(titles).toEqual([
      ['/arrangementer/fuldt-seminar', 'Fuldt seminar'],
      ['/arrangementer/webinar-om-facilitering', 'Webinar om facilitering'],
      ['/arrangementer/konsulent-i-en-politisk-styret-organisation', 'Konsulent i en politisk styret organisation'],
    ]);
    expect(html).not.toContain('Hemmeligt seminar');
    expect(section).toContain('<time datetime="2026-09-08T07:30:00.000Z">8. september 2026 – 9. september 2026</time>');
    expect(section).toContain('<time datetime="2026-06-10T12:00:00.000Z">10. juni 2026 kl. 14.00</time>');
    expect(section).toContain('<dd>Hotel Skanderborghus, Skanderborg</dd>');
    expect(section).toContain('<dd>Online</dd>');
    expect(section).toContain('Ledige pladser');
    expect(section).toContain('Venteliste');
    expect(section).toContain(
      '<a href="/arrangementer/konsulent-i-en-politisk-styret-organisation" class="button button-primary">Læs mere og tilmeld dig<span class="sr-only">: <span>Konsulent i en politisk styret organisation</span></span></a>',
    );
    expect(section).toContain('Læs mere og skriv dig på ventelisten<span class="sr-only">: <span>Fuldt seminar</span></span>');
  });

  it('lists the public materials with file type and size under “Yderligere materiale”', async () => {
    const res = await t.current.app.inject('/nyheder/konsulenten-er-facilitator');
    const html = res.body;
    expect(html).toContain('<h2 id="material-heading">Yderligere materiale</h2>');
    expect(html).toContain(
      `<a href="/materialer/${fixture.pdfId}/D%C3%B8gnseminar%20politisk%20konsulent%202016.pdf" download="Døgnseminar politisk konsulent 2016.pdf">Døgnseminar. Politisk konsulent 2016</a>`,
    );
    expect(html).toContain('(PDF, 1,2 MB)');
    expect(html).not.toContain('Deltagerliste');
  });

  it('has the article in English with an English date and call to action', async () => {
    const res = await t.current.app.inject('/en/news/konsulenten-er-facilitator');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<time datetime="2016-05-24T08:00:00.000Z">24 May 2016</time>');
    expect(html).toContain('<div lang="da"><h1>Konsulenten er facilitator i den moderne kommune</h1>');
    expect(html).toContain('Related events');
    expect(html).toContain(
      'href="/en/events/konsulent-i-en-politisk-styret-organisation" class="button button-primary">Read more and sign up<span class="sr-only">: <span lang="da">Konsulent i en politisk styret organisation</span></span></a>',
    );
    expect(html).toContain('<span lang="da">Konsulenten er facilitator i den moderne kommune</span></li></ol></nav>');
    expect(html).toContain('<h2 id="material-heading">Further material</h2>');
    expect(html).toContain('(PDF, 1.2 MB)');
    expect(html).toContain('By Redaktionen');
  });

  it('describes the article with schema.org NewsArticle JSON-LD', async () => {
    const res = await t.current.app.inject('/nyheder/konsulenten-er-facilitator');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)?.[1];
    expect(json).toBeDefined();
    expect(JSON.parse(json!)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Konsulenten er facilitator i den moderne kommune',
      datePublished: '2016-05-24T08:00:00.000Z',
      author: { '@type': 'Person', name: 'Redaktionen' },
      url: 'http://tilmeld.test/nyheder/konsulenten-er-facilitator',
    });
  });

  it('keeps a headline from closing the JSON-LD script element', async () => {
    await createArticle(t.current.ctx, { slug: 'script-i-overskrift', headline: '</script><script>alert(1)</script>', publishedAt: day(-40) });
    const res = await t.current.app.inject('/nyheder/script-i-overskrift');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
    expect(res.body).toContain('<h1>&lt;/script>&lt;script>alert(1)&lt;/script></h1>');
  });

  it('hides drafts and scheduled articles, and answers unknown slugs with the 404 page', async () => {
    for (const path of ['/nyheder/kladde', '/nyheder/planlagt', '/en/news/planlagt', '/nyheder/findes-ikke']) {
      const res = await t.current.app.inject(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
    }
    expect((await t.current.app.inject('/en/news/nope')).body).toContain('Page not found');
    // A NUL byte would make PostgreSQL refuse the query; the schema stops it first.
    expect((await t.current.app.inject('/nyheder/a%00b')).statusCode).toBe(400);
    expect((await t.current.app.inject(`/nyheder/${'x'.repeat(201)}`)).statusCode).toBe(400);
  });

  it('shows a scheduled article once its time has come', async () => {
    const { ctx } = t.current;
    const later = { ...ctx, clock: { now: () => new Date(day(4)) } };
    const { publicArticle } = await import('../../src/news/news.service.js');
    expect(await publicArticle(ctx, 'planlagt')).toBeUndefined();
    expect((await publicArticle(later, 'planlagt'))?.headline).toBe('Kommer senere');
  });

  it('never answers random page numbers or slugs with a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String)),
        fc.string({ unit: 'binary', minLength: 1 }),
        async (pageValue, slug) => {
          const list = await t.current.app.inject({ method: 'GET', url: '/nyheder', query: { page: pageValue } });
          expect([200, 400, 404]).toContain(list.statusCode);
          const article = await t.current.app.inject(`/nyheder/${encodeURIComponent(slug)}`);
          expect([200, 400, 404]).toContain(article.statusCode);
          const en = await t.current.app.inject(`/en/news/${encodeURIComponent(slug)}?page=${encodeURIComponent(pageValue)}`);
          expect([200, 400, 404]).toContain(en.statusCode);
        },
      ),
      { numRuns: 60 },
    );
  });
});
