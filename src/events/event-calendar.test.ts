import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { EventDetails, Session } from './event-details.js';
import type { EventType } from './events.table.js';
import { eventCalendarFile, meetingsOf } from './event-calendar.js';

const site = { baseUrl: 'https://kurser.example.dk' };

let nextId = 1;
/** A session on a Danish day and wall-clock time (winter: UTC+1). */
function session(day: string, from: string, to: string, title: string, room = ''): Session {
  const utc = (time: string) => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return new Date(`${day}T${String(h - 1).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`).toISOString();
  };
  return { id: nextId++, startsAt: utc(from), endsAt: utc(to), title, description: '', room, speakerIds: [] };
}

function eventOf(type: EventType, sessions: Session[], extra: Partial<EventDetails> = {}) {
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    id: 42,
    slug: `et-${type}`,
    type,
    status: 'published' as const,
    title: `Et ${type}, med komma; og semikolon`,
    summary: 'Kort om arrangementet.',
    startsAt: sorted[0]!.startsAt,
    endsAt: sorted
      .map((s) => s.endsAt)
      .sort()
      .at(-1)!,
    updatedAt: '2026-11-01T10:00:00.000Z',
    online: type === 'webinar',
    venue: type === 'webinar' ? null : { name: 'Hotel Ærø', address: 'Strandvej 1', postalCode: '5970', city: 'Ærøskøbing', accessibility: '', mapUrl: null },
    sessions,
    speakers: [],
    ...extra,
  };
}

/** Parses with ical.js, registering the file's own VTIMEZONE so TZID times resolve. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

const seminarDay1 = '2027-01-14';
const seminarDay2 = '2027-01-15';
const doegnseminar = () =>
  eventOf('doegnseminar', [
    session(seminarDay1, '10:00', '10:30', 'Ankomst og kaffe'),
    session(seminarDay1, '10:30', '12:00', 'Oplæg: Konsulent i en politisk styret organisation', 'Salen'),
    session(seminarDay1, '12:00', '13:00', 'Frokost'),
    session(seminarDay1, '13:00', '14:30', 'Workshop 1'),
    session(seminarDay1, '14:30', '15:00', 'Kaffe'),
    session(seminarDay1, '15:00', '17:00', 'Workshop 2'),
    session(seminarDay1, '18:30', '21:00', 'Middag'),
    session(seminarDay2, '08:00', '09:00', 'Morgenmad'),
    session(seminarDay2, '09:00', '10:30', 'Oplæg'),
    session(seminarDay2, '10:30', '12:00', 'Workshop 3'),
    session(seminarDay2, '12:00', '13:00', 'Frokost'),
    session(seminarDay2, '13:00', '15:00', 'Opsamling'),
  ]);

describe('the calendar file of each event type (parsed with ical.js)', () => {
  it('a døgnseminar is one entry from the first day’s start to the second day’s end, with the programme in the description', () => {
    const text = eventCalendarFile(doegnseminar(), site, 'da');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    expect(events).toHaveLength(1);
    const [entry] = events;
    expect(entry!.startDate.toJSDate().toISOString()).toBe('2027-01-14T09:00:00.000Z');
    expect(entry!.endDate.toJSDate().toISOString()).toBe('2027-01-15T14:00:00.000Z');
    expect(entry!.startDate.zone?.tzid).toBe('Europe/Copenhagen');
    expect(entry!.summary).toBe('Et doegnseminar, med komma; og semikolon');
    expect(entry!.location).toBe('Hotel Ærø, Strandvej 1, 5970 Ærøskøbing');
    expect(entry!.description).toContain('Kort om arrangementet.');
    expect(entry!.description).toContain('kl. 10.30–12.00 Oplæg: Konsulent i en politisk styret organisation (Salen)');
    expect(entry!.description).toContain('kl. 12.00–13.00 Frokost');
    expect(entry!.description).toContain('https://kurser.example.dk/arrangementer/et-doegnseminar');
    expect(entry!.uid).toBe('tilmeld-event-42@kurser.example.dk');
  });

  it('a network has one entry per meeting, each from its first to its last item, with UIDs keyed by day', () => {
    const network = eventOf('netvaerk', [
      session('2027-02-02', '13:00', '14:00', 'Møde 1: oplæg'),
      session('2027-02-02', '14:00', '16:00', 'Møde 1: erfaringsudveksling'),
      session('2027-03-02', '13:00', '16:00', 'Møde 2'),
      session('2027-04-06', '13:00', '16:00', 'Møde 3'),
    ]);
    const { events } = parse(eventCalendarFile(network, site, 'da'));
    expect(events.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      ['2027-02-02T12:00:00.000Z', '2027-02-02T15:00:00.000Z'],
      ['2027-03-02T12:00:00.000Z', '2027-03-02T15:00:00.000Z'],
      ['2027-04-06T12:00:00.000Z', '2027-04-06T15:00:00.000Z'],
    ]);
    expect(events.map((e) => e.uid)).toEqual([
      'tilmeld-event-42-20270202@kurser.example.dk',
      'tilmeld-event-42-20270302@kurser.example.dk',
      'tilmeld-event-42-20270406@kurser.example.dk',
    ]);
    expect(events[0]!.summary).toBe('Et netvaerk, med komma; og semikolon (1/3)');
    expect(events[0]!.description).toContain('Møde 1: erfaringsudveksling');
    expect(events[0]!.description).not.toContain('Møde 2');
  });

  it('a one-day course is one entry, a two-day conference one entry over both days', () => {
    const course = eventOf('kursus', [
      session('2027-01-06', '09:30', '12:00', 'Formiddag'),
      session('2027-01-06', '12:00', '12:45', 'Frokost'),
      session('2027-01-06', '12:45', '15:30', 'Eftermiddag'),
    ]);
    const conference = eventOf('konference', [session('2027-03-10', '09:00', '17:00', 'Dag 1'), session('2027-03-11', '09:00', '15:00', 'Dag 2')]);
    const c = parse(eventCalendarFile(course, site, 'da')).events;
    expect(c).toHaveLength(1);
    expect(c[0]!.endDate.toJSDate().toISOString()).toBe('2027-01-06T14:30:00.000Z');
    const k = parse(eventCalendarFile(conference, site, 'en')).events;
    expect(k).toHaveLength(1);
    expect(k[0]!.description).toContain('https://kurser.example.dk/en/events/et-konference');
    expect(k[0]!.description).toContain('Programme:');
  });

  it('a course in modules weeks apart has one entry per module', () => {
    const modules = eventOf('kursus', [session('2027-01-05', '09:30', '16:00', 'Modul 1'), session('2027-01-19', '09:30', '16:00', 'Modul 2')]);
    expect(parse(eventCalendarFile(modules, site, 'da')).events).toHaveLength(2);
  });

  it('a webinar is one entry online; a cancelled event is marked cancelled', () => {
    const webinar = eventOf('webinar', [session('2026-12-17', '13:00', '14:30', 'Webinar')], { status: 'cancelled' });
    const { events } = parse(eventCalendarFile(webinar, site, 'da'));
    expect(events).toHaveLength(1);
    expect(events[0]!.location).toBe('Online');
    expect(events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('the same event gives the same text, so UIDs and content stay stable', () => {
    expect(eventCalendarFile(doegnseminar(), site, 'da').replace(/tilmeld-event-\d+/g, '')).toBe(
      eventCalendarFile(doegnseminar(), site, 'da').replace(/tilmeld-event-\d+/g, ''),
    );
  });
});

describe('meetingsOf', () => {
  it('an event without a programme is one meeting from its start to its end', () => {
    expect(meetingsOf({ type: 'kursus', startsAt: '2027-01-05T08:30:00.000Z', endsAt: '2027-01-05T15:00:00.000Z', sessions: [] })).toEqual([
      { startsAt: '2027-01-05T08:30:00.000Z', endsAt: '2027-01-05T15:00:00.000Z', sessions: [] },
    ]);
  });
});
