import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { seedDemo, seedDemoIfEmpty, type SeedSummary } from '../../src/demo/demo.js';
import { EVENT_TYPES } from '../../src/events/events.table.js';
import { seatFactsOf, signupOpen } from '../../src/events/seat-status.js';
import { fixedClock } from '../../src/lib/clock.js';
import { addDays, formatTime, localDateKey } from '../../src/lib/dates.js';
import { materialPath } from '../../src/materials/materials.service.js';
import { getOrganiserSettings } from '../../src/organiser/organiser.service.js';
import { isValidCvr, isValidGln } from '../../src/lib/identifiers.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { pdfTextLines } from '../helpers/pdf-text.js';

const ARTICLE_2016 = 'konsulenten-som-facilitator-i-den-politisk-styrede-kommune';

async function eventsOf(ctx: AppContext) {
  return ctx.db.selectFrom('events').selectAll().orderBy('id').execute();
}

forEachDialect('demo content', (dialect) => {
  let ctx: AppContext;
  let database: TestDatabase;
  let loaded: boolean;

  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect));
    loaded = await seedDemoIfEmpty(ctx);
  });
  afterAll(async () => {
    await database?.drop();
  });

  // How fast it loads is measured by the start-up benchmark (npm run bench), not here.
  it('loads on an empty database, and only once', async () => {
    expect(loaded).toBe(true);
    expect(await seedDemoIfEmpty(ctx)).toBe(false);
  });

  it('has organiser settings with a CVR and GLN that pass the checks, so invoices can be issued', async () => {
    const settings = await getOrganiserSettings(ctx.db);
    expect(settings).not.toBeNull();
    expect(isValidCvr(settings!.cvr)).toBe(true);
    expect(isValidGln(settings!.gln)).toBe(true);
    expect(settings!.legalName).toContain('demo');
  });

  it('creates at least 14 events of all five types and 20 articles', async () => {
    const events = await eventsOf(ctx);
    expect(events.length).toBeGreaterThanOrEqual(14);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    const articles = await ctx.db.selectFrom('articles').select(['slug', 'published_at']).execute();
    expect(articles).toHaveLength(20);
    const now = TEST_NOW.toISOString();
    expect(articles.filter((a) => a.published_at === null)).toHaveLength(1);
    expect(articles.filter((a) => a.published_at !== null && a.published_at > now)).toHaveLength(1);
    const linked = await ctx.db.selectFrom('article_events').select('article_id').distinct().execute();
    expect(linked.length).toBeGreaterThanOrEqual(10);
  });

  it('has the 2016 article dated 24 May 2016, linked to the archived døgnseminar with the speaker', async () => {
    const article = await ctx.db.selectFrom('articles').selectAll().where('slug', '=', ARTICLE_2016).executeTakeFirstOrThrow();
    expect(localDateKey(article.published_at!)).toBe('2016-05-24');
    expect(formatTime(article.published_at!, 'da')).toBe('kl. 08.00');
    expect(article.body).toMatch(/^## /m);
    expect(article.body).toMatch(/^> ”/m);
    expect(article.body).toContain('Henrik Rosenlund Knudsen');

    const links = await ctx.db
      .selectFrom('article_events')
      .innerJoin('events', 'events.id', 'article_events.event_id')
      .select(['events.id', 'events.title', 'events.type', 'events.status', 'events.starts_at', 'events.ends_at'])
      .where('article_events.article_id', '=', article.id)
      .execute();
    expect(links).toHaveLength(1);
    const event = links[0]!;
    expect(event).toMatchObject({ title: 'Konsulent i en politisk styret organisation', type: 'doegnseminar', status: 'archived' });
    expect(event.starts_at.slice(0, 4)).toBe('2016');
    expect(localDateKey(event.ends_at)).not.toBe(localDateKey(event.starts_at));

    const speakers = await ctx.db
      .selectFrom('sessions')
      .innerJoin('session_speakers', 'session_speakers.session_id', 'sessions.id')
      .innerJoin('speakers', 'speakers.id', 'session_speakers.speaker_id')
      .select(['speakers.name', 'speakers.title', 'speakers.organisation'])
      .where('sessions.event_id', '=', event.id)
      .execute();
    expect(speakers).toContainEqual({ name: 'Henrik Rosenlund Knudsen', title: 'Sekretariatschef', organisation: 'Skanderborg Kommune' });
  });

  it('attaches the programme as a real PDF with an embedded font', async () => {
    const article = await ctx.db.selectFrom('articles').select('id').where('slug', '=', ARTICLE_2016).executeTakeFirstOrThrow();
    const material = await ctx.db.selectFrom('materials').selectAll().where('article_id', '=', article.id).executeTakeFirstOrThrow();
    expect(material).toMatchObject({
      title: 'Døgnseminar. Politisk konsulent 2016',
      filename: 'doegnseminar-politisk-konsulent-2016.pdf',
      content_type: 'application/pdf',
      visibility: 'public',
    });
    const bytes = fs.readFileSync(materialPath(ctx, material.storage_key));
    expect(bytes.length).toBe(material.size_bytes);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.includes('/FontFile2')).toBe(true);
    expect(bytes.includes('IBMPlexSans')).toBe(true);
    expect(bytes.includes('/Helvetica')).toBe(false);

    const text = pdfTextLines(bytes).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Konsulent i en politisk styret organisation');
    expect(text).toContain('DØGNSEMINAR');
    expect(text).toContain('Torsdag den 9. juni 2016');
    expect(text).toContain('Henrik Rosenlund Knudsen, sekretariatschef, Skanderborg Kommune');
    expect(text).toContain('Kursuscenter Søhøjlandet');
    expect(text).toContain('10.30–12.00');
    expect(text).not.toContain('\ufffd');
  });

  it('has a new edition of the døgnseminar, published and open for sign-up', async () => {
    const events = await eventsOf(ctx);
    const editions = events.filter((e) => e.title === 'Konsulent i en politisk styret organisation' && e.status === 'published');
    expect(editions).toHaveLength(1);
    const e = editions[0]!;
    expect(e.slug).toBe(`konsulent-i-en-politisk-styret-organisation-${localDateKey(e.starts_at).slice(0, 4)}`);
    expect(e.starts_at > TEST_NOW.toISOString()).toBe(true);
    expect(signupOpen(seatFactsOf(e), TEST_NOW)).toBe(true);
    expect(e.signup_closes_at! < e.starts_at).toBe(true);
    expect(e).toMatchObject({ capacity: 80, price_ore: 495_000, vat_mode: 'standard' });
    expect(e.included).toMatch(/[Oo]vernatning/);
    const venue = await ctx.db.selectFrom('venues').selectAll().where('id', '=', e.venue_id!).executeTakeFirstOrThrow();
    expect(venue.address).not.toBe('');
    expect(venue.accessibility).not.toBe('');
    const sessions = await ctx.db.selectFrom('sessions').selectAll().where('event_id', '=', e.id).execute();
    expect(new Set(sessions.map((s) => localDateKey(s.starts_at))).size).toBe(2);
    expect(sessions.length).toBeGreaterThanOrEqual(8);
    const promo = await ctx.db
      .selectFrom('article_events')
      .innerJoin('articles', 'articles.id', 'article_events.article_id')
      .select('articles.published_at')
      .where('article_events.event_id', '=', e.id)
      .execute();
    expect(promo.some((a) => a.published_at !== null && a.published_at <= TEST_NOW.toISOString())).toBe(true);
    const programme = await ctx.db.selectFrom('materials').select(['content_type', 'visibility']).where('event_id', '=', e.id).execute();
    expect(programme).toEqual([{ content_type: 'application/pdf', visibility: 'public' }]);
  });

  it('seats the 60 participants of the new edition, from 20 municipalities, at tables in a three-round plan', async () => {
    const e = (await eventsOf(ctx)).find((x) => x.title === 'Konsulent i en politisk styret organisation' && x.status === 'published')!;
    const people = await ctx.db
      .selectFrom('participants')
      .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
      .select(['participants.id', 'registrations.payer_organisation'])
      .where('participants.event_id', '=', e.id)
      .where('participants.status', '=', 'confirmed')
      .execute();
    expect(people).toHaveLength(60);
    expect(new Set(people.map((p) => p.payer_organisation)).size).toBe(20);
    expect(e.seats_taken).toBe(60);
    const plans = await ctx.db.selectFrom('group_plans').select(['id', 'score', 'random_score']).where('event_id', '=', e.id).execute();
    expect(plans).toHaveLength(1);
    expect(plans[0]!.score).toBeGreaterThan(plans[0]!.random_score);
    const rounds = await ctx.db
      .selectFrom('group_plan_rounds')
      .select(['id', 'round_no', 'table_count'])
      .where('plan_id', '=', plans[0]!.id)
      .orderBy('round_no')
      .execute();
    expect(rounds.map((r) => r.round_no)).toEqual([1, 2, 3]);
    for (const r of rounds) {
      const seats = await ctx.db.selectFrom('group_plan_assignments').select(['participant_id', 'table_no']).where('round_id', '=', r.id).execute();
      expect(new Set(seats.map((x) => x.participant_id))).toEqual(new Set(people.map((p) => p.id)));
      const sizes = new Map<number, number>();
      for (const x of seats) sizes.set(x.table_no, (sizes.get(x.table_no) ?? 0) + 1);
      expect(sizes.size).toBe(r.table_count);
      expect(Math.max(...sizes.values()) - Math.min(...sizes.values())).toBeLessThanOrEqual(1);
    }
  });

  it('covers the cases the site must show: cancelled, not yet open, free, momsfri, online, series', async () => {
    const events = await eventsOf(ctx);
    const now = TEST_NOW.toISOString();
    expect(events.some((e) => e.status === 'cancelled')).toBe(true);
    expect(events.some((e) => e.status === 'published' && e.signup_opens_at !== null && e.signup_opens_at > now)).toBe(true);
    expect(events.some((e) => e.type === 'webinar' && e.price_ore === 0)).toBe(true);
    const exempt = events.filter((e) => e.vat_mode === 'exempt');
    expect(exempt.length).toBeGreaterThanOrEqual(2);
    for (const e of exempt) expect(e.vat_exemption_reason).toBeTruthy();
    for (const e of events.filter((x) => x.type === 'webinar')) expect(e.venue_id).toBeNull();
    for (const e of events.filter((x) => x.type !== 'webinar')) expect(e.venue_id).not.toBeNull();

    const sessions = await ctx.db.selectFrom('sessions').select(['event_id', 'starts_at', 'ends_at']).execute();
    const byEvent = (id: number) => sessions.filter((s) => s.event_id === id);
    for (const e of events.filter((x) => x.type === 'netvaerk')) expect(byEvent(e.id).length).toBeGreaterThanOrEqual(4);
    expect(events.some((e) => e.type === 'konference' && new Set(byEvent(e.id).map((s) => localDateKey(s.starts_at))).size === 2)).toBe(true);

    const cities = await ctx.db.selectFrom('venues').select('city').distinct().execute();
    expect(cities.length).toBeGreaterThanOrEqual(7);
    const themes = await ctx.db.selectFrom('themes').select('slug').execute();
    expect(themes.length).toBeGreaterThanOrEqual(10);
    const speakers = await ctx.db.selectFrom('speakers').select(['title', 'organisation']).execute();
    for (const s of speakers) {
      expect(s.title).not.toBe('');
      expect(s.organisation).not.toBe('');
    }
  });

  it('places every session at a sensible Danish time on a weekday', async () => {
    const sessions = await ctx.db.selectFrom('sessions').select(['starts_at', 'ends_at']).execute();
    for (const s of sessions) {
      const start = formatTime(s.starts_at, 'en');
      const end = formatTime(s.ends_at, 'en');
      expect(start >= '08:00' && start <= '19:00', `${s.starts_at} starts at ${start}`).toBe(true);
      expect(end > start && end <= '23:00', `${s.ends_at} ends at ${end}`).toBe(true);
      const day = new Date(`${localDateKey(s.starts_at)}T12:00:00Z`).getUTCDay();
      expect(day >= 1 && day <= 5).toBe(true);
    }
  });

  it('has bookings for every list and chart: a full course with a waiting list, paid and unpaid invoices, a past event', async () => {
    const events = await eventsOf(ctx);
    const full = events.find((e) => e.slug === 'facilitering-af-moeder-og-workshops')!;
    expect(full.seats_taken).toBe(full.capacity);
    expect(full.waiting_count).toBeGreaterThan(0);
    const cancelled = await ctx.db.selectFrom('participants').select('id').where('status', '=', 'cancelled').execute();
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
    const docs = await ctx.db.selectFrom('invoice_documents').select(['status', 'event_id']).execute();
    expect(docs.some((d) => d.status === 'paid')).toBe(true);
    expect(docs.some((d) => d.status !== 'paid')).toBe(true);
    const now = TEST_NOW.toISOString();
    const past = events.filter((e) => e.ends_at < now && e.seats_taken > 0 && e.status === 'published');
    expect(past.length).toBeGreaterThan(0);
    expect(docs.some((d) => past.some((e) => e.id === d.event_id))).toBe(true);
  });

  it('has a demo organiser with a name, contact details and a cleaned SVG logo', async () => {
    const { getIdentity, getLogo } = await import('../../src/organiser/identity.service.js');
    const identity = await getIdentity(ctx.db);
    expect(identity).toMatchObject({ name: 'Kursuscenter Eksempelby', contactEmail: 'kursus@tilmeld.example' });
    const logo = await getLogo(ctx.db);
    expect(logo?.type).toBe('image/svg+xml');
    expect(logo!.bytes.toString('utf8')).toContain('<circle');
  });

  it('adds nothing when run again', async () => {
    const before = { events: (await eventsOf(ctx)).length, files: fs.readdirSync(`${ctx.config.dataDir}/files`).length };
    const summary: SeedSummary = await seedDemo(ctx);
    expect(summary).toEqual({ events: 0, articles: 0, materials: 0, alreadyLoaded: true });
    expect(await seedDemoIfEmpty(ctx)).toBe(false);
    expect((await eventsOf(ctx)).length).toBe(before.events);
    expect(await ctx.db.selectFrom('articles').select('id').execute()).toHaveLength(20);
    expect(await ctx.db.selectFrom('materials').select('id').execute()).toHaveLength(2);
    expect(fs.readdirSync(`${ctx.config.dataDir}/files`)).toHaveLength(before.files);
  });

  describe('seeded with a clock 200 days later', () => {
    const later = addDays(TEST_NOW, 200);
    let other: { ctx: AppContext; database: TestDatabase };

    beforeAll(async () => {
      other = await createTestContext(dialect, fixedClock(later));
      await seedDemo(other.ctx);
    });
    afterAll(async () => {
      await other?.database.drop();
    });

    it('moves every dated event with the clock, but not the 2016 seminar', async () => {
      const first = await eventsOf(ctx);
      const second = await eventsOf(other.ctx);
      expect(second).toHaveLength(first.length);
      for (const [i, a] of first.entries()) {
        const b = second[i]!;
        expect(b.type).toBe(a.type);
        expect(b.status).toBe(a.status);
        if (a.starts_at < '2017') {
          expect(b.starts_at).toBe(a.starts_at);
          continue;
        }
        expect(b.starts_at).not.toBe(a.starts_at);
        // The same event is in the future (or the past) under either clock.
        expect(b.starts_at > later.toISOString()).toBe(a.starts_at > TEST_NOW.toISOString());
      }
      const edition = second.find((e) => e.title === 'Konsulent i en politisk styret organisation' && e.status === 'published')!;
      expect(signupOpen(seatFactsOf(edition), later)).toBe(true);
    });

    it('dates the news relative to the clock, the 2016 article excepted', async () => {
      const stamps = async (c: AppContext) =>
        (await c.db.selectFrom('articles').select(['slug', 'published_at']).orderBy('slug').execute()).map((a) => [a.slug, a.published_at] as const);
      const a = new Map(await stamps(ctx));
      const b = new Map(await stamps(other.ctx));
      expect(b.get(ARTICLE_2016)).toBe(a.get(ARTICLE_2016));
      const shifted = [...a.keys()].filter((slug) => a.get(slug) && b.get(slug) && slug !== ARTICLE_2016);
      expect(shifted.length).toBeGreaterThanOrEqual(17);
      for (const slug of shifted) {
        expect(new Date(b.get(slug)!).getTime() - new Date(a.get(slug)!).getTime()).toBeCloseTo(200 * 86_400_000, -7);
      }
    });
  });
});
