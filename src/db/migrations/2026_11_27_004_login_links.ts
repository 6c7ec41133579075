import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * Short-lived secrets of "Mine tilmeldinger", stored only as SHA-256 hashes:
 * 'login' (the mailed link, single use), 'session' (the list after the link
 * was used) and 'access' (one registration's self-service page, opened from
 * the list; limited to one participant when the address is not the booker's).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_links')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'integer', (c) => c.references('registrations.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addCheckConstraint('login_links_kind', sql`kind IN ('login', 'session', 'access')`)
    .execute();
  // Counting recent requests per address (rate limit) and removing expired rows.
  await db.schema.createIndex('login_links_email_idx').on('login_links').columns(['email', 'kind', 'created_at']).execute();
  await db.schema.createIndex('login_links_expiry_idx').on('login_links').column('expires_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
