import type { OrganiserSettings } from '../organiser/settings.js';

/**
 * The demo organiser, so that `npm start` can issue invoices that pass every
 * check. Clearly fictitious: an address on "Eksempelvej", mail under the
 * reserved .example domain, a CVR and a GLN (in the Danish GS1 range 579)
 * made up to pass the modulus-11 and check-digit rules, and the Danish IBAN
 * of the made-up account.
 */
export const demoOrganiserSettings: OrganiserSettings = {
  legalName: 'Tilmeld Kursuscenter (demo)',
  address: 'Eksempelvej 1',
  postalCode: '5000',
  city: 'Odense C',
  countryCode: 'DK',
  cvr: '12345674',
  gln: '5799999999994',
  bankRegNo: '1234',
  bankAccountNo: '0001234567',
  iban: 'DK0812340001234567',
  bic: null,
  paymentTermsDays: 30,
  invoiceNumberPrefix: 'TM-',
  invoiceIssueTiming: 'on-confirmation',
  invoiceEmailFrom: 'faktura@tilmeld.example',
  invoiceEmailReplyTo: 'bogholderi@tilmeld.example',
};
