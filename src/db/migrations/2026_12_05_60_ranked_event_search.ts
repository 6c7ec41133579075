import { sql, type Kysely } from 'kysely';
import { stemWords } from '../../lib/stemming.js';
import { dialectOf } from '../dialect.js';

/**
 * Search ranks title above summary above the rest, so SQLite's FTS5 table
 * gets one column per part (title, summary, speakers/themes/sessions/venue,
 * description) and bm25 can weigh them as PostgreSQL's setweight A/B/C/D
 * already does. The table is rebuilt from the events; PostgreSQL's generated
 * column needs no change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`DROP TABLE IF EXISTS event_search`.execute(db);
  await sql`CREATE VIRTUAL TABLE event_search USING fts5(title, summary, extra, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  const events = await db.selectFrom('events').select(['id', 'title', 'summary', 'search_extra', 'body']).execute();
  const stemmed = (text: string) => stemWords(text).join(' ');
  for (const e of events) {
    await sql`INSERT INTO event_search (rowid, title, summary, extra, body)
      VALUES (${e.id}, ${stemmed(e.title)}, ${stemmed(e.summary)}, ${stemmed(e.search_extra)}, ${stemmed(e.body)})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
