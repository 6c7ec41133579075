/**
 * The organiser's identity: read (kept in memory until the page cache is
 * cleared, so pages and mails do not ask the database each time), saved with
 * an audit entry in one transaction, and the page cache cleared at once so
 * every page shows the new name, logo and contact details.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { writeTransaction } from '../db/dialect.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';
import type { SiteIdentity } from '../web/site-identity.js';
import type { MailSender, MailSenderSource } from '../lib/mail-sender.js';
import { LOGO_PATH, replyToOf, type IdentityFields, type OrganiserIdentity } from './identity.js';
import { parseIdentity, type IdentityIssue } from './identity.schema.js';
import { selectIdentity, selectLogo, updateLogo, upsertIdentityFields, type IdentityRow } from './identity.queries.js';
import { checkLogo, LOGO_TYPES, type LogoError, type LogoType } from './logo.js';

const isLogoType = (v: string | null): v is LogoType => (LOGO_TYPES as readonly (string | null)[]).includes(v);

function fromRow(r: IdentityRow): OrganiserIdentity {
  return {
    name: r.display_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    contactAddress: r.contact_address,
    privacyContact: r.privacy_contact,
    mailReplyTo: r.mail_reply_to,
    logo: isLogoType(r.logo_type) && r.logo_updated_at ? { type: r.logo_type, updatedAt: r.logo_updated_at } : null,
  };
}

/** The identity, or null until an admin (or the demo) has saved it. */
export async function getIdentity(db: Database): Promise<OrganiserIdentity | null> {
  const row = await selectIdentity(db);
  return row ? fromRow(row) : null;
}

export async function getLogo(db: Database): Promise<{ type: LogoType; bytes: Buffer } | null> {
  const row = await selectLogo(db);
  return row && isLogoType(row.logo_type) ? { type: row.logo_type, bytes: Buffer.from(row.logo_base64, 'base64') } : null;
}

/** How long another process may show an old identity (this one clears at once). */
const MEMO_MS = 5_000;
const memo = new WeakMap<object, { generation: number; expires: number; identity: Promise<OrganiserIdentity | null> }>();

/** The identity as pages and mails read it: kept until a write clears the page cache, or a few seconds. */
export function currentIdentity(ctx: Pick<AppContext, 'db' | 'pageCache'>): Promise<OrganiserIdentity | null> {
  const kept = memo.get(ctx.pageCache);
  if (kept && kept.generation === ctx.pageCache.generation && kept.expires > Date.now()) return kept.identity;
  const entry = { generation: ctx.pageCache.generation, expires: Date.now() + MEMO_MS, identity: getIdentity(ctx.db) };
  memo.set(ctx.pageCache, entry);
  entry.identity.catch(() => {
    if (memo.get(ctx.pageCache) === entry) memo.delete(ctx.pageCache);
  });
  return entry.identity;
}

/** The identity as web/ shows it; the logo's path carries its version so a new logo is never taken from a cache. */
export function toSiteIdentity(identity: OrganiserIdentity): SiteIdentity {
  const { contactEmail: email, contactPhone: phone, contactAddress: address } = identity;
  return {
    name: identity.name,
    logoPath: identity.logo ? `${LOGO_PATH}?v=${Date.parse(identity.logo.updatedAt).toString(36)}` : null,
    contact: { email, phone, address },
    privacyContact: identity.privacyContact || null,
  };
}

export type IdentityUpdate = { ok: true; identity: OrganiserIdentity } | { ok: false; issues: IdentityIssue[] };

function fieldsRow(f: IdentityFields, at: string) {
  return {
    display_name: f.name,
    contact_email: f.contactEmail,
    contact_phone: f.contactPhone,
    contact_address: f.contactAddress,
    privacy_contact: f.privacyContact,
    mail_reply_to: f.mailReplyTo,
    updated_at: at,
  };
}

const fieldsOf = (i: OrganiserIdentity | null): IdentityFields | null => {
  if (!i) return null;
  const { logo: _logo, ...fields } = i;
  return fields;
};

/**
 * Saves the fields (a PATCH may send some: the others keep their stored
 * values) and, when given, a new logo or its removal; all checked first, so
 * nothing is half-saved. `actor` null only for the demo content.
 */
export async function updateIdentity(
  ctx: AppContext,
  actor: StaffIdentity | null,
  body: Record<string, unknown>,
  logo?: { upload: Buffer } | { remove: true },
): Promise<IdentityUpdate> {
  const stored = await getIdentity(ctx.db);
  const merged = { ...(fieldsOf(stored) ?? {}), ...body };
  const parsed = parseIdentity(merged);
  let logoCheck: ReturnType<typeof checkLogo> | null = null;
  if (logo && 'upload' in logo) logoCheck = checkLogo(logo.upload);
  const issues = [...(parsed.ok ? [] : parsed.issues), ...(logoCheck && !logoCheck.ok ? [{ field: 'logo' as const, code: logoCheck.error }] : [])];
  if (!parsed.ok || issues.length > 0) return { ok: false, issues };
  const now = ctx.clock.now();
  const at = now.toISOString();
  await writeTransaction(ctx.db, async (trx) => {
    const before = await getIdentity(trx);
    await upsertIdentityFields(trx, fieldsRow(parsed.fields, at));
    if (logoCheck?.ok) await updateLogo(trx, { type: logoCheck.type, base64: logoCheck.bytes.toString('base64') }, at);
    else if (logo && 'remove' in logo) await updateLogo(trx, null, at);
    const after = await getIdentity(trx);
    await recordAudit(trx, { actor, action: 'organiser_identity.update', entityType: 'organiser_identity', entityId: 1, before, after, at: now });
  });
  // Every page shows the name, logo and contact details: none may be served stale.
  ctx.pageCache.clear();
  return { ok: true, identity: (await getIdentity(ctx.db))! };
}

export type { LogoError };

/** The sender of every mail as the identity describes it: name, Reply-To (default the contact e-mail) and contact lines. */
export function mailSenderOf(identity: OrganiserIdentity): MailSender {
  return {
    name: identity.name,
    replyTo: replyToOf(identity),
    signature: [identity.name, identity.contactAddress, identity.contactPhone ? `Tlf. ${identity.contactPhone}` : '', identity.contactEmail],
  };
}

/** For the outbox worker: the current identity's sender, or null before one is saved. */
export function organiserMailSender(ctx: Pick<AppContext, 'db' | 'pageCache'>): MailSenderSource {
  return async () => {
    const identity = await currentIdentity(ctx);
    return identity ? mailSenderOf(identity) : null;
  };
}
