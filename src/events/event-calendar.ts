/**
 * An event as calendar entries: one per meeting, not one per programme item.
 *
 * A calendar program shows each VEVENT as a block in the day, so a seminar
 * with twelve programme items written as twelve entries (lunch included)
 * cluttered the day. A meeting is the time from its first item to its last:
 * a course, conference, webinar or døgnseminar is one meeting from start to
 * end (a døgnseminar spans both days), unless its days are apart (a course in
 * modules weeks apart); a network (netværk) meets once on each of its days.
 * The programme itself goes in the DESCRIPTION. Pure: plain data in, text out.
 */
import { formatLongDate } from '../lib/dates.js';
import { translator, type Locale } from '../web/i18n.js';
import { paths } from '../web/paths.js';
import type { EventDetails, Session } from './event-details.js';
import { buildCalendar, type CalendarEntry } from './ics.js';
import { danishDayKey, timeRange } from '../lib/dates.js';

export interface CalendarSite {
  baseUrl: string;
}

type CalendarEvent = Pick<
  EventDetails,
  'id' | 'slug' | 'type' | 'status' | 'title' | 'summary' | 'startsAt' | 'endsAt' | 'updatedAt' | 'online' | 'venue' | 'sessions' | 'speakers'
>;

interface Meeting {
  startsAt: string;
  endsAt: string;
  sessions: Session[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "20270105" → the next calendar day's key. */
function nextDayKey(key: string): string {
  const date = new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(4, 6)) - 1, Number(key.slice(6, 8))) + DAY_MS);
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** Sessions grouped into meetings: each day of a network; otherwise runs of consecutive days. */
export function meetingsOf(event: Pick<CalendarEvent, 'type' | 'startsAt' | 'endsAt' | 'sessions'>): Meeting[] {
  const sessions = [...event.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (sessions.length === 0) return [{ startsAt: event.startsAt, endsAt: event.endsAt, sessions: [] }];
  const meetings: Array<Meeting & { lastDay: string }> = [];
  for (const s of sessions) {
    const day = danishDayKey(s.startsAt);
    const current = meetings.at(-1);
    const joins = current !== undefined && (day === current.lastDay || (event.type !== 'netvaerk' && day === nextDayKey(current.lastDay)));
    if (current && joins) {
      current.sessions.push(s);
      if (s.endsAt > current.endsAt) current.endsAt = s.endsAt;
      current.lastDay = danishDayKey(s.endsAt) > day ? danishDayKey(s.endsAt) : day;
    } else {
      meetings.push({ startsAt: s.startsAt, endsAt: s.endsAt, sessions: [s], lastDay: danishDayKey(s.endsAt) });
    }
  }
  return meetings.map(({ startsAt, endsAt, sessions: list }) => ({ startsAt, endsAt, sessions: list }));
}

function placeOf(event: CalendarEvent, locale: Locale): string | undefined {
  if (event.online) return translator(locale)('event.online');
  if (!event.venue) return undefined;
  const v = event.venue;
  return [v.name, v.address, `${v.postalCode} ${v.city}`].filter((s) => s.trim()).join(', ');
}

/** The meeting's programme as plain text lines, day by day. */
function programmeText(event: CalendarEvent, meeting: Meeting, locale: Locale): string {
  const t = translator(locale);
  const speakers = new Map(event.speakers.map((s) => [s.id, s.name]));
  const lines: string[] = [];
  let day = '';
  for (const s of meeting.sessions) {
    const key = danishDayKey(s.startsAt);
    if (key !== day) {
      if (lines.length > 0) lines.push('');
      lines.push(formatLongDate(s.startsAt, locale));
      day = key;
    }
    const who = s.speakerIds
      .map((id) => speakers.get(id))
      .filter(Boolean)
      .join(', ');
    const extra = [s.room, who].filter(Boolean).join(' · ');
    lines.push(`${timeRange(s.startsAt, s.endsAt, locale)} ${s.title}${extra ? ` (${extra})` : ''}`);
  }
  return lines.length > 0 ? `${t('event.programme')}:\n${lines.join('\n')}` : '';
}

/** The calendar entries of an event, one per meeting, with stable UIDs. */
export function calendarEntries(event: CalendarEvent, site: CalendarSite, locale: Locale): CalendarEntry[] {
  const url = site.baseUrl + paths.event(locale, event.slug);
  const host = new URL(site.baseUrl).host;
  const meetings = meetingsOf(event);
  const several = meetings.length > 1;
  const location = placeOf(event, locale);
  return meetings.map((m, i) => ({
    // Keyed by the meeting's day, so adding or removing another meeting leaves this one's UID alone.
    uid: several ? `tilmeld-event-${event.id}-${danishDayKey(m.startsAt)}@${host}` : `tilmeld-event-${event.id}@${host}`,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    summary: several ? `${event.title} (${i + 1}/${meetings.length})` : event.title,
    location,
    description: [event.summary, programmeText(event, m, locale), url].filter(Boolean).join('\n\n'),
    url,
    cancelled: event.status === 'cancelled',
  }));
}

/** The event's calendar file: the same text on the page, in the mails and in self-service. */
export function eventCalendarFile(event: CalendarEvent, site: CalendarSite, locale: Locale): string {
  return buildCalendar({ name: event.title, stamp: event.updatedAt, entries: calendarEntries(event, site, locale) });
}
