import { execFileSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { createArticle } from '../../src/news/news.service.js';
import { createTestEvent, type TestEventInput } from '../helpers/events.js';

function xmllint(xml: string, xpath?: string): string {
  const args = xpath ? ['--xpath', xpath, '-'] : ['--noout', '-'];
  return execFileSync('xmllint', args, { input: xml, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).replace(/\n$/, '');
}

const SM = "*[local-name()='urlset']/*[local-name()='url']";
const locs = (xml: string) => xmllint(xml, `//${SM}/*[local-name()='loc']/text()`).split('\n');

function event(slug: string, status: TestEventInput['status']): TestEventInput {
  return {
    slug,
    status,
    type: 'kursus',
    title: slug,
    capacity: 20,
    priceOre: 0,
    vatMode: 'exempt',
    vatExemptionReason: 'Undervisning',
    // Only an event that has ended is archived.
    sessions: [
      status === 'archived'
        ? { startsAt: '2016-10-03T07:00:00.000Z', endsAt: '2016-10-03T14:00:00.000Z', title: 'Dag 1' }
        : { startsAt: '2026-10-01T07:00:00.000Z', endsAt: '2026-10-01T14:00:00.000Z', title: 'Dag 1' },
    ],
  };
}

forEachDialect('sitemap and robots.txt', (dialect) => {
  const t = useTestApp(dialect);

  beforeAll(async () => {
    const { ctx } = t.current;
    for (const [slug, status] of [
      ['aabent-kursus', 'published'],
      ['gammelt-kursus', 'archived'],
      ['kladde-kursus', 'draft'],
      ['aflyst-kursus', 'cancelled'],
    ] as const) {
      await createTestEvent(ctx, event(slug, status));
    }
    await createArticle(ctx, { slug: 'nyhed-&-mere', headline: 'Nyhed', publishedAt: '2016-05-24T08:00:00.000Z' });
    await createArticle(ctx, { slug: 'kladde', headline: 'Kladde', publishedAt: null });
    await createArticle(ctx, { slug: 'planlagt', headline: 'Planlagt', publishedAt: '2030-01-01T00:00:00.000Z' });
  });

  it('is a well-formed sitemaps.org 0.9 document', async () => {
    const res = await t.current.app.inject('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(() => xmllint(res.body)).not.toThrow();
    expect(xmllint(res.body, "namespace-uri(/*[local-name()='urlset'])")).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  });

  it('lists the public pages in both languages, and no drafts', async () => {
    const res = await t.current.app.inject('/sitemap.xml');
    const all = locs(res.body);
    const base = 'http://tilmeld.test';
    for (const path of [
      '/',
      '/en',
      '/arrangementer',
      '/en/events',
      '/nyheder',
      '/en/news',
      '/arrangementer/aabent-kursus',
      '/en/events/aabent-kursus',
      '/arrangementer/gammelt-kursus',
      '/en/events/gammelt-kursus',
      '/nyheder/nyhed-%26-mere',
      '/en/news/nyhed-%26-mere',
    ]) {
      expect(all, path).toContain(base + path);
    }
    expect(new Set(all).size).toBe(all.length);
    for (const hidden of ['kladde-kursus', 'aflyst-kursus', 'kladde', 'planlagt']) {
      expect(
        all.some((l) => l.endsWith(`/${hidden}`)),
        hidden,
      ).toBe(false);
    }
  });

  it('names each page’s twin with hreflang and gives lastmod', async () => {
    const res = await t.current.app.inject('/sitemap.xml');
    const url = `//${SM}[*[local-name()='loc']='http://tilmeld.test/en/news/nyhed-%26-mere']`;
    expect(xmllint(res.body, `string(${url}/*[local-name()='link' and @hreflang='da']/@href)`)).toBe('http://tilmeld.test/nyheder/nyhed-%26-mere');
    expect(xmllint(res.body, `string(${url}/*[local-name()='link' and @hreflang='en']/@href)`)).toBe('http://tilmeld.test/en/news/nyhed-%26-mere');
    expect(xmllint(res.body, `namespace-uri(${url}/*[local-name()='link'][1])`)).toBe('http://www.w3.org/1999/xhtml');
    // Created at the test clock's time, after its publication date.
    expect(xmllint(res.body, `string(${url}/*[local-name()='lastmod'])`)).toBe('2026-06-01T10:00:00.000Z');
    const lastmods = xmllint(res.body, `//${SM}/*[local-name()='lastmod']/text()`).split('\n');
    for (const value of lastmods) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  });

  it('points to the sitemap from robots.txt', async () => {
    const res = await t.current.app.inject('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('User-agent: *');
    expect(res.body).toContain('Sitemap: http://tilmeld.test/sitemap.xml');
    expect(res.body).toContain('Disallow: /admin');
  });
});
