import { sql, type Kysely } from 'kysely';
import { createEventSearchIndex, idColumn, idColumnType } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);

  await db.schema
    .createTable('venues')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('map_url', 'text')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', idType, id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('included', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('venue_id', 'integer', (c) => c.references('venues.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signup_opens_at', 'text')
    .addColumn('signup_closes_at', 'text')
    .addColumn('price_ore', 'integer', (c) => c.notNull())
    .addColumn('member_price_ore', 'integer')
    .addColumn('vat_mode', 'text', (c) => c.notNull())
    .addColumn('vat_exemption_reason', 'text')
    .addColumn('search_extra', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('events_seats_within_capacity', sql`seats_taken >= 0 AND seats_taken <= capacity`)
    .execute();
  // The catalogue lists, counts and filters from this index alone, in date order; the rows hold long texts.
  await db.schema.createIndex('events_status_starts_idx').on('events').columns(['status', 'starts_at', 'ends_at', 'type', 'venue_id']).execute();
  await createEventSearchIndex(db);

  await db.schema
    .createTable('sessions')
    .addColumn('id', idType, id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('room', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_event_idx').on('sessions').columns(['event_id', 'starts_at']).execute();
  await db.schema.createIndex('sessions_starts_idx').on('sessions').columns(['starts_at', 'ends_at', 'event_id']).execute();

  await db.schema
    .createTable('speakers')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('session_speakers')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('speaker_id', 'integer', (c) => c.notNull().references('speakers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('session_speakers_pk', ['session_id', 'speaker_id'])
    .execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', idType, id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_themes')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_themes_pk', ['event_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('event_themes_theme_idx').on('event_themes').columns(['theme_id', 'event_id']).execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', idType, id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lede', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_published_idx').on('articles').column('published_at').execute();

  await db.schema
    .createTable('article_events')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_events_pk', ['article_id', 'event_id'])
    .execute();

  await db.schema
    .createTable('materials')
    .addColumn('id', idType, id)
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer', (c) => c.references('events.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('materials_event_idx').on('materials').column('event_id').execute();
  await db.schema.createIndex('materials_article_idx').on('materials').column('article_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
