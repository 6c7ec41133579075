/** "2026-07-01" → "1. juli 2026": how invoices and credit notes write a date, in the XML texts and the PDF alike. */
export function danishDate(date: string): string {
  return new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
