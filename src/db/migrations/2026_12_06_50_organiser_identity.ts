import type { Kysely } from 'kysely';

/**
 * The organiser's identity as the public sees it: the name in the header,
 * titles and mails, a logo, contact details for the footer and every mail,
 * the Reply-To of mails and the data-protection contact. One row (id = 1),
 * none until an admin saves it (the site then shows its defaults). The logo
 * is small (a limit is enforced on upload) and kept as base64 text, so both
 * databases store it alike.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organiser_identity')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('contact_address', 'text', (c) => c.notNull())
    .addColumn('privacy_contact', 'text', (c) => c.notNull())
    .addColumn('mail_reply_to', 'text')
    .addColumn('logo_type', 'text')
    .addColumn('logo_base64', 'text')
    .addColumn('logo_updated_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organiser_identity').execute();
}
