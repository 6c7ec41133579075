import { formatCalendarDate } from '../lib/dates.js';

/** "2026-07-01" → "1. juli 2026": how invoices and credit notes write a date, in the XML texts and the PDF alike. */
export function danishDate(date: string): string {
  return formatCalendarDate(date, 'da');
}
