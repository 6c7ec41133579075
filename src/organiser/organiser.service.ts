import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { selectOrganiserSettings, upsertOrganiserSettings, type OrganiserSettingsRow } from './organiser.queries.js';
import { parseOrganiserSettings, type SettingsField } from './settings.schema.js';
import type { OrganiserSettings } from './settings.js';

/** The organiser settings, or null until an admin has saved them (no invoice can be issued before). */
export async function getOrganiserSettings(db: Kysely<DB>): Promise<OrganiserSettings | null> {
  const row = await selectOrganiserSettings(db);
  return row ? fromRow(row) : null;
}

/**
 * Stores the settings in the caller's transaction. They are checked again
 * with the form's rules, so no code path (seed, CLI, a future API) can store
 * an invalid CVR or GLN that would then be printed on every invoice.
 */
export async function saveOrganiserSettings(trx: Kysely<DB>, settings: OrganiserSettings, updatedAt: string): Promise<void> {
  const parsed = parseOrganiserSettings(toSettingsForm(settings));
  if (!parsed.ok) {
    throw new Error(`Invalid organiser settings: ${parsed.issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
  }
  await upsertOrganiserSettings(trx, { ...toRow(parsed.settings), updated_at: updatedAt });
}

/** The settings as the form's strings, to fill it in. */
export function toSettingsForm(s: OrganiserSettings): Record<Exclude<SettingsField, 'nextInvoiceNumber'>, string> {
  return {
    legalName: s.legalName,
    address: s.address,
    postalCode: s.postalCode,
    city: s.city,
    countryCode: s.countryCode,
    cvr: s.cvr,
    gln: s.gln,
    bankRegNo: s.bankRegNo,
    bankAccountNo: s.bankAccountNo,
    iban: s.iban ?? '',
    bic: s.bic ?? '',
    paymentTermsDays: String(s.paymentTermsDays),
    invoiceNumberPrefix: s.invoiceNumberPrefix,
    invoiceIssueTiming: s.invoiceIssueTiming,
    invoiceEmailFrom: s.invoiceEmailFrom,
    invoiceEmailReplyTo: s.invoiceEmailReplyTo ?? '',
  };
}

function fromRow(r: OrganiserSettingsRow): OrganiserSettings {
  return {
    legalName: r.legal_name,
    address: r.address,
    postalCode: r.postal_code,
    city: r.city,
    countryCode: r.country_code,
    cvr: r.cvr,
    gln: r.gln,
    bankRegNo: r.bank_reg_no,
    bankAccountNo: r.bank_account_no,
    iban: r.iban,
    bic: r.bic,
    paymentTermsDays: Number(r.payment_terms_days),
    invoiceNumberPrefix: r.invoice_number_prefix,
    invoiceIssueTiming: r.invoice_issue_timing,
    invoiceEmailFrom: r.invoice_email_from,
    invoiceEmailReplyTo: r.invoice_email_reply_to,
  };
}

function toRow(s: OrganiserSettings): Omit<OrganiserSettingsRow, 'updated_at'> {
  return {
    legal_name: s.legalName,
    address: s.address,
    postal_code: s.postalCode,
    city: s.city,
    country_code: s.countryCode,
    cvr: s.cvr,
    gln: s.gln,
    bank_reg_no: s.bankRegNo,
    bank_account_no: s.bankAccountNo,
    iban: s.iban,
    bic: s.bic,
    payment_terms_days: s.paymentTermsDays,
    invoice_number_prefix: s.invoiceNumberPrefix,
    invoice_issue_timing: s.invoiceIssueTiming,
    invoice_email_from: s.invoiceEmailFrom,
    invoice_email_reply_to: s.invoiceEmailReplyTo,
  };
}
