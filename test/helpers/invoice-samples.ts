/**
 * A seller, a buyer and organiser settings for invoice tests: a Danish
 * course provider invoicing Aarhus Kommune through its EAN.
 */
import type { BuyerSnapshot, SellerSnapshot } from '../../src/invoices/document.js';
import type { OrganiserSettings } from '../../src/organiser/settings.js';

export const sampleSettings: OrganiserSettings = {
  legalName: 'Kursusakademiet for Offentlig Ledelse ApS',
  address: 'Vesterbrogade 10, 2. sal',
  postalCode: '1620',
  city: 'København V',
  countryCode: 'DK',
  cvr: '29189463',
  gln: '5790001234560',
  bankRegNo: '1234',
  bankAccountNo: '0012345678',
  iban: 'DK5000400440116243',
  bic: 'NDEADKKK',
  paymentTermsDays: 30,
  invoiceNumberPrefix: 'TM-',
  invoiceIssueTiming: 'on-confirmation',
  invoiceEmailFrom: 'faktura@kursusakademiet.dk',
  invoiceEmailReplyTo: null,
};

export const sampleSeller: SellerSnapshot = {
  legalName: sampleSettings.legalName,
  address: sampleSettings.address,
  postalCode: sampleSettings.postalCode,
  city: sampleSettings.city,
  countryCode: 'DK',
  cvr: sampleSettings.cvr,
  gln: sampleSettings.gln,
  bankRegNo: sampleSettings.bankRegNo,
  bankAccountNo: sampleSettings.bankAccountNo,
  iban: sampleSettings.iban,
  bic: sampleSettings.bic,
  email: sampleSettings.invoiceEmailFrom,
};

export const sampleBuyer: BuyerSnapshot = {
  organisation: 'Aarhus Kommune',
  address: 'Rådhuspladsen 2',
  postalCode: '8000',
  city: 'Aarhus C',
  countryCode: 'DK',
  cvr: '55133018',
  ean: '5798000416604',
  personReference: 'HR 4711',
  poNumber: 'PO-2026-118',
  email: 'faktura@aarhus.dk',
  contactName: 'Mette Holm',
};
