import type { AppContext } from '../context.js';
import { createEvent } from '../events/events.service.js';
import { storeMaterial } from '../materials/materials.service.js';
import { createArticle } from '../news/news.service.js';
import { DemoCalendar } from './calendar.js';
import { SEMINAR_TITLE } from './doegnseminar.js';
import { demoEvents, type DemoEventKey } from './events.js';
import { newsArticles, type DemoArticle } from './news-articles.js';
import { programmePdf } from './programme-pdf.js';
import { seedSeminarGroups } from './groups.js';
import { PAST_COURSE_SLUG, seedPastCourse } from './after-event.js';
import { demoOrganiserSettings } from './organiser.js';
import { getOrganiserSettings, saveOrganiserSettings } from '../organiser/organiser.service.js';
import { SEMINAR_2016_ARTICLE_SLUG, seminar2016Article, seminarEditionArticle } from './seminar-articles.js';

export interface SeedSummary {
  events: number;
  articles: number;
  materials: number;
  /** True when the demo content was there already and nothing was added. */
  alreadyLoaded: boolean;
}

const ORGANISER = 'Tilmeld';

/** Loads the demo content when the database holds no events; true if it did. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return false;
  const summary = await seedDemo(ctx);
  return !summary.alreadyLoaded;
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
  const row = await ctx.db.selectFrom('articles').select('id').where('slug', '=', SEMINAR_2016_ARTICLE_SLUG).executeTakeFirst();
  return row !== undefined;
}

/**
 * Loads the demo scenario through the same services the back office uses:
 * the 2016 døgnseminar with its article and programme PDF, a new edition open
 * for sign-up, events of every type around today's date, and news. Does
 * nothing when the 2016 article exists, so it is safe to run twice.
 */
export async function seedDemo(ctx: AppContext): Promise<SeedSummary> {
  if (await demoLoaded(ctx)) return { events: 0, articles: 0, materials: 0, alreadyLoaded: true };
  // Settings an admin has saved already are never overwritten.
  if (!(await getOrganiserSettings(ctx.db))) {
    await saveOrganiserSettings(ctx.db, demoOrganiserSettings, ctx.clock.now().toISOString());
  }
  const cal = new DemoCalendar(ctx.clock.now());
  const events = demoEvents(cal);

  const eventIds = {} as Record<DemoEventKey, number>;
  for (const key of Object.keys(events) as DemoEventKey[]) {
    eventIds[key] = await createEvent(ctx, events[key]);
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

  // Sixty participants from twenty municipalities and a three-round group plan for them.
  await seedSeminarGroups(ctx, eventIds.seminarEdition, edition.slug);

  const bytes2016 = await programmePdf(events.seminar2016, ORGANISER);
  const article2016 = await create(seminar2016Article());
  await storeMaterial(ctx, {
    title: 'Døgnseminar. Politisk konsulent 2016',
    filename: 'doegnseminar-politisk-konsulent-2016.pdf',
    contentType: 'application/pdf',
    bytes: bytes2016,
    visibility: 'public',
    eventId: eventIds.seminar2016,
    articleId: article2016,
  });

  return { events: Object.keys(eventIds).length, articles: others.length + 1, materials: 2, alreadyLoaded: false };
}
