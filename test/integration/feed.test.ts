import { execFileSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { createArticle } from '../../src/news/news.service.js';

/** Runs xmllint on a document: throws unless it is well-formed; with an XPath, returns its result. */
function xmllint(xml: string, xpath?: string): string {
  const args = xpath ? ['--xpath', xpath, '-'] : ['--noout', '-'];
  return execFileSync('xmllint', args, { input: xml, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).replace(/\n$/, '');
}

const hoursAgo = (h: number) => new Date(TEST_NOW.getTime() - h * 3_600_000).toISOString();

forEachDialect('news feed', (dialect) => {
  const t = useTestApp(dialect);

  beforeAll(async () => {
    const { ctx } = t.current;
    for (let i = 1; i <= 24; i++) {
      await createArticle(ctx, { slug: `nyhed-${i}`, headline: `Nyhed ${i}`, lede: `Manchet ${i}`, author: 'Redaktionen', publishedAt: hoursAgo(i + 1) });
    }
    await createArticle(ctx, {
      slug: 'tegn-og-kontrol',
      headline: 'Løn & vilkår: <b>"ny"</b> aftale \u0001 i \'kommunerne\'',
      lede: 'Fra 1. juni < 2. juni > 31. maj & mere',
      publishedAt: hoursAgo(0.5),
    });
    await createArticle(ctx, { slug: 'kladde', headline: 'Kladde', publishedAt: null });
    await createArticle(ctx, { slug: 'fremtid', headline: 'Fremtidig', publishedAt: hoursAgo(-5) });
  });

  it('is well-formed RSS 2.0 with the 20 newest published articles', async () => {
    const res = await t.current.app.inject('/nyheder/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(() => xmllint(res.body)).not.toThrow();
    expect(xmllint(res.body, 'string(/rss/@version)')).toBe('2.0');
    expect(xmllint(res.body, 'count(/rss/channel/item)')).toBe('20');
    expect(xmllint(res.body, 'string(/rss/channel/item[1]/link)')).toBe('http://tilmeld.test/nyheder/tegn-og-kontrol');
    expect(xmllint(res.body, 'string(/rss/channel/item[2]/title)')).toBe('Nyhed 1');
    expect(xmllint(res.body, 'string(/rss/channel/item[20]/title)')).toBe('Nyhed 19');
    expect(xmllint(res.body, 'string(/rss/channel/item[2]/guid)')).toBe('http://tilmeld.test/nyheder/nyhed-1');
    expect(xmllint(res.body, 'string(/rss/channel/item[2]/pubDate)')).toBe(new Date(hoursAgo(2)).toUTCString());
    expect(xmllint(res.body, 'string(/rss/channel/link)')).toBe('http://tilmeld.test/nyheder');
    expect(xmllint(res.body, "string(/rss/channel/*[local-name()='link' and @rel='self']/@href)")).toBe('http://tilmeld.test/nyheder/feed.xml');
    expect(res.body).not.toContain('Kladde');
    expect(res.body).not.toContain('Fremtidig');
  });

  it('escapes markup and drops characters XML cannot hold', async () => {
    const res = await t.current.app.inject('/nyheder/feed.xml');
    expect(xmllint(res.body, 'string(/rss/channel/item[1]/title)')).toBe('Løn & vilkår: <b>"ny"</b> aftale  i \'kommunerne\'');
    expect(xmllint(res.body, 'string(/rss/channel/item[1]/description)')).toBe('Fra 1. juni < 2. juni > 31. maj & mere');
    expect(res.body).toContain('<title>Løn &amp; vilkår: &lt;b&gt;&quot;ny&quot;&lt;/b&gt; aftale  i &apos;kommunerne&apos;</title>');
  });

  it('has an English feed with English addresses', async () => {
    const res = await t.current.app.inject('/en/news/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(() => xmllint(res.body)).not.toThrow();
    expect(xmllint(res.body, 'string(/rss/channel/title)')).toBe('News from Tilmeld');
    expect(xmllint(res.body, 'string(/rss/channel/item[2]/link)')).toBe('http://tilmeld.test/en/news/nyhed-1');
  });

  it('is the feed the pages link to from their head', async () => {
    const page = await t.current.app.inject('/nyheder');
    const href = /<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="([^"]+)"/.exec(page.body)?.[1];
    expect(href).toBe('http://tilmeld.test/nyheder/feed.xml');
    expect((await t.current.app.inject(new URL(href!).pathname)).statusCode).toBe(200);
  });
});
