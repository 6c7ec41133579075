/**
 * The public event catalogue: its query (one zod schema for the page, the API
 * and the OpenAPI document), the search and filters, and the choices the
 * filter form offers.
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { EVENT_TYPES } from './events.table.js';
import {
  catalogueEvents,
  catalogueCities,
  hasUpcomingWebinar,
  catalogueThemes,
  catalogueTexts,
  ONLINE_PLACE,
  type EventCardRow,
  type EventFilters,
  nextSessionStart,
  upcomingEvents,
} from './events.queries.js';
import { localDateTime } from '../lib/dates.js';
import { danishMonthKey } from '../lib/dates.js';
import { buildVocabulary, correctQuery, type Vocabulary } from '../lib/spelling.js';

export const CATALOGUE_PAGE_SIZE = 20;
export const MAX_PAGE = 10_000;
export const MAX_SEARCH_LENGTH = 200;

const CONTROL_CHARACTERS = /\p{Cc}/u;

/** Free text: trimmed, blank means absent, no control characters (PostgreSQL refuses NUL). */
function text(max: number, description: string) {
  return z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'Control characters are not allowed')
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined))
    .describe(description);
}

/** A choice from a list, where the empty string (the form's "all") means absent. */
function choice<T extends z.ZodType<string>>(schema: T, description: string) {
  return z
    .union([z.literal(''), schema])
    .optional()
    .transform((v): Exclude<z.output<T>, ''> | undefined => (v === '' || v === undefined ? undefined : (v as Exclude<z.output<T>, ''>)))
    .describe(description);
}

/**
 * The catalogue's query string, shared by /arrangementer, /en/events and
 * GET /api/v1/events. Empty fields (as a GET form sends them) mean "all";
 * anything malformed fails validation and is answered with 400.
 */
export const catalogueQuerySchema = z.object({
  q: text(MAX_SEARCH_LENGTH, 'Words to search for in any Danish word form ("konsulenter" finds "konsulent")'),
  type: choice(z.enum(EVENT_TYPES), 'Event type'),
  theme: choice(
    z
      .string()
      .max(100)
      .regex(/^[\p{L}\p{N}_-]+$/u),
    'Theme slug',
  ),
  month: choice(z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/), 'Only events with a session in this month (YYYY-MM, Danish time)'),
  place: text(100, `Venue city, or "${ONLINE_PLACE}" for webinars`),
  free: z
    .enum(['', '0', '1', 'true', 'false', 'on'])
    .optional()
    .transform((v) => v === '1' || v === 'true' || v === 'on')
    .describe('Only events with free seats and open sign-up (1/true)'),
  page: z
    .union([z.literal(''), z.coerce.number().int().min(1).max(MAX_PAGE)])
    .optional()
    .transform((v) => (typeof v === 'number' ? v : 1))
    .describe('Page number, from 1'),
});

export type CatalogueQuery = z.output<typeof catalogueQuerySchema>;

/** The first instant of a Danish month and of the next, in UTC. */
export function danishMonthRange(month: string): { from: string; to: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const start = (y: number, m: number) => {
    // Midnight on the 1st is 23:00 or 22:00 UTC the day before; pick the one that is midnight in Denmark.
    const wanted = `${y}${String(m).padStart(2, '0')}01T000000`;
    for (const hours of [1, 2]) {
      const candidate = new Date(Date.UTC(y, m - 1, 1) - hours * 3_600_000).toISOString();
      if (localDateTime(candidate) === wanted) return candidate;
    }
    return new Date(Date.UTC(y, m - 1, 1)).toISOString();
  };
  return { from: start(year, mon), to: mon === 12 ? start(year + 1, 1) : start(year, mon + 1) };
}

export function filtersOf(query: CatalogueQuery): EventFilters {
  return {
    search: query.q,
    type: query.type,
    theme: query.theme,
    sessionsBetween: query.month ? danishMonthRange(query.month) : undefined,
    place: query.place,
    freeSeatsOnly: query.free,
  };
}

/** True when the query narrows the catalogue down at all. */
export function isFiltered(query: CatalogueQuery): boolean {
  return Boolean(query.q || query.type || query.theme || query.month || query.place || query.free);
}

/**
 * Help with a mistyped search: `shownFor` when nothing matched what was
 * typed and the results are those of the corrected words; `suggestion`
 * ("Mente du …?") when some typed words are unknown but others matched.
 */
export interface Spelling {
  shownFor?: string;
  suggestion?: string;
}

export interface CataloguePage {
  rows: EventCardRow[];
  total: number;
  page: number;
  perPage: number;
  pages: number;
  spelling: Spelling;
}

export async function searchCatalogue(ctx: AppContext, query: CatalogueQuery, perPage = CATALOGUE_PAGE_SIZE): Promise<CataloguePage> {
  const run = (q: CatalogueQuery) => catalogueEvents(ctx.db, filtersOf(q), ctx.clock.now(), { limit: perPage, offset: (q.page - 1) * perPage });
  let { rows, total } = await run(query);
  const spelling: Spelling = {};
  const corrected = query.q ? correctQuery(await catalogueVocabulary(ctx), query.q) : undefined;
  if (corrected && total === 0) {
    const retry = await run({ ...query, q: corrected });
    if (retry.total > 0) {
      ({ rows, total } = retry);
      spelling.shownFor = corrected;
    }
  } else if (corrected) {
    spelling.suggestion = corrected;
  }
  return { rows, total, page: query.page, perPage, pages: Math.max(1, Math.ceil(total / perPage)), spelling };
}

/**
 * The words of the upcoming events, from which the spelling help picks; kept
 * like the filter choices (a minute, or until a write clears the page cache).
 */
const vocabularyMemo = new WeakMap<object, { generation: number; expires: number; vocabulary: Promise<Vocabulary> }>();

function catalogueVocabulary(ctx: AppContext): Promise<Vocabulary> {
  const memo = vocabularyMemo.get(ctx.pageCache);
  if (memo && memo.generation === ctx.pageCache.generation && memo.expires > Date.now()) return memo.vocabulary;
  const vocabulary = catalogueTexts(ctx.db, ctx.clock.now()).then((rows) => buildVocabulary(rows.flatMap((r) => [r.title, r.summary, r.search_extra, r.body])));
  const entry = { generation: ctx.pageCache.generation, expires: Date.now() + CHOICES_MAX_AGE_MS, vocabulary };
  vocabularyMemo.set(ctx.pageCache, entry);
  vocabulary.catch(() => {
    if (vocabularyMemo.get(ctx.pageCache) === entry) vocabularyMemo.delete(ctx.pageCache);
  });
  return vocabulary;
}

export interface CatalogueChoices {
  themes: { slug: string; nameDa: string; nameEn: string }[];
  /** "2026-09", in date order. */
  months: string[];
  /** Cities in Danish alphabetical order. */
  cities: string[];
  online: boolean;
}

const collator = new Intl.Collator('da');

/**
 * The choices change only when events are published or changed, and are the
 * same for every search, so they are kept for a minute, or until a write in
 * this process clears the page cache, even when rendered pages are not cached.
 */
const CHOICES_MAX_AGE_MS = 60_000;
const choicesMemo = new WeakMap<object, { generation: number; expires: number; choices: Promise<CatalogueChoices> }>();

/** What the filter form offers: themes, months and places of the upcoming events. */
export function catalogueChoices(ctx: AppContext): Promise<CatalogueChoices> {
  const memo = choicesMemo.get(ctx.pageCache);
  if (memo && memo.generation === ctx.pageCache.generation && memo.expires > Date.now()) return memo.choices;
  const choices = loadChoices(ctx);
  const entry = { generation: ctx.pageCache.generation, expires: Date.now() + CHOICES_MAX_AGE_MS, choices };
  choicesMemo.set(ctx.pageCache, entry);
  choices.catch(() => {
    if (choicesMemo.get(ctx.pageCache) === entry) choicesMemo.delete(ctx.pageCache);
  });
  return choices;
}

/** Longest look ahead for months with sessions: five years. */
const MAX_MONTHS = 60;

/**
 * The Danish months in which upcoming events have sessions, in order. Jumps
 * from one month to the next with one indexed lookup each, instead of reading
 * every session.
 */
async function sessionMonths(ctx: AppContext, now: Date): Promise<string[]> {
  const months: string[] = [];
  let from = '';
  while (months.length < MAX_MONTHS) {
    const start = await nextSessionStart(ctx.db, now, from);
    if (start === undefined) break;
    const month = danishMonthKey(start);
    months.push(month);
    from = danishMonthRange(month).to;
  }
  return months;
}

async function loadChoices(ctx: AppContext): Promise<CatalogueChoices> {
  const now = ctx.clock.now();
  const [themeRows, months, cities, online] = await Promise.all([
    catalogueThemes(ctx.db, now),
    sessionMonths(ctx, now),
    catalogueCities(ctx.db, now),
    hasUpcomingWebinar(ctx.db, now),
  ]);
  return {
    themes: themeRows.map((t) => ({ slug: t.slug, nameDa: t.name_da, nameEn: t.name_en })),
    months,
    cities: [...new Set(cities)].sort(collator.compare),
    online,
  };
}

/** The next published events, soonest first, for the front page. */
export async function upcomingEventCards(ctx: AppContext, now: Date, limit: number): Promise<EventCardRow[]> {
  return upcomingEvents(ctx.db, now, limit);
}
