/** What the demo loader asks the database before it loads anything. */
import type { Database } from '../db/database.js';

export async function eventCount(db: Database): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function articleExists(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}
