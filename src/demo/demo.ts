import type { AppContext } from '../context.js';

export interface SeedSummary {
  events: number;
  articles: number;
}

/** Loads the demo content when the database holds no events; true if it did. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return false;
  await seedDemo(ctx);
  return true;
}

export async function seedDemo(_ctx: AppContext): Promise<SeedSummary> {
  return { events: 0, articles: 0 };
}
