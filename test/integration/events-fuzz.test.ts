import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { seedFixtures } from './events-fixtures.js';

/** Percent-encodes any JavaScript string, lone surrogates included (as U+FFFD, like a browser). */
function enc(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

const keys = fc.oneof(fc.constantFrom('q', 'type', 'theme', 'month', 'place', 'free', 'page', 'perPage'), fc.string({ maxLength: 8 }));
const values = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '',
    '0',
    '1',
    '-1',
    '1e400',
    'NaN',
    '2026-09',
    '2026-9',
    '0000-00',
    'kursus',
    'KURSUS',
    'online',
    '99999999999999999999',
    'true',
    '%',
    '%00',
    "'; DROP TABLE events; --",
    '"*',
    'a:*',
    '"konsulent"*',
  ),
  fc.integer().map(String),
  fc.string({ maxLength: 5 }).map((s) => s.repeat(3000)),
);
const queryStrings = fc.array(fc.tuple(keys, values), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'));
/** Raw printable text after "?", not encoded at all. */
const rawQueries = fc.string({
  unit: fc
    .integer({ min: 0x21, max: 0x7e })
    .map((c) => String.fromCharCode(c))
    .filter((c) => c !== '#'),
  maxLength: 80,
});

forEachDialect('events pages and API with hostile input', (dialect) => {
  const t = useTestApp(dialect);
  beforeAll(async () => {
    await seedFixtures(t.current.ctx);
  });

  it('never answers a catalogue or API query with a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(queryStrings, rawQueries), fc.constantFrom('/arrangementer', '/en/events', '/api/v1/events'), async (query, path) => {
        const res = await t.current.app.inject(`${path}?${query}`);
        expect([200, 400], `${path}?${query}`).toContain(res.statusCode);
        if (path.startsWith('/api/')) expect(res.headers['content-type']).toContain('application/json');
        else expect(res.headers['content-type']).toContain('text/html');
      }),
      { numRuns: 200 },
    );
  });

  it('never answers a random slug with a server error', async () => {
    const slugs = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }));
    const routes = fc.constantFrom(
      (s: string) => `/arrangementer/${s}`,
      (s: string) => `/en/events/${s}`,
      (s: string) => `/arrangementer/${s}/kalender.ics`,
      (s: string) => `/api/v1/events/${s}`,
    );
    await fc.assert(
      fc.asyncProperty(slugs, routes, async (slug, route) => {
        const url = route(enc(slug));
        const res = await t.current.app.inject(url);
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
