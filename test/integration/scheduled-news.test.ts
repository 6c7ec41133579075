/**
 * A scheduled article is nowhere public until its time: not on the news
 * list, its own page, the front page, the RSS feeds, the sitemap, the API,
 * and not its attachments either. From that moment on it is everywhere.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock.js';
import { storeMaterial } from '../../src/materials/materials.service.js';
import { createArticle } from '../../src/news/news.service.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';

const AT = '2026-06-03T06:00:00.000Z';

forEachDialect('scheduled news', (dialect) => {
  let now = TEST_NOW.getTime();
  const clock: Clock = { now: () => new Date(now) };
  const t = useTestApp(dialect, clock);
  let materialId = 0;

  beforeAll(async () => {
    const { ctx } = t.current;
    await createArticle(ctx, { slug: 'allerede-ude', headline: 'Allerede ude', publishedAt: '2026-05-01T08:00:00.000Z' });
    const id = await createArticle(ctx, {
      slug: 'nyt-kursus-i-facilitering',
      headline: 'Nyt kursus i facilitering',
      lede: 'Planlagt manchet',
      publishedAt: AT,
    });
    materialId = await storeMaterial(ctx, {
      title: 'Bilag',
      filename: 'bilag.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 x'),
      visibility: 'public',
      articleId: id,
    });
  });

  const surfaces = ['/nyheder', '/en/news', '/', '/en', '/nyheder/feed.xml', '/en/news/feed.xml', '/sitemap.xml', '/api/v1/articles'];

  async function check(visible: boolean) {
    const { app } = t.current;
    for (const url of surfaces) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body.includes('nyt-kursus-i-facilitering'), url).toBe(visible);
      expect(res.body, url).toContain('allerede-ude');
    }
    for (const url of [
      '/nyheder/nyt-kursus-i-facilitering',
      '/en/news/nyt-kursus-i-facilitering',
      '/api/v1/articles/nyt-kursus-i-facilitering',
      `/materialer/${materialId}/bilag.pdf`,
    ]) {
      expect((await app.inject(url)).statusCode, url).toBe(visible ? 200 : 404);
    }
  }

  it('is hidden everywhere a second before its time', async () => {
    now = new Date(AT).getTime() - 1000;
    await check(false);
  });

  it('is public everywhere from its time on', async () => {
    now = new Date(AT).getTime();
    await check(true);
  });
});
