import type { AppContext } from '../context.js';
import { createDemoEvent } from './demo-event.js';
import { storeMaterial } from '../materials/materials.service.js';
import { createArticle } from '../news/news.service.js';
import { DemoCalendar } from './calendar.js';
import { articleExists, eventCount } from './demo.queries.js';
import { SEMINAR_TITLE } from './doegnseminar.js';
import { demoEvents, type DemoEventKey } from './events.js';
import { newsArticles, type DemoArticle } from './news-articles.js';
import { programmePdf } from './programme-pdf.js';
import { seedSeminarGroups } from './groups.js';
import { PAST_COURSE_SLUG, seedPastCourse } from './after-event.js';
import { demoOrganiserSettings } from './organiser.js';
import { getOrganiserSettings, saveOrganiserSettings } from '../organiser/organiser.service.js';
import { SEMINAR_2016_ARTICLE_SLUG, seminar2016Article, seminarEditionArticle } from './seminar-articles.js';
import { getIdentity, updateIdentity } from '../organiser/identity.service.js';
import { seedDemoBookings } from './bookings.js';
import { DEMO_LOGO_SVG, demoIdentity } from './logo.js';

export interface SeedSummary {
  events: number;
  articles: number;
  materials: number;
  /** True when the demo content was there already and nothing was added. */
  alreadyLoaded: boolean;
}

const ORGANISER = demoIdentity.name;

/** Loads the demo content when the database holds no events; true if it did. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const started = await startDemoIfEmpty(ctx);
  if (!started) return false;
  await started.finish();
  return true;
}

/**
 * What a server does on an empty database: loads the demo's events, articles
 * and settings (what a visitor sees) and returns; the programme PDFs, the
 * sixty bookings and their group plan (most of the time: loading the PDF
 * library, embedding a font, the grouping engine's search) are left to
 * `finish`, which a server calls once it listens. Undefined when the
 * database holds events already.
 */
export async function startDemoIfEmpty(ctx: AppContext): Promise<{ finish: () => Promise<void> } | undefined> {
  if ((await eventCount(ctx.db)) > 0) return undefined;
  if (await demoLoaded(ctx)) return undefined;
  const loaded = await seedDemoContent(ctx);
  return { finish: () => finishDemo(ctx, loaded) };
}

/**
 * The past course with check-ins, an answered evaluation and course
 * certificates (after-event.ts), loaded after the rest of the demo: its PDFs
 * take a few seconds, so the server answers first. Does nothing when it is there.
 */
export async function seedAfterEventDemo(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('events').select('id').where('slug', '=', PAST_COURSE_SLUG).executeTakeFirst();
  if (row) return false;
  await seedPastCourse(ctx, new DemoCalendar(ctx.clock.now()));
  return true;
}

export async function demoLoaded(ctx: AppContext): Promise<boolean> {
  return articleExists(ctx.db, SEMINAR_2016_ARTICLE_SLUG);
}

/**
 * Loads the demo scenario through the same services the back office uses:
 * the 2016 døgnseminar with its article and programme PDF, a new edition open
 * for sign-up, events of every type around today's date, and news. Does
 * nothing when the 2016 article exists, so it is safe to run twice.
 */
export async function seedDemo(ctx: AppContext): Promise<SeedSummary> {
  if (await demoLoaded(ctx)) return { events: 0, articles: 0, materials: 0, alreadyLoaded: true };
  const loaded = await seedDemoContent(ctx);
  await finishDemo(ctx, loaded);
  return { events: Object.keys(loaded.eventIds).length, articles: loaded.articles, materials: 2, alreadyLoaded: false };
}

interface DemoContent {
  cal: DemoCalendar;
  events: ReturnType<typeof demoEvents>;
  eventIds: Record<DemoEventKey, number>;
  articleIds: Map<string, number>;
  articles: number;
}

/** The organiser settings, the events and the articles, the 2016 article (which marks the demo as loaded) last. */
async function seedDemoContent(ctx: AppContext): Promise<DemoContent> {
  // Settings an admin has saved already are never overwritten.
  if (!(await getOrganiserSettings(ctx.db))) {
    await saveOrganiserSettings(ctx.db, demoOrganiserSettings, ctx.clock.now().toISOString());
  }
  // The name, logo and contact details shown on the site and in mails, unless an admin has saved their own.
  if (!(await getIdentity(ctx.db))) {
    const saved = await updateIdentity(ctx, null, demoIdentity, { upload: Buffer.from(DEMO_LOGO_SVG, 'utf8') });
    if (!saved.ok) throw new Error(`Invalid demo identity: ${JSON.stringify(saved.issues)}`);
  }
  const cal = new DemoCalendar(ctx.clock.now());
  const events = demoEvents(cal);

  const eventIds = {} as Record<DemoEventKey, number>;
  for (const key of Object.keys(events) as DemoEventKey[]) {
    eventIds[key] = await createDemoEvent(ctx, events[key]);
  }

  const create = (a: DemoArticle) => {
    const { events: keys, ...input } = a;
    return createArticle(ctx, { ...input, eventIds: (keys ?? []).map((k) => eventIds[k]) });
  };
  // Oldest first, drafts last; the 2016 article comes last of all, because
  // its presence is what marks the demo content as loaded.
  const others = [seminarEditionArticle(cal), ...newsArticles(cal, events)].sort((a, b) =>
    (a.publishedAt ?? '\uffff').localeCompare(b.publishedAt ?? '\uffff'),
  );
  const articleIds = new Map<string, number>();
  for (const a of others) articleIds.set(a.slug, await create(a));
  articleIds.set(SEMINAR_2016_ARTICLE_SLUG, await create(seminar2016Article()));
  return { cal, events, eventIds, articleIds, articles: others.length + 1 };
}

/**
 * The programme PDFs of both døgnseminars, and sixty participants from twenty
 * municipalities booked on the new edition with a three-round group plan.
 * A server stopped while this runs (on its very first start) keeps the demo
 * without these; the pages stay whole, since nothing links to them before
 * they exist.
 */
async function finishDemo(ctx: AppContext, { cal, events, eventIds, articleIds }: DemoContent): Promise<void> {
  const edition = events.seminarEdition;
  const year = edition.slug.slice(-4);
  await storeMaterial(ctx, {
    title: `Program: ${SEMINAR_TITLE} ${year}`,
    filename: `program-konsulent-i-en-politisk-styret-organisation-${year}.pdf`,
    contentType: 'application/pdf',
    bytes: await programmePdf(edition, ORGANISER),
    visibility: 'public',
    eventId: eventIds.seminarEdition,
    articleId: articleIds.get(seminarEditionArticle(cal).slug) ?? null,
  });
  await storeMaterial(ctx, {
    title: 'Døgnseminar. Politisk konsulent 2016',
    filename: 'doegnseminar-politisk-konsulent-2016.pdf',
    contentType: 'application/pdf',
    bytes: await programmePdf(events.seminar2016, ORGANISER),
    visibility: 'public',
    eventId: eventIds.seminar2016,
    articleId: articleIds.get(SEMINAR_2016_ARTICLE_SLUG) ?? null,
  });
  // Sixty participants from twenty municipalities and a three-round group plan for them.
  await seedSeminarGroups(ctx, eventIds.seminarEdition, edition.slug);
  // Bookings, invoices and payments on the courses and a past conference, for the dashboard and the lists.
  await seedDemoBookings(ctx, {
    full: events.facilitering.slug,
    open: [events.skrivKlart.slug, events.ledelse.slug],
    past: { slug: events.databeskyttelse.slug, bookedAt: cal.relative(-30, '10:00') },
  });
}
