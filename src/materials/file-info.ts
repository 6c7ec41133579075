import type { Locale } from '../web/i18n.js';

const typeLabels: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
  'application/zip': 'ZIP',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** A short name for a file's type ("PDF", "Word"), from its media type or else its extension. */
export function fileTypeLabel(contentType: string, filename: string): string {
  const known = typeLabels[contentType.split(';')[0]!.trim().toLowerCase()];
  if (known) return known;
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1];
  return ext ? ext.toUpperCase() : 'Fil';
}

/** Which DKFDS icon shows the file type. */
export function fileIcon(contentType: string): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf') return 'file-pdf';
  if (type.includes('word') || type.includes('opendocument.text')) return 'file-word';
  if (type.includes('excel') || type.includes('spreadsheet') || type === 'text/csv') return 'file-excel';
  if (type.startsWith('image/')) return 'file-image';
  return 'file';
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** "1,2 MB" / "1.2 MB", "340 kB", "12 bytes". Units of 1,000 bytes, as file managers show them. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const n = numberFormats[locale];
  if (bytes < 1000) return `${n.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 999_500) return `${n.format(Math.round(bytes / 1000))} kB`;
  if (bytes < 999_950_000) return `${n.format(Math.round(bytes / 100_000) / 10)} MB`;
  return `${n.format(Math.round(bytes / 100_000_000) / 10)} GB`;
}
