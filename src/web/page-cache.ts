/**
 * Rendered public pages kept in memory for a few seconds. Writes in this
 * process clear it at once; other processes see changes within the TTL.
 */
export class PageCache {
  private readonly entries = new Map<string, { body: string; expires: number }>();
  private clears = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
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

  set(key: string, body: string): void {
    if (this.ttlMs === 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { body, expires: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
    this.clears++;
  }

  /** Changes on every clear(), so values kept elsewhere can tell that data changed. */
  get generation(): number {
    return this.clears;
  }
}
