/**
 * A small iCalendar (RFC 5545) writer for event calendar files.
 *
 * The `ics` package writes times either in UTC or as floating local time and
 * has no VTIMEZONE support; a course at "kl. 09.30" should stay 09.30 Danish
 * time in every calendar program, so times are written with
 * TZID=Europe/Copenhagen and the zone's rules are included. The writer is pure:
 * plain data in, text out.
 */
import { localDateTime, TIME_ZONE } from '../lib/dates.js';

export interface CalendarEntry {
  /** Stable across downloads so a calendar updates the entry rather than adding a copy. */
  uid: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
  url?: string | undefined;
  cancelled?: boolean | undefined;
}

export interface CalendarInput {
  /** Calendar name shown by some programs. */
  name?: string | undefined;
  /** When this information last changed (DTSTAMP), ISO UTC. */
  stamp: string;
  entries: CalendarEntry[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into pieces of at most 75 octets (UTF-8), each
 * continuation starting with one space; a character is never split.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const octets = Buffer.byteLength(char, 'utf8');
    // Continuation lines lose one octet to the leading space.
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (size + octets > limit) {
      pieces.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += octets;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

/** "20260601T100000Z". */
export function utcDateTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Denmark's rules since 1996: summer time from the last Sunday in March to the last Sunday in October. */
const TIMEZONE_BLOCK = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A whole calendar file: CRLF line ends, folded lines, one VEVENT per entry. */
export function buildCalendar(input: CalendarInput): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tilmeld//Tilmeld//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (input.name) lines.push(`X-WR-CALNAME:${escapeText(input.name)}`);
  lines.push(...TIMEZONE_BLOCK);
  const stamp = utcDateTime(input.stamp);
  for (const entry of input.entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${entry.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${TIME_ZONE}:${localDateTime(entry.startsAt)}`,
      `DTEND;TZID=${TIME_ZONE}:${localDateTime(entry.endsAt)}`,
      `SUMMARY:${escapeText(entry.summary)}`,
    );
    if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
    if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    if (entry.url) lines.push(`URL:${entry.url}`);
    lines.push(`STATUS:${entry.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A file name for the calendar download built from the event's slug (ASCII only). */
export function calendarFilename(slug: string): string {
  const base = slug
    .normalize('NFC')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'oe')
    .replace(/å/gi, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${base || 'arrangement'}.ics`;
}
