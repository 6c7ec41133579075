import { describe, expect, it, vi } from 'vitest';
import { PageCache } from './page-cache.js';

const slowBuild =
  (counter: { n: number }, ms = 10) =>
  async () => {
    counter.n++;
    const n = counter.n;
    await new Promise((r) => setTimeout(r, ms));
    return `<doc n="${n}"/>`;
  };

describe('PageCache', () => {
  it('builds once for requests that miss together, then serves from memory', async () => {
    const cache = new PageCache(60_000);
    const counter = { n: 0 };
    const bodies = await Promise.all(Array.from({ length: 20 }, () => cache.getOrBuild('/feed.xml', slowBuild(counter))));
    expect(new Set(bodies)).toEqual(new Set(['<doc n="1"/>']));
    expect(await cache.getOrBuild('/feed.xml', slowBuild(counter))).toBe('<doc n="1"/>');
    expect(counter.n).toBe(1);
    cache.clear();
    expect(await cache.getOrBuild('/feed.xml', slowBuild(counter))).toBe('<doc n="2"/>');
  });

  it('does not keep a build that overlapped a write', async () => {
    const cache = new PageCache(60_000);
    const counter = { n: 0 };
    const first = cache.getOrBuild('/p', slowBuild(counter, 30));
    cache.clear();
    expect(await first).toBe('<doc n="1"/>');
    expect(cache.get('/p')).toBeUndefined();
  });

  it('tries again after a failed build', async () => {
    const cache = new PageCache(60_000);
    await expect(cache.getOrBuild('/x', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cache.getOrBuild('/x', async () => 'ok')).toBe('ok');
  });

  it('keeps nothing when the lifetime is zero, and forgets after it', async () => {
    const off = new PageCache(0);
    await off.getOrBuild('/a', async () => 'a');
    expect(off.get('/a')).toBeUndefined();
    const short = new PageCache(5);
    short.set('/b', 'b');
    expect(short.get('/b')).toBe('b');
    await new Promise((r) => setTimeout(r, 15));
    expect(short.get('/b')).toBeUndefined();
  });

  it('spreads the expiry of pages built together over the last fifth of their lifetime', () => {
    vi.useFakeTimers();
    try {
      const draws = [0, 0.5, 0.999];
      const cache = new PageCache(10_000, 5000, () => draws.shift()!);
      cache.set('/a', 'a');
      cache.set('/b', 'b');
      cache.set('/c', 'c');
      const kept = () => ['/a', '/b', '/c'].filter((k) => cache.get(k) !== undefined);
      vi.advanceTimersByTime(7_999);
      expect(kept()).toEqual(['/a', '/b', '/c']);
      vi.advanceTimersByTime(4);
      expect(kept()).toEqual(['/a', '/b']);
      vi.advanceTimersByTime(1_000);
      expect(kept()).toEqual(['/a']);
      vi.advanceTimersByTime(1_000);
      expect(kept()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops the oldest entry when full', () => {
    const cache = new PageCache(60_000, 2);
    cache.set('1', 'a');
    cache.set('2', 'b');
    cache.set('3', 'c');
    expect([cache.get('1'), cache.get('2'), cache.get('3')]).toEqual([undefined, 'b', 'c']);
  });
});

describe('watching the database', () => {
  /** Resolves once the cache has read the version `times` more times. */
  const versions = (values: Array<string | Error>) => {
    let reads = 0;
    const waiters: Array<[number, () => void]> = [];
    const version = async () => {
      const value = values[Math.min(reads, values.length - 1)]!;
      reads++;
      for (const [at, resolve] of waiters) if (reads >= at) resolve();
      if (value instanceof Error) throw value;
      return value;
    };
    const readsDone = (n: number) => new Promise<void>((resolve) => (reads >= n ? resolve() : waiters.push([n, resolve])));
    return { version, readsDone };
  };

  it('keeps pages while the version stays, and clears them when it changes', async () => {
    const cache = new PageCache(60_000);
    const { version, readsDone } = versions(['1', '1', '1', '2', '2']);
    const stop = cache.watch(version, 5);
    await readsDone(1);
    cache.set('/p', 'seats: 3');
    await readsDone(3);
    expect(cache.get('/p')).toBe('seats: 3');
    await readsDone(4);
    await new Promise((r) => setImmediate(r));
    expect(cache.get('/p')).toBeUndefined();
    stop();
  });

  it('clears when the version cannot be read, and does not keep a build that overlapped the change', async () => {
    const cache = new PageCache(60_000);
    const { version, readsDone } = versions(['1', '1', new Error('database gone'), '1']);
    const stop = cache.watch(version, 5);
    await readsDone(2);
    cache.set('/p', 'kept');
    const building = cache.getOrBuild('/q', slowBuild({ n: 0 }, 40));
    await readsDone(3);
    await new Promise((r) => setImmediate(r));
    expect(cache.get('/p')).toBeUndefined();
    await building;
    expect(cache.get('/q')).toBeUndefined();
    stop();
  });

  it('watches nothing when the cache is off', async () => {
    let reads = 0;
    const stop = new PageCache(0).watch(async () => String(reads++), 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toBe(0);
    stop();
  });
});

describe('compressed pages', () => {
  it('gzips a cached body once and only while it is cached', async () => {
    const { gunzipSync } = await import('node:zlib');
    const cache = new PageCache(60_000);
    expect(cache.gzipped('/p')).toBeUndefined();
    cache.set('/p', '<p>Læs mere og tilmeld dig</p>'.repeat(100));
    const first = cache.gzipped('/p')!;
    expect(gunzipSync(first).toString('utf8')).toBe('<p>Læs mere og tilmeld dig</p>'.repeat(100));
    expect(first.length).toBeLessThan(200);
    expect(cache.gzipped('/p')).toBe(first);
    cache.clear();
    expect(cache.gzipped('/p')).toBeUndefined();
  });

  it('keeps the UTF-8 bytes of a cached body, made once, and forgets them with the entry', () => {
    const cache = new PageCache(60_000);
    expect(cache.bytes('/p', 'identity')).toBeUndefined();
    cache.set('/p', '<p>Tilmeld dig på kurset – æøå</p>');
    const bytes = cache.bytes('/p', 'identity')!;
    expect(bytes.toString('utf8')).toBe('<p>Tilmeld dig på kurset – æøå</p>');
    expect(bytes.length).toBe(Buffer.byteLength('<p>Tilmeld dig på kurset – æøå</p>'));
    expect(cache.bytes('/p', 'identity')).toBe(bytes);
    cache.set('/p', '<p>Ny udgave</p>');
    expect(cache.bytes('/p', 'identity')!.toString('utf8')).toBe('<p>Ny udgave</p>');
    cache.clear();
    expect(cache.bytes('/p', 'identity')).toBeUndefined();
    expect(cache.bytes('/p', 'gzip')).toBeUndefined();
  });
});
