import { formatDate } from '../../../lib/dates.js';
import type { Locale } from '../../../web/i18n.js';

/** A calendar date "2026-06-01" as "1. juni 2026" (noon UTC is the same day in Denmark, summer or winter). */
export function formatCalendarDate(date: string, locale: Locale): string {
  return formatDate(`${date}T12:00:00Z`, locale);
}

export const FINANCE_PATH = '/admin/invoices';
export const financeDocumentPath = (number: string) => `${FINANCE_PATH}/${encodeURIComponent(number)}`;
export const financeDownloadPath = (number: string, format: 'pdf' | 'xml') => `${financeDocumentPath(number)}/${format}`;
export const FINANCE_EXPORT_PATH = `${FINANCE_PATH}/export.csv`;
