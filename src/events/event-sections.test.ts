import { describe, expect, it } from 'vitest';
import { addOnCodes, documentFromDraft, emptyDraft, emptySession, normaliseCode } from './event-form.js';
import { eventReadiness, newEventDraft, overlaySection, publishBlockers, sectionOfPath, splitIssues, withRow, withStarterRows } from './event-sections.js';
import { parseEventDocument, type EventDocument } from './event-document.schema.js';

const doc = (over: Record<string, unknown> = {}): EventDocument => {
  const parsed = parseEventDocument({
    type: 'kursus',
    title: 'Klart sprog',
    summary: 'Kort',
    body: 'Lang',
    capacity: 20,
    priceOre: 100_000,
    vatMode: 'standard',
    venue: { name: 'Huset', address: 'Vej 1', postalCode: '8000', city: 'Aarhus' },
    sessions: [{ startsAt: '2030-10-05T09:30', endsAt: '2030-10-05T15:00', title: 'Dag' }],
    ...over,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};
const now = new Date('2030-01-01T12:00:00Z');

describe('event sections', () => {
  it('lays a posted section over the stored draft and nothing else', () => {
    const base = { ...emptyDraft(), title: 'Gemt', capacity: '20', price: '1.000,00' };
    const posted = { ...emptyDraft(), title: 'Ny', capacity: '99', price: '5,00' };
    const merged = overlaySection(base, posted, 'tilmelding');
    expect([merged.title, merged.capacity, merged.price]).toEqual(['Gemt', '99', '1.000,00']);
  });

  it("takes the new-event step's fields over a new event's defaults, the first day named after the event", () => {
    const day = { ...emptySession(), date: '05.10.2030', start: '9.30', end: '15.00', title: 'Ignoreret' };
    const posted = {
      ...emptyDraft(),
      title: 'Klart sprog',
      price: '1.000,00',
      capacity: '20',
      venueId: '3',
      vatMode: '',
      freeDays: '',
      late: '',
      questions: [{ id: '', kind: 'text', labelDa: 'Ikke på siden', labelEn: '', options: '', required: false, remove: false }],
      sessions: [day, { ...day, title: 'Dag 2' }],
    };
    const d = newEventDraft(posted);
    expect([d.title, d.price, d.capacity, d.venueId, d.vatMode, d.freeDays, d.late, d.questions]).toEqual([
      'Klart sprog',
      '1.000,00',
      '20',
      '3',
      'standard',
      '0',
      'fee',
      [],
    ]);
    expect(d.sessions).toEqual([{ ...emptySession(), date: '05.10.2030', start: '9.30', end: '15.00', title: 'Klart sprog' }]);
    const parsed = parseEventDocument(documentFromDraft(d).input);
    expect(parsed.success).toBe(true);
    // A blank title is refused for the title alone: the programme item it would name is not on the page.
    const blank = parseEventDocument(documentFromDraft(newEventDraft({ ...posted, title: ' ' })).input);
    expect(blank.success ? [] : blank.error.issues.map((i) => i.path.join('.'))).toEqual(['title']);
  });

  it('names the section an issue belongs to, and splits issues of other sections out', () => {
    expect(sectionOfPath(['earlyBirdEndsAt'], 'program')).toBe('priser');
    expect(sectionOfPath(['sessions', 0, 'title'], 'program')).toBe('program');
    expect(sectionOfPath([], 'tilmelding')).toBe('tilmelding');
    const { own, other } = splitIssues(
      [
        { path: ['sessions', 0, 'startsAt'], code: 'invalid_datetime' },
        { path: ['earlyBirdEndsAt'], code: 'early_bird_after_start' },
      ],
      'program',
    );
    expect(own).toHaveLength(1);
    expect(other).toEqual([expect.objectContaining({ section: 'priser', code: 'early_bird_after_start' })]);
  });

  it('adds one row to one list, up to its limit, and a starter row where a list is empty', () => {
    const d = withRow(emptyDraft(), 'sessions');
    expect([d.sessions.length, d.addOns.length, d.questions.length]).toEqual([2, 0, 0]);
    let many = emptyDraft();
    for (let i = 0; i < 40; i++) many = withRow(many, 'addOns');
    expect(many.addOns).toHaveLength(30);
    expect(withStarterRows(emptyDraft(), 'priser').addOns).toHaveLength(1);
    expect(withStarterRows(emptyDraft(), 'spoergsmaal').questions).toHaveLength(1);
  });

  it('makes codes from names and normalises typed ones', () => {
    expect(normaliseCode('Middag Torsdag!')).toBe('middag-torsdag');
    expect(
      addOnCodes([
        { code: '', nameDa: 'Overnatning på Ærø', nameEn: '' },
        { code: 'ENKELT Værelse', nameDa: 'x', nameEn: 'x' },
        { code: '', nameDa: 'Overnatning på Ærø', nameEn: '' },
        { code: '!!!', nameDa: 'y', nameEn: 'y' },
        { code: '', nameDa: '', nameEn: '' },
      ]),
    ).toEqual(['overnatning-paa-aeroe', 'enkelt-vaerelse', 'overnatning-paa-aeroe-2', '!!!', 'tilvalg']);
  });

  it('tells what is complete, missing and what blocks publishing', () => {
    const ok = eventReadiness({ document: doc(), status: 'draft', startsAt: '2030-10-05T07:30:00.000Z', materials: 0 }, now);
    expect(publishBlockers(ok)).toEqual([]);
    expect(ok.find((r) => r.section === 'grundoplysninger')!.state).toBe('complete');
    expect(ok.find((r) => r.section === 'spoergsmaal')!.state).toBe('optional');
    const bad = eventReadiness(
      { document: doc({ venue: null, summary: '', capacity: 0 }), status: 'draft', startsAt: '2029-10-05T07:30:00.000Z', materials: 0 },
      now,
    );
    expect(publishBlockers(bad).map((b) => `${b.section}:${b.note}`)).toEqual(['tid-og-sted:venueMissing', 'program:alreadyStarted', 'tilmelding:noSeats']);
    expect(bad.find((r) => r.section === 'grundoplysninger')!.state).toBe('missing');
    // A webinar needs no venue.
    const webinar = eventReadiness(
      { document: doc({ venue: null, type: 'webinar' }), status: 'draft', startsAt: '2030-10-05T07:30:00.000Z', materials: 0 },
      now,
    );
    expect(publishBlockers(webinar)).toEqual([]);
  });
});
