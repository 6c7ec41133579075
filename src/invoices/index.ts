/**
 * What invoices offers the rest of Tilmeld. Other areas import from here, not
 * from the files behind it.
 */
// The finance pages' address and counts, for the dashboard (admin).
export { FINANCE_PATH } from './views/admin/format.js';
export { financeCounts } from './finance.queries.js';
// The dashboard shows invoiced, paid and outstanding this year.
export { revenueSummary, type RevenueSummary } from './finance.service.js';
// The next invoice number, which the organiser's settings show and change.
export { readNextInvoiceNumber, setNextInvoiceNumber } from './invoices.queries.js';
// The booker's invoices and credit notes on the self-service page (registrations).
export { BookerInvoicesSection, type BookerDocument } from './views/BookerInvoices.js';
