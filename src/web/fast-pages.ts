/**
 * Cached public pages answered before Fastify sees the request.
 *
 * A CPU profile of the page benchmark showed a cached page costing three to
 * four times a Fastify hello world, though it only copies kept bytes: the
 * time went to the request's way through Fastify (request id, a child logger
 * and two log lines per request, routing, six hooks — security headers,
 * cookies, the request-id header, metrics labels — and the reply's
 * serialisation), not to the page. A page in the page cache looks the same to
 * every visitor (cachedPage() only keeps such pages; it never carries a
 * cookie, a CSRF token or a session), so a GET whose URL is in the cache is
 * answered here with the same status, headers and bytes Fastify would send.
 * Everything else, including the first request for a page and every
 * request after the entry expired or a write cleared the cache, takes the
 * usual way through Fastify. Hits are counted in /metrics
 * (tilmeld_page_cache_hits_total), not logged one by one.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import { noteRequest } from '../observability/foreground.js';
import { requestIdOf } from '../observability/request-id.js';
import { acceptsGzip, HTML } from './cached-page.js';
import type { PageCache } from './page-cache.js';

export interface FastPages {
  cache: PageCache;
  /** Headers every response carries (the security headers); may be set after the server is made, before it listens. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** Called for every page answered here. */
  onHit?: () => void;
}

/** The response headers of a cached page, as a flat list for writeHead (without per-request values). */
function fixedHeaders(pages: FastPages): { identity: string[]; gzip: string[] } {
  const common = [...pages.headers.flat(), 'vary', 'accept-encoding', 'content-type', HTML];
  return { identity: common, gzip: [...common, 'content-encoding', 'gzip'] };
}

/**
 * Answers `req` from the page cache when it can; false when the request must
 * go on to Fastify. Only GET: a HEAD, a POST or anything else goes on.
 */
export function answerFromPageCache(pages: FastPages, req: IncomingMessage, res: ServerResponse, fixed = fixedHeaders(pages)): boolean {
  if (req.method !== 'GET' || req.url === undefined) return false;
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const bytes = pages.cache.bytes(`page:${req.url}`, gzip ? 'gzip' : 'identity');
  if (!bytes) return false;
  noteRequest();
  const id = requestIdOf(req.headers['x-request-id']);
  res.writeHead(200, [...(gzip ? fixed.gzip : fixed.identity), 'x-request-id', id, 'content-length', String(bytes.length)]);
  res.end(bytes);
  pages.onHit?.();
  return true;
}

/**
 * A Fastify serverFactory: the HTTP server Fastify would make (same
 * timeouts as Fastify's defaults), with cached pages answered first.
 */
export function pageCacheServerFactory(pages: FastPages): FastifyServerFactory {
  // Fastify makes its server when the instance is created, before the security headers are known.
  let fixed: ReturnType<typeof fixedHeaders> | undefined;
  let madeFrom: FastPages['headers'] | undefined;
  return (handler, options) => {
    const server = http.createServer((req, res) => {
      if (madeFrom !== pages.headers) {
        fixed = fixedHeaders(pages);
        madeFrom = pages.headers;
      }
      if (!answerFromPageCache(pages, req, res, fixed)) handler(req, res);
    });
    server.keepAliveTimeout = Number(options.keepAliveTimeout ?? 72_000);
    server.requestTimeout = Number(options.requestTimeout ?? 0);
    server.setTimeout(Number(options.connectionTimeout ?? 0));
    return server;
  };
}
