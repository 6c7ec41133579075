import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * The back office: staff accounts, their sessions and API tokens (secrets
 * stored only as SHA-256), the audit log of every change staff make, and which
 * events a facilitator may see.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', idColumnType(db), idColumn(db))
    // Trimmed and in lower case, so "Anne@X.dk" and "anne@x.dk" are one account.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('da'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    // AES-256-GCM under a key derived from SECRET_KEY; null when TOTP is off.
    .addColumn('totp_secret', 'text')
    // 1 while a TOTP secret is enrolled but not yet confirmed with a code.
    .addColumn('totp_pending', 'integer', (c) => c.notNull().defaultTo(0))
    // The last 30-second step a code was accepted for: a code works once.
    .addColumn('totp_last_step', 'integer')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('staff_users_role', sql`role IN ('admin', 'manager', 'finance', 'facilitator')`)
    .addCheckConstraint('staff_users_locale', sql`locale IN ('da', 'en')`)
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    // 1 between a correct password and the TOTP code: such a session opens nothing.
    .addColumn('pending_totp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('staff_sessions_user_idx').on('staff_sessions').column('user_id').execute();
  await db.schema.createIndex('staff_sessions_expiry_idx').on('staff_sessions').column('expires_at').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idColumnType(db), idColumn(db))
    // No foreign key: the entry outlives the account; the e-mail is kept as it was.
    .addColumn('actor_id', 'integer')
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('event_facilitators')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_facilitators_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_facilitators_user_idx').on('event_facilitators').column('user_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
