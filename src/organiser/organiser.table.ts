import type { InvoiceIssueTiming } from './settings.js';

/** The organiser's settings (migration 010): one row, id = 1. */
export interface OrganiserSettingsTable {
  id: number;
  legal_name: string;
  address: string;
  postal_code: string;
  city: string;
  country_code: string;
  cvr: string;
  gln: string;
  bank_reg_no: string;
  bank_account_no: string;
  iban: string | null;
  bic: string | null;
  payment_terms_days: number;
  invoice_number_prefix: string;
  invoice_issue_timing: InvoiceIssueTiming;
  invoice_email_from: string;
  invoice_email_reply_to: string | null;
  updated_at: string;
}

export interface OrganiserTables {
  organiser_settings: OrganiserSettingsTable;
  organiser_identity: OrganiserIdentityTable;
}

/** The organiser's public identity (migration 2026_12_06_50): one row, id = 1. */
export interface OrganiserIdentityTable {
  id: number;
  display_name: string;
  contact_email: string;
  contact_phone: string;
  contact_address: string;
  privacy_contact: string;
  mail_reply_to: string | null;
  logo_type: string | null;
  logo_base64: string | null;
  logo_updated_at: string | null;
  updated_at: string;
}
