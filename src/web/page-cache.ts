import { gzipSync } from 'node:zlib';

/** The share of the TTL over which the expiry of pages built together is spread. */
const EXPIRY_SPREAD = 0.2;

/** How a cached body is sent: as it is, or gzip-compressed. */
export type PageEncoding = 'identity' | 'gzip';

interface Entry {
  body: string;
  expires: number;
  /** The bytes as sent, made on the first request that wants them and kept with the entry. */
  identity?: Buffer;
  gzip?: Buffer;
}

/**
 * Rendered public pages kept in memory. Writes in this process that call
 * clear() show at once; every other write (a sign-up, another process) shows
 * once watch() sees the database change. The TTL bounds how long a page may
 * miss a change that comes with time alone (a deadline, a scheduled article).
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private clears = 0;
  private readonly builds = new Map<string, Promise<string>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
    private readonly random: () => number = Math.random,
  ) {}

  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.body;
  }

  /**
   * The cached body gzip-compressed, made once per entry, so browsers get a
   * fraction of the bytes at no extra cost per request. Undefined when not cached.
   */
  gzipped(key: string): Buffer | undefined {
    return this.bytes(key, 'gzip');
  }

  /**
   * The cached body as the bytes sent in `encoding`, each made once per entry
   * (UTF-8 encoding and gzip cost more than sending), so a hit is a copy of
   * kept bytes to the socket. Undefined when not cached.
   */
  bytes(key: string, encoding: PageEncoding): Buffer | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.expires <= Date.now()) return undefined;
    if (encoding === 'gzip') return (hit.gzip ??= gzipSync(hit.body));
    return (hit.identity ??= Buffer.from(hit.body, 'utf8'));
  }

  set(key: string, body: string): void {
    if (this.ttlMs === 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { body, expires: Date.now() + this.lifetime() });
  }

  /**
   * The TTL less up to a fifth, at random. Pages built together (after a
   * write, or the first visits after a start) would otherwise all expire in
   * the same instant and be rendered again together: 100 event pages held the
   * event loop for over 100 ms, and every request waited behind them.
   */
  private lifetime(): number {
    return this.ttlMs * (1 - EXPIRY_SPREAD * this.random());
  }

  /**
   * The cached body, or one build of it shared by every request that misses
   * while it runs (no stampede when a popular page expires). A build that
   * overlaps a clear() is served but not kept, since it may predate the write.
   */
  getOrBuild(key: string, build: () => Promise<string>): Promise<string> {
    const hit = this.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = this.builds.get(key);
    if (running) return running;
    const startedAt = this.clears;
    const pending = build()
      .then((body) => {
        if (this.clears === startedAt) this.set(key, body);
        return body;
      })
      .finally(() => this.builds.delete(key));
    this.builds.set(key, pending);
    return pending;
  }

  clear(): void {
    this.entries.clear();
    this.clears++;
  }

  /**
   * Clears the cache whenever `version()` (a value that changes with every
   * write to the database, by any process) differs from the last one read,
   * checked every `intervalMs`. So kept pages live until the data changes or
   * the TTL ends, instead of being rendered again every few seconds. A version
   * that cannot be read clears too: freshness cannot be shown. The first
   * reading clears as well, for pages built before it. Returns a stop function.
   */
  watch(version: () => Promise<string>, intervalMs: number): () => void {
    if (this.ttlMs === 0) return () => {};
    let last: string | undefined;
    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        const now = await version();
        if (now !== last) this.clear();
        last = now;
      } catch {
        this.clear();
        last = undefined;
      } finally {
        checking = false;
      }
    };
    const timer = setInterval(() => void check(), intervalMs);
    timer.unref();
    void check();
    return () => clearInterval(timer);
  }

  /** Changes on every clear(), so values kept elsewhere can tell that data changed. */
  get generation(): number {
    return this.clears;
  }
}
