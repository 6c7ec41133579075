import type { AppContext } from '../context.js';

/** Builds under way, per page cache (so per application). */
const buildsByCache = new WeakMap<object, Map<string, Promise<string>>>();

/**
 * A generated document (feed, sitemap) from the page cache, built on a miss.
 * Requests that arrive while it is being built wait for that one build
 * instead of each starting their own.
 */
export async function cachedDocument(ctx: AppContext, key: string, build: () => Promise<string>): Promise<string> {
  const cacheKey = `doc:${key}`;
  const hit = ctx.pageCache.get(cacheKey);
  if (hit !== undefined) return hit;
  const builds = buildsByCache.get(ctx.pageCache) ?? new Map<string, Promise<string>>();
  buildsByCache.set(ctx.pageCache, builds);
  let pending = builds.get(cacheKey);
  if (!pending) {
    pending = build()
      .then((body) => {
        ctx.pageCache.set(cacheKey, body);
        return body;
      })
      .finally(() => builds.delete(cacheKey));
    builds.set(cacheKey, pending);
  }
  return pending;
}
