/**
 * The organiser: the course provider running this installation, as it
 * appears on every invoice and credit note it sends (the Peppol supplier).
 * One set of settings per installation, edited by admins at
 * /admin/settings/organiser and read with `getOrganiserSettings(db)`.
 */

export const INVOICE_ISSUE_TIMINGS = ['on-confirmation', 'after-event'] as const;
/** When a booking's invoice is issued: as soon as the booking is confirmed, or once the event has ended. */
export type InvoiceIssueTiming = (typeof INVOICE_ISSUE_TIMINGS)[number];

export const PAYMENT_TERMS_MIN_DAYS = 1;
export const PAYMENT_TERMS_MAX_DAYS = 90;

export interface OrganiserSettings {
  /** Legal name as registered with CVR (the supplier's PartyLegalEntity/RegistrationName). */
  legalName: string;
  /** Street and number. */
  address: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case ("DK"). */
  countryCode: string;
  /** Eight digits passing the modulus-11 check; Peppol schemeID 0184, VAT number "DK" + cvr. */
  cvr: string;
  /** 13-digit GLN ("EAN number") with a valid GS1 check digit: the supplier's Peppol EndpointID, schemeID 0088. */
  gln: string;
  /** Danish bank registration number: four digits. */
  bankRegNo: string;
  /** Danish bank account number: one to ten digits. */
  bankAccountNo: string;
  /** Upper case without spaces, passing the ISO 13616 mod-97 check; null when not given. */
  iban: string | null;
  /** 8 or 11 characters (ISO 9362), upper case; null when not given. */
  bic: string | null;
  /** Days from the issue date to the due date, 1–90. */
  paymentTermsDays: number;
  /**
   * Put before the number of every invoice and credit note ("TM-" → "TM-1042");
   * letters, digits and "-" only, at most 10 characters, may be empty.
   */
  invoiceNumberPrefix: string;
  invoiceIssueTiming: InvoiceIssueTiming;
  /** The From address of invoice mails. */
  invoiceEmailFrom: string;
  /** Reply-To of invoice mails; null: replies go to invoiceEmailFrom. */
  invoiceEmailReplyTo: string | null;
}

/**
 * The next invoice number is NOT a settings field: it belongs to the invoice
 * counter (src/invoices, migration 006), the one place that hands out numbers.
 * The settings page shows it and may only raise it (never below a number
 * already issued), through the counter's own function, in the same
 * transaction as the rest of the settings.
 */
export interface OrganiserSettingsWithSeries extends OrganiserSettings {
  /** The number the next document will get (without the prefix). */
  nextInvoiceNumber: number;
}
