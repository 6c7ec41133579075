import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCalendar, calendarFilename, escapeText, foldLine, utcDateTime } from './ics.js';
import { localDateTime } from '../lib/dates.js';

/** Undoes folding (RFC 5545 §3.1) and splits into content lines. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('leaves Danish letters alone', () => {
    expect(escapeText('Døgnseminar på Hotel Ærø, Åbenrå')).toBe('Døgnseminar på Hotel Ærø\\, Åbenrå');
  });
});

describe('foldLine', () => {
  it('keeps lines of 75 octets as they are', () => {
    const line = 'x'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines into pieces of at most 75 octets with a leading space', () => {
    const folded = foldLine(`SUMMARY:${'a'.repeat(200)}`);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'a'.repeat(200)}`);
  });

  it('counts octets, not characters, and never splits a Danish letter', () => {
    const line = `SUMMARY:${'æøå'.repeat(40)}`;
    const pieces = foldLine(line).split('\r\n');
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
      // A split inside a two-octet letter would not survive a UTF-8 round trip.
      expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
    }
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
  });

  it('unfolds to the original for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
        for (const piece of folded.split('\r\n')) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
      }),
    );
  });
});

describe('times', () => {
  it('writes Danish wall-clock time in summer and winter', () => {
    expect(localDateTime('2026-09-10T07:30:00.000Z')).toBe('20260910T093000');
    expect(localDateTime('2026-12-10T07:30:00.000Z')).toBe('20261210T083000');
    expect(localDateTime('2026-03-29T00:59:00.000Z')).toBe('20260329T015900');
    expect(localDateTime('2026-03-29T01:00:00.000Z')).toBe('20260329T030000');
  });

  it('writes DTSTAMP in UTC', () => {
    expect(utcDateTime('2026-06-01T10:00:00.000Z')).toBe('20260601T100000Z');
  });
});

describe('buildCalendar', () => {
  const calendar = buildCalendar({
    name: 'Konsulent i en politisk styret organisation',
    stamp: '2026-05-01T08:00:00.000Z',
    entries: [
      {
        uid: 'session-1@tilmeld.test',
        startsAt: '2026-09-10T07:30:00.000Z',
        endsAt: '2026-09-10T15:00:00.000Z',
        summary: 'Døgnseminar: dag 1',
        location: 'Hotel Nyborg Strand, Østerøvej 2, 5800 Nyborg',
        description: 'Om konsulentens rolle; læs mere:\nhttps://tilmeld.test/arrangementer/x',
        url: 'https://tilmeld.test/arrangementer/x',
      },
      {
        uid: 'session-2@tilmeld.test',
        startsAt: '2026-09-11T07:00:00.000Z',
        endsAt: '2026-09-11T12:00:00.000Z',
        summary: 'Døgnseminar: dag 2',
        cancelled: true,
      },
    ],
  });

  it('uses CRLF line endings only', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one VEVENT per entry with local times, a time zone and escaped text', () => {
    const lines = unfold(calendar);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Copenhagen');
    expect(lines).toContain('DTSTART;TZID=Europe/Copenhagen:20260910T093000');
    expect(lines).toContain('DTEND;TZID=Europe/Copenhagen:20260910T170000');
    expect(lines).toContain('DTSTART;TZID=Europe/Copenhagen:20260911T090000');
    expect(lines).toContain('UID:session-1@tilmeld.test');
    expect(lines.filter((l) => l === 'DTSTAMP:20260501T080000Z')).toHaveLength(2);
    expect(lines).toContain('LOCATION:Hotel Nyborg Strand\\, Østerøvej 2\\, 5800 Nyborg');
    expect(lines).toContain('DESCRIPTION:Om konsulentens rolle\\; læs mere:\\nhttps://tilmeld.test/arrangementer/x');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('X-WR-CALNAME:Konsulent i en politisk styret organisation');
  });

  it('keeps every physical line within 75 octets', () => {
    for (const line of calendar.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('calendarFilename', () => {
  it('makes an ASCII file name from the slug', () => {
    expect(calendarFilename('konsulent-i-en-politisk-styret-organisation')).toBe('konsulent-i-en-politisk-styret-organisation.ics');
    expect(calendarFilename('døgnseminar-på-ærø')).toBe('doegnseminar-paa-aeroe.ics');
    expect(calendarFilename('"; rm -rf /')).toBe('rm-rf.ics');
    expect(calendarFilename('///')).toBe('arrangement.ics');
  });
});
