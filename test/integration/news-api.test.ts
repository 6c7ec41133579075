import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachDialect } from '../helpers/databases.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { createArticle } from '../../src/news/news.service.js';
import { createTestEvent } from '../helpers/events.js';
import { storeMaterial } from '../../src/materials/materials.service.js';

const daysAgo = (n: number) => new Date(TEST_NOW.getTime() - n * 86_400_000).toISOString();

interface ListBody {
  items: { slug: string; headline: string; publishedAt: string; urls: { page: { da: string; en: string }; api: string } }[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
}

forEachDialect('articles API', (dialect) => {
  const t = useTestApp(dialect);
  let pdfId = 0;

  beforeAll(async () => {
    const { ctx } = t.current;
    for (let i = 1; i <= 25; i++) {
      await createArticle(ctx, { slug: `nyhed-${i}`, headline: `Nyhed ${i}`, lede: `Manchet ${i}`, author: 'Redaktionen', publishedAt: daysAgo(i) });
    }
    await createArticle(ctx, { slug: 'kladde', headline: 'Kladde', publishedAt: null });
    await createArticle(ctx, { slug: 'planlagt', headline: 'Planlagt', publishedAt: daysAgo(-2) });
    const eventId = await createTestEvent(ctx, {
      slug: 'konsulent-i-en-politisk-styret-organisation',
      type: 'doegnseminar',
      status: 'published',
      title: 'Konsulent i en politisk styret organisation',
      capacity: 40,
      priceOre: 450_000,
      vatMode: 'standard',
      sessions: [{ startsAt: '2026-09-08T07:30:00.000Z', endsAt: '2026-09-09T13:00:00.000Z', title: 'Døgnseminar' }],
    });
    const draftEvent = await createTestEvent(ctx, {
      slug: 'kladde-seminar',
      type: 'kursus',
      status: 'draft',
      title: 'Kladde',
      capacity: 5,
      priceOre: 0,
      vatMode: 'exempt',
      vatExemptionReason: 'Undervisning',
      sessions: [{ startsAt: '2026-09-08T07:30:00.000Z', endsAt: '2026-09-08T13:00:00.000Z', title: 'Dag' }],
    });
    const articleId = await createArticle(ctx, {
      slug: 'konsulenten-er-facilitator',
      headline: 'Konsulenten er facilitator i den moderne kommune',
      lede: 'Konsulentens rolle ændrer sig.',
      body: '# Fokuser på relationerne\n\n> Det relationelle bliver afgørende.\n\n<script>alert(1)</script>',
      author: 'Redaktionen',
      publishedAt: '2016-05-24T08:00:00.000Z',
      eventIds: [draftEvent, eventId],
    });
    pdfId = await storeMaterial(ctx, {
      title: 'Program',
      filename: 'Døgnseminar 2016.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4'),
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
  });

  const get = (url: string) => t.current.app.inject(url);

  describe('GET /api/v1/articles', () => {
    it('lists published articles newest first with paging facts and addresses', async () => {
      const res = await get('/api/v1/articles');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      const body = res.json() as ListBody;
      expect(body).toMatchObject({ page: 1, perPage: 20, total: 26, totalPages: 2 });
      expect(body.items).toHaveLength(20);
      expect(body.items[0]).toEqual({
        slug: 'nyhed-1',
        headline: 'Nyhed 1',
        lede: 'Manchet 1',
        author: 'Redaktionen',
        publishedAt: daysAgo(1),
        urls: {
          page: { da: 'http://tilmeld.test/nyheder/nyhed-1', en: 'http://tilmeld.test/en/news/nyhed-1' },
          api: 'http://tilmeld.test/api/v1/articles/nyhed-1',
        },
      });
      expect(body.items.map((a) => a.slug)).not.toContain('kladde');
      expect(body.items.map((a) => a.slug)).not.toContain('planlagt');
    });

    it('pages with page and perPage', async () => {
      const second = (await get('/api/v1/articles?perPage=10&page=3')).json() as ListBody;
      expect(second).toMatchObject({ page: 3, perPage: 10, total: 26, totalPages: 3 });
      expect(second.items.map((a) => a.slug)).toEqual([...Array.from({ length: 5 }, (_, i) => `nyhed-${21 + i}`), 'konsulenten-er-facilitator']);
      expect(((await get('/api/v1/articles?perPage=10&page=4')).json() as ListBody).items).toEqual([]);
    });

    it('answers malformed queries with 400 JSON', async () => {
      for (const query of ['page=0', 'page=-1', 'page=x', 'page=10001', 'perPage=0', 'perPage=101', 'perPage=2.5', 'page=1&page=2']) {
        const res = await get(`/api/v1/articles?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalid_request' });
      }
    });
  });

  describe('GET /api/v1/articles/{slug}', () => {
    it('gives the article with Markdown and safe HTML, related events and public materials', async () => {
      const res = await get('/api/v1/articles/konsulenten-er-facilitator');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        slug: 'konsulenten-er-facilitator',
        headline: 'Konsulenten er facilitator i den moderne kommune',
        lede: 'Konsulentens rolle ændrer sig.',
        author: 'Redaktionen',
        publishedAt: '2016-05-24T08:00:00.000Z',
        body: { markdown: '# Fokuser på relationerne\n\n> Det relationelle bliver afgørende.\n\n<script>alert(1)</script>' },
        events: [
          {
            slug: 'konsulent-i-en-politisk-styret-organisation',
            type: 'doegnseminar',
            status: 'published',
            title: 'Konsulent i en politisk styret organisation',
            startsAt: '2026-09-08T07:30:00.000Z',
            seatStatus: 'available',
            urls: {
              page: {
                da: 'http://tilmeld.test/arrangementer/konsulent-i-en-politisk-styret-organisation',
                en: 'http://tilmeld.test/en/events/konsulent-i-en-politisk-styret-organisation',
              },
              api: 'http://tilmeld.test/api/v1/events/konsulent-i-en-politisk-styret-organisation',
            },
          },
        ],
        materials: [
          {
            id: pdfId,
            title: 'Program',
            filename: 'Døgnseminar 2016.pdf',
            contentType: 'application/pdf',
            sizeBytes: 8,
            url: `http://tilmeld.test/materialer/${pdfId}/D%C3%B8gnseminar%202016.pdf`,
          },
        ],
      });
      expect(body.body.html).toContain('<h2>Fokuser på relationerne</h2>');
      expect(body.body.html).toContain('<blockquote>');
      expect(body.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(body.body.html).not.toContain('<script>');
    });

    it('answers drafts, scheduled and unknown articles with 404 JSON', async () => {
      for (const slug of ['kladde', 'planlagt', 'findes-ikke']) {
        const res = await get(`/api/v1/articles/${slug}`);
        expect(res.statusCode, slug).toBe(404);
        expect(res.headers['content-type']).toContain('application/json');
        expect(res.json()).toMatchObject({ error: 'request_error' });
      }
      const long = await get(`/api/v1/articles/${'a'.repeat(201)}`);
      expect(long.statusCode).toBe(400);
      expect(long.json()).toMatchObject({ error: 'invalid_request' });
    });

    it('never answers random slugs or paging with a server error', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' }), fc.string(), async (slug, page, perPage) => {
          const one = await t.current.app.inject(`/api/v1/articles/${encodeURIComponent(slug)}`);
          expect([200, 400, 404]).toContain(one.statusCode);
          expect(one.headers['content-type']).toContain('application/json');
          const list = await t.current.app.inject({ method: 'GET', url: '/api/v1/articles', query: { page, perPage } });
          expect([200, 400]).toContain(list.statusCode);
        }),
        { numRuns: 60 },
      );
    });
  });

  it('documents both operations in the OpenAPI document under the articles tag', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const list = doc.paths['/api/v1/articles'].get;
    const one = doc.paths['/api/v1/articles/{slug}'].get;
    expect(list.tags).toEqual(['articles']);
    expect(one.tags).toEqual(['articles']);
    expect(list.summary).toBeTruthy();
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['page', 'perPage']);
    expect(one.parameters).toEqual([expect.objectContaining({ name: 'slug', in: 'path', required: true })]);
    expect(Object.keys(one.responses).sort()).toEqual(['200', '400', '404']);
    expect(JSON.stringify(doc.components?.schemas ?? {})).toContain('ArticleDetail');
  });
});
