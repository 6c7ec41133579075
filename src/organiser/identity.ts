/**
 * The organiser's identity: the name the public sees (header, page titles,
 * mails), contact details for the footer and every mail, the Reply-To of
 * mails, the data-protection contact of the privacy page and a logo. Edited
 * at /admin/settings/identity and through PATCH /api/v1/organiser.
 */
import type { LogoType } from './logo.js';

export interface OrganiserIdentity {
  name: string;
  contactEmail: string;
  /** '' when not given. */
  contactPhone: string;
  /** One line, '' when not given. */
  contactAddress: string;
  /** '' when not given: the privacy page then names the contact e-mail. */
  privacyContact: string;
  /** null: replies go to contactEmail. */
  mailReplyTo: string | null;
  logo: { type: LogoType; updatedAt: string } | null;
}

export type IdentityFields = Omit<OrganiserIdentity, 'logo'>;

/** The address replies to every mail go to. */
export const replyToOf = (identity: Pick<OrganiserIdentity, 'contactEmail' | 'mailReplyTo'>): string => identity.mailReplyTo ?? identity.contactEmail;

export const LOGO_PATH = '/organisation/logo';
