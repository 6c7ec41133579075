import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { PageCache } from '../web/page-cache.js';
import { cachedDocument } from './cached-document.js';

const contextWith = (cache: PageCache) => ({ pageCache: cache }) as unknown as AppContext;

describe('cachedDocument', () => {
  it('builds once for requests that arrive together, then serves from the cache', async () => {
    const ctx = contextWith(new PageCache(60_000));
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 10));
      return `<doc n="${builds}"/>`;
    };
    const bodies = await Promise.all(Array.from({ length: 20 }, () => cachedDocument(ctx, '/feed.xml', build)));
    expect(new Set(bodies)).toEqual(new Set(['<doc n="1"/>']));
    expect(await cachedDocument(ctx, '/feed.xml', build)).toBe('<doc n="1"/>');
    expect(builds).toBe(1);
    ctx.pageCache.clear();
    expect(await cachedDocument(ctx, '/feed.xml', build)).toBe('<doc n="2"/>');
  });

  it('tries again after a failed build', async () => {
    const ctx = contextWith(new PageCache(60_000));
    await expect(cachedDocument(ctx, '/x', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cachedDocument(ctx, '/x', async () => 'ok')).toBe('ok');
  });

  it('keeps applications apart', async () => {
    const a = contextWith(new PageCache(60_000));
    const b = contextWith(new PageCache(60_000));
    const [x, y] = await Promise.all([cachedDocument(a, '/s', async () => 'a'), cachedDocument(b, '/s', async () => 'b')]);
    expect([x, y]).toEqual(['a', 'b']);
  });
});
