/**
 * What the organiser area offers the rest of Tilmeld. Other areas import from
 * here: the name the public sees, for mails, feeds and documents made outside
 * a page request (a page has it in page.site, see web/page.ts), and the name a
 * document issued by the organiser carries.
 */
import type { AppContext } from '../context.js';
import type { Locale } from '../web/i18n.js';
import { publicNameOf } from '../web/site-identity.js';
import { currentIdentity } from './identity.service.js';
import { getOrganiserSettings } from './organiser.service.js';

type IdentityReader = Pick<AppContext, 'db' | 'pageCache'>;

/**
 * The organiser's name, or the catalogue's site name until one is saved.
 * Inside a write transaction pass `{ ...ctx, db: trx }`: on SQLite the
 * transaction holds the only connection.
 */
export async function publicName(ctx: IdentityReader, locale: Locale): Promise<string> {
  return publicNameOf(await currentIdentity(ctx), locale);
}

/** The name in each language, for a mailing whose recipients read different ones. */
export async function publicNames(ctx: IdentityReader): Promise<Record<Locale, string>> {
  const identity = await currentIdentity(ctx);
  return { da: publicNameOf(identity, 'da'), en: publicNameOf(identity, 'en') };
}

/**
 * Who issues a document (certificate, evaluation report, lists for the venue):
 * the legal name from the invoicing settings when given, else the name the
 * public sees.
 */
export async function organiserName(ctx: IdentityReader, locale: Locale): Promise<string> {
  return (await getOrganiserSettings(ctx.db))?.legalName || publicName(ctx, locale);
}
